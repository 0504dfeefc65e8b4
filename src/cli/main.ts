/**
 * Runs the CLI against the given I/O and returns the exit code; `runFromProcess` wires it to the
 * real process (the bin's only call).
 */

import { fstatSync, writeSync } from "node:fs";
import { reportError } from "./errors.js";
import type { CliIo, OutputStream } from "./io.js";
import { buildProgram } from "./program.js";

export async function run(io: CliIo): Promise<number> {
  try {
    const program = buildProgram(io);
    await program.parseAsync([...io.argv], { from: "user" });
    return 0;
  } catch (error) {
    return reportError(error, io);
  }
}

/**
 * Stdout when it is a regular file (`> out.json`), else undefined. process.stdout writes to a file
 * synchronously too, but through a stream that first encodes each string into a new Buffer;
 * fs.writeSync encodes natively (the 4.6 MB JSON of 23k senders: ~6 ms against ~10 ms). Like
 * process.stdout's file stream, it takes a short write (a full disk) as written.
 */
export function fileStdout(fd = 1): OutputStream | undefined {
  try {
    if (!fstatSync(fd).isFile()) return undefined;
  } catch {
    return undefined;
  }
  return {
    isTTY: false,
    write: (text) => {
      writeSync(fd, text);
    },
  };
}

export async function runFromProcess(): Promise<void> {
  // The reader of stdout went away (`gift-calc … | head`): stop quietly, as a pipeline expects.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  process.exitCode = await run({
    argv: process.argv.slice(2),
    env: process.env,
    cwd: process.cwd(),
    // A getter: touching process.stdin opens fd 0, which only reading commands need.
    get stdin() {
      return process.stdin;
    },
    stdout: fileStdout() ?? process.stdout,
    stderr: process.stderr,
    now: () => new Date(),
  });
}
