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

/** What happens when the reader of a pipe has gone (`gift-calc … | head`): stop quietly. */
function readerGone(): never {
  process.exit(process.exitCode ?? 0);
}

/**
 * Stdout written with fs.writeSync when it is a regular file (`> out.json`), a pipe (`| jq`) or a
 * socket (a pipe as Node's child_process makes them); undefined for anything else (a terminal),
 * which process.stdout writes. process.stdout first encodes each string into a new Buffer (the
 * 4.6 MB JSON of 23k senders: ~10 ms against ~6), and for a pipe it is a socket whose setting up
 * loads node:net and the stream classes: ~5 ms, a tenth of the main job's start-up.
 *
 * A file takes a short write (a full disk) as written, as process.stdout's file stream does. A pipe
 * is written as a C program writes it, each write waiting while the pipe is full (the pace a slow
 * reader sets). Should a write not wait (a parent left the pipe non-blocking) or write only part,
 * the rest, and every later write, goes to `fallback()` (process.stdout, which waits for the pipe
 * and says when it has drained). When the reader has gone, `onReaderGone`.
 */
export function directStdout(
  fd = 1,
  fallback: () => NodeJS.WritableStream & OutputStream = () => streamWithExit(process.stdout),
  onReaderGone: () => void = readerGone,
): OutputStream | undefined {
  let isFile: boolean;
  try {
    const info = fstatSync(fd);
    if (!info.isFile() && !info.isFIFO() && !info.isSocket()) return undefined;
    isFile = info.isFile();
  } catch {
    return undefined;
  }
  if (isFile) {
    return {
      isTTY: false,
      write: (text) => {
        writeSync(fd, text);
      },
    };
  }
  let stream: (NodeJS.WritableStream & OutputStream) | undefined;
  return {
    isTTY: false,
    write: (text) => {
      if (stream !== undefined) return stream.write(text);
      let written = 0;
      try {
        written = writeSync(fd, text);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "EPIPE") return onReaderGone();
        if (code !== "EAGAIN") throw error;
      }
      if (written === Buffer.byteLength(text)) return;
      stream = fallback();
      if (written === 0) stream.write(text);
      else stream.write(Buffer.from(text).subarray(written));
    },
    get writableNeedDrain() {
      return stream?.writableNeedDrain ?? false;
    },
    once: (event, listener) => (stream?.once === undefined ? listener() : stream.once(event, listener)),
  };
}

/** process.stdout or process.stderr, made to stop quietly when the reader of its pipe has gone. */
function streamWithExit(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  if (stream.listenerCount("error") === 0) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") readerGone();
      throw error;
    });
  }
  return stream;
}

/**
 * A stream made only when first used: process.stderr for a pipe costs ~5 ms to set up (node:net),
 * and most runs write nothing to it.
 */
function lazyStream(make: () => NodeJS.WriteStream): OutputStream {
  let stream: NodeJS.WriteStream | undefined;
  const made = () => {
    stream ??= streamWithExit(make());
    return stream;
  };
  return {
    write: (text) => made().write(text),
    get isTTY() {
      return made().isTTY;
    },
    get columns() {
      return made().columns;
    },
    get writableNeedDrain() {
      return made().writableNeedDrain;
    },
    once: (event, listener) => made().once(event, listener),
  };
}

export async function runFromProcess(): Promise<void> {
  process.exitCode = await run({
    argv: process.argv.slice(2),
    env: process.env,
    cwd: process.cwd(),
    // A getter: touching process.stdin opens fd 0, which only reading commands need.
    get stdin() {
      return process.stdin;
    },
    stdout: directStdout() ?? lazyStream(() => process.stdout),
    stderr: lazyStream(() => process.stderr),
    now: () => new Date(),
  });
}
