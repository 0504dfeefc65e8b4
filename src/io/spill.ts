/**
 * Text set aside in a temporary file, then read back in pieces: what a long output must hold
 * until it can be written (the events of `--by event` come last in the estimate's JSON, after
 * totals only the end of the log gives), in memory that does not grow with it.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, unlinkSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { StringDecoder } from "node:string_decoder";
import { GiftCalcError } from "../errors.js";

/** Text is written, and read back, about this many characters (bytes) at a time. */
const PIECE = 1 << 16;

export interface Spill {
  /** Set `text` aside. */
  write(text: string): void;
  /** What was set aside, in order, in pieces (whole characters); the file is gone after. */
  pieces(): Generator<string>;
  /** Remove the file, if `pieces` did not (the output is not written after all). */
  dispose(): void;
}

function spillFailed(error: unknown): GiftCalcError {
  const reason = (error as NodeJS.ErrnoException).code ?? String(error);
  return new GiftCalcError(
    "FILE_UNREADABLE",
    `the temporary file for the events cannot be written (${reason})`,
    {
      hint: "make room in the temporary folder (TMPDIR), or use --format csv, which needs none",
    },
  );
}

export function createSpill(): Spill {
  let folder: string | undefined;
  let fd: number;
  try {
    folder = mkdtempSync(join(tmpdir(), "gift-calc-"));
    const path = join(folder, "events");
    fd = openSync(path, "w+");
    // Gone from the folder at once where the system allows it (the open file lives on): nothing
    // is left behind, even if the process is killed.
    try {
      unlinkSync(path);
      rmSync(folder, { recursive: true });
      folder = undefined;
    } catch {
      // Windows: removed by `dispose`.
    }
  } catch (error) {
    if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
    throw spillFailed(error);
  }
  let isDisposed = false;
  let texts: string[] = [];
  let chars = 0;
  const flush = () => {
    if (texts.length === 0) return;
    try {
      writeSync(fd, texts.join(""));
    } catch (error) {
      throw spillFailed(error);
    }
    texts = [];
    chars = 0;
  };
  const dispose = () => {
    if (isDisposed) return;
    isDisposed = true;
    closeSync(fd);
    if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
  };
  return {
    write: (text) => {
      texts.push(text);
      chars += text.length;
      if (chars >= PIECE) flush();
    },
    pieces: function* () {
      try {
        flush();
        const decoder = new StringDecoder("utf8");
        const bytes = Buffer.allocUnsafe(PIECE);
        let position = 0;
        for (;;) {
          const read = readSync(fd, bytes, 0, PIECE, position);
          if (read === 0) break;
          position += read;
          const text = decoder.write(bytes.subarray(0, read));
          if (text !== "") yield text;
        }
        const rest = decoder.end();
        if (rest !== "") yield rest;
      } finally {
        dispose();
      }
    },
    dispose,
  };
}
