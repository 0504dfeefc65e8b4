import { execFileSync, spawnSync } from "node:child_process";
import { closeSync, constants, mkdtempSync, openSync, readFileSync, readSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { OutputStream } from "../../src/cli/io.js";
import { directStdout } from "../../src/cli/main.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = join(ROOT, "bin/gift-calc.js");
const ENV = { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined };

/** A named pipe's two ends in this process: the read end does not wait, the write end as asked. */
function namedPipe(writeFlags: number): { read: number; write: number; close(): void } {
  const path = join(mkdtempSync(join(tmpdir(), "gift-calc-fifo-")), "pipe");
  execFileSync("mkfifo", [path]);
  const read = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  const write = openSync(path, writeFlags);
  return {
    read,
    write,
    close: () => {
      for (const fd of [read, write]) {
        try {
          closeSync(fd);
        } catch {}
      }
    },
  };
}

function drain(fd: number): Buffer {
  const chunks: Buffer[] = [];
  const buffer = Buffer.alloc(1 << 16);
  for (;;) {
    let read = 0;
    try {
      read = readSync(fd, buffer, 0, buffer.length, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EAGAIN") break;
      throw error;
    }
    if (read === 0) break;
    chunks.push(Buffer.from(buffer.subarray(0, read)));
  }
  return Buffer.concat(chunks);
}

/** A stand-in for process.stdout that keeps what it is given. */
function keeper(): NodeJS.WritableStream & OutputStream & { readonly kept: Buffer[] } {
  const kept: Buffer[] = [];
  return {
    kept,
    write: (chunk: string | Uint8Array) => {
      kept.push(Buffer.from(chunk));
      return true;
    },
  } as unknown as NodeJS.WritableStream & OutputStream & { readonly kept: Buffer[] };
}

/**
 * `test` given a named pipe (its write end opened with `writeFlags`), the stdout written to it and
 * the stand-in for process.stdout it falls back to; the pipe is closed after.
 */
function withPipe(
  writeFlags: number,
  test: (
    pipe: ReturnType<typeof namedPipe>,
    stdout: OutputStream | undefined,
    fallback: ReturnType<typeof keeper>,
  ) => void,
): void {
  const pipe = namedPipe(writeFlags);
  try {
    const fallback = keeper();
    test(
      pipe,
      directStdout(pipe.write, () => fallback),
      fallback,
    );
  } finally {
    pipe.close();
  }
}

describe("stdout written directly", () => {
  it("is written straight to the file, every byte, in order", () => {
    const path = join(mkdtempSync(join(tmpdir(), "gift-calc-stdout-")), "out.txt");
    const fd = openSync(path, "w");
    try {
      const stdout = directStdout(fd);
      expect(stdout).toBeDefined();
      const pieces = ["plain ascii\n", "Öz 🌹 \u2028 \ud800 x\n", "b".repeat(100_000), ""];
      for (const piece of pieces) stdout?.write(piece);
      expect(readFileSync(path)).toEqual(Buffer.from(pieces.join("")));
    } finally {
      closeSync(fd);
    }
  });

  it("is left to process.stdout when neither a file nor a pipe (a device, a closed descriptor)", () => {
    const fd = openSync("/dev/null", "w");
    try {
      expect(directStdout(fd)).toBeUndefined();
    } finally {
      closeSync(fd);
    }
    expect(directStdout(2 ** 30)).toBeUndefined();
  });

  it("writes a pipe every byte, in order, waiting while it is full", () => {
    withPipe(constants.O_WRONLY, (pipe, stdout, fallback) => {
      expect(stdout?.isTTY).toBe(false);
      const pieces = ["plain ascii\n", "Öz 🌹 \u2028 x\n", "b".repeat(20_000), ""];
      for (const piece of pieces) stdout?.write(piece);
      expect(drain(pipe.read)).toEqual(Buffer.from(pieces.join("")));
      expect(fallback.kept).toEqual([]);
      expect(stdout?.writableNeedDrain).toBe(false);
    });
  });

  it("hands the rest to process.stdout when the pipe does not wait, split inside a character", () => {
    withPipe(constants.O_WRONLY | constants.O_NONBLOCK, (pipe, stdout, fallback) => {
      // More than a pipe holds (64 KiB on Linux), with 4-byte characters across every boundary.
      const first = `a${"🌹".repeat(40_000)}`;
      stdout?.write(first);
      stdout?.write("then this\n");
      const inPipe = drain(pipe.read);
      expect(inPipe.length).toBeGreaterThan(0);
      expect(inPipe.length).toBeLessThan(Buffer.byteLength(first));
      expect(Buffer.concat([inPipe, ...fallback.kept])).toEqual(Buffer.from(`${first}then this\n`));
    });
  });

  it("counts a part written in bytes, not characters", () => {
    withPipe(constants.O_WRONLY | constants.O_NONBLOCK, (pipe, stdout, fallback) => {
      // As many characters as a Linux pipe holds bytes: the pipe takes half of them.
      const text = "é".repeat(65_536);
      stdout?.write(text);
      expect(Buffer.concat([drain(pipe.read), ...fallback.kept]).toString()).toBe(text);
    });
  });

  it("hands a write to process.stdout whole when the pipe that does not wait is full", () => {
    withPipe(constants.O_WRONLY | constants.O_NONBLOCK, (pipe, stdout, fallback) => {
      const full = "x".repeat(65_536); // what a Linux pipe holds
      stdout?.write(full);
      expect(fallback.kept).toEqual([]);
      stdout?.write("Öz 🌹\n");
      expect(drain(pipe.read).toString()).toBe(full);
      expect(Buffer.concat(fallback.kept).toString()).toBe("Öz 🌹\n");
    });
  });

  it("stops quietly when the pipe's reader has gone", () => {
    const pipe = namedPipe(constants.O_WRONLY);
    closeSync(pipe.read);
    try {
      let gone = 0;
      const stdout = directStdout(pipe.write, keeper, () => {
        gone++;
      });
      stdout?.write("nobody reads this\n");
      expect(gone).toBe(1);
    } finally {
      pipe.close();
    }
  });

  it("gets the bin's output byte for byte in a file, a socket and a shell pipe", () => {
    const args = [BIN, "estimate", "--log", "test/fixtures/logs/gift-calc-canonical.csv", "--by", "sender"];
    for (const format of ["json", "table"]) {
      const piped = spawnSync(process.execPath, [...args, "--format", format], { cwd: ROOT, env: ENV });
      const path = join(mkdtempSync(join(tmpdir(), "gift-calc-stdout-")), "out");
      const fd = openSync(path, "w");
      const filed = spawnSync(process.execPath, [...args, "--format", format], {
        cwd: ROOT,
        env: ENV,
        stdio: ["ignore", fd, "pipe"],
      });
      closeSync(fd);
      // A shell's pipe is a FIFO; spawnSync's is a socket.
      const quoted = [process.execPath, ...args, "--format", format].map((arg) => `'${arg}'`).join(" ");
      const shellPiped = spawnSync("sh", ["-c", `${quoted} | cat`], { cwd: ROOT, env: ENV });
      expect(filed.status).toBe(0);
      expect(shellPiped.status).toBe(0);
      expect(piped.stdout.length).toBeGreaterThan(100);
      expect(readFileSync(path)).toEqual(piped.stdout);
      expect(shellPiped.stdout).toEqual(piped.stdout);
    }
  });
});
