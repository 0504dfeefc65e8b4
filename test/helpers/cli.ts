/** Run the CLI in-process with captured output: what tests use instead of spawning the bin. */
import { Readable } from "node:stream";
import type { OutputStream } from "../../src/cli/io.js";
import { run } from "../../src/cli/main.js";

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** With `slowStdout`: how often the command waited for stdout to drain. */
  readonly stdoutWaits: number;
}

export interface CliOptions {
  readonly env?: Record<string, string | undefined>;
  readonly cwd?: string;
  /** Text piped to stdin; without it stdin is an empty terminal-less stream. */
  readonly stdin?: string;
  /** Pretend stdin is a terminal (nothing piped). */
  readonly stdinIsTTY?: boolean;
  readonly stdoutIsTTY?: boolean;
  readonly stderrIsTTY?: boolean;
  /** Stdout as a pipe whose reader lags: after each write it needs a drain, a millisecond later. */
  readonly slowStdout?: boolean;
  readonly now?: Date;
}

function capture(
  isTTY: boolean,
  isSlow = false,
): OutputStream & { text: () => string; readonly waits: () => number } {
  const chunks: string[] = [];
  const drained: (() => void)[] = [];
  let waits = 0;
  const stream = {
    isTTY,
    columns: 100,
    writableNeedDrain: false,
    write: (text: string) => {
      chunks.push(text);
      if (isSlow && !stream.writableNeedDrain) {
        stream.writableNeedDrain = true;
        setTimeout(() => {
          stream.writableNeedDrain = false;
          for (const listener of drained.splice(0)) listener();
        }, 1);
      }
      return !stream.writableNeedDrain;
    },
    once: (_event: "drain", listener: () => void) => {
      waits++;
      drained.push(listener);
    },
    text: () => chunks.join(""),
    waits: () => waits,
  };
  return stream;
}

export async function runCli(argv: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  const stdout = capture(options.stdoutIsTTY ?? false, options.slowStdout);
  const stderr = capture(options.stderrIsTTY ?? false);
  const stdin = Object.assign(
    Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    {
      isTTY: options.stdinIsTTY ?? options.stdin === undefined,
    },
  );
  const code = await run({
    argv,
    env: { NO_COLOR: "1", ...options.env },
    cwd: options.cwd ?? process.cwd(),
    stdin,
    stdout,
    stderr,
    now: () => options.now ?? new Date("2026-11-24T12:00:00Z"),
  });
  return { code, stdout: stdout.text(), stderr: stderr.text(), stdoutWaits: stdout.waits() };
}

/** Run and parse stdout as JSON (the command must have succeeded or failed a check). */
export async function runJson<T = Record<string, unknown>>(
  argv: readonly string[],
  options: CliOptions = {},
): Promise<{ code: number; json: T; stderr: string }> {
  const result = await runCli([...argv, "--format", "json"], options);
  return { code: result.code, json: JSON.parse(result.stdout) as T, stderr: result.stderr };
}
