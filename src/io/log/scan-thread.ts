/**
 * Reading a large CSV log on two cores: a worker thread (csv-scan-worker.ts) reads and scans the
 * file, the main thread decodes and counts what it scanned, batch by batch in file order, so the
 * records reach the handler exactly as an in-thread scan would hand them over. Used from the
 * compiled code only (the worker is a .js file beside this one); from the sources, and where the
 * file is small, the scan stays in the main thread.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { CsvHandler, CsvRecord } from "./csv-scanner.js";
import { replayBatch, type ScanBatch } from "./scan-batch.js";

/** Below this size a second thread costs more to start than it saves. */
export const SCAN_THREAD_FROM_BYTES = 16 * 1024 * 1024;

/** Not a literal in `new URL(…)`, so the bundler leaves the worker's name alone. */
const WORKER_FILE = "./csv-scan-worker.js";

export interface ScanThreadRequest {
  readonly path: string;
}

/** A batch's buffers, given back to the scan thread to be filled again. */
export interface ScanThreadReply {
  readonly bytes: ArrayBuffer;
  readonly ints: ArrayBuffer;
}

type FromScanThread =
  | { readonly type: "batch"; readonly batch: ScanBatch }
  | { readonly type: "end" }
  | { readonly type: "failed"; readonly code?: string; readonly message: string; readonly stack?: string };

function workerUrl(): URL {
  return new URL(WORKER_FILE, import.meta.url);
}

/** Whether the scan thread can run here (the compiled worker exists beside this module). */
export function isScanThreadAvailable(): boolean {
  const url = workerUrl();
  return url.protocol === "file:" && existsSync(fileURLToPath(url));
}

/** An error of the scan thread's file reading, with its errno code, for `unreadable()`. */
export class ScanThreadFileError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/**
 * Scan the CSV file at `path` in the scan thread, handing every record and malformed row to
 * `handler` on this thread in file order. Rejects with the handler's own error if it throws.
 */
export function scanCsvFileInThread(
  path: string,
  handler: CsvHandler,
  onProgress: (fileBytes: number) => void = () => {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl(), { workerData: { path } satisfies ScanThreadRequest });
    const record: CsvRecord = {
      buffer: Buffer.alloc(0),
      count: 0,
      fields: new Int32Array(0),
      at: 0,
      line: 1,
    };
    let isSettled = false;
    const fail = (error: unknown) => {
      if (isSettled) return;
      isSettled = true;
      void worker.terminate();
      reject(error);
    };
    worker.on("message", (message: FromScanThread) => {
      if (isSettled) return;
      if (message.type === "batch") {
        const { batch } = message;
        try {
          replayBatch(batch, handler, record);
        } catch (error) {
          fail(error);
          return;
        }
        worker.postMessage({ bytes: batch.bytes, ints: batch.ints } satisfies ScanThreadReply, [
          batch.bytes,
          batch.ints,
        ]);
        onProgress(batch.fileBytes);
      } else if (message.type === "end") {
        isSettled = true;
        resolve();
      } else {
        // An errno code means the file could not be read; anything else is a bug in the thread.
        const error =
          message.code === undefined
            ? new Error(`the log scan thread failed: ${message.message}`)
            : new ScanThreadFileError(message.message, message.code);
        if (message.stack !== undefined) error.stack = message.stack;
        fail(error);
      }
    });
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`the log scan thread stopped (exit code ${code})`)));
  });
}
