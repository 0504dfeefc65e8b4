/**
 * Runs the CLI against the given I/O and returns the exit code; `runFromProcess` wires it to the
 * real process (the bin's only call).
 */

import { reportError } from "./errors.js";
import type { CliIo } from "./io.js";
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
    stdout: process.stdout,
    stderr: process.stderr,
    now: () => new Date(),
  });
}
