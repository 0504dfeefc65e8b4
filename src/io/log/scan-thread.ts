/**
 * Reading a large CSV log on two cores: a worker thread (csv-scan-worker.ts) reads and scans the
 * file and reads its rows' numbers, the main thread counts what it sent, batch by batch in file
 * order, so the records reach the handler exactly as an in-thread scan would hand them over. Used from the
 * compiled code only (the worker is a .cjs file the build writes beside this one); from the
 * sources, and where the file is small, the scan stays in the main thread.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { ColumnChoice } from "./csv-columns.js";
import { type CsvHandler, emptyCsvRecord } from "./csv-scanner.js";
import { replayBatch, type ScanBatch } from "./scan-batch.js";

type WorkerThreads = typeof import("node:worker_threads");

/** Below this size a second thread costs more to start than it saves. */
export const SCAN_THREAD_FROM_BYTES = 16 * 1024 * 1024;

/**
 * The worker bundled as one CommonJS file by scripts/bundle-cli.js (it boots sooner than an ES
 * module). Not a literal in `new URL(…)`, so the bundler leaves the worker's name alone.
 */
const WORKER_FILE = "./csv-scan-worker.cjs";

export interface ScanThreadRequest {
  readonly path: string;
  /** How the reader finds its columns: with them, the thread reads rows' numbers too. */
  readonly columns?: ColumnChoice;
}

/**
 * To the scan thread: a batch's buffers, given back to be filled again; or, once, the gifts whose
 * held frames to mark from now on (HeldFrames.gifts), null when the handler counts none.
 */
export type ScanThreadReply =
  | {
      readonly type: "batch";
      readonly bytes: ArrayBuffer;
      readonly ints: ArrayBuffer;
      readonly values: ArrayBuffer;
    }
  | { readonly type: "heldFrames"; readonly gifts: Int32Array | null };

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

/** A scan thread at work on one file: started early, its batches wait for a handler. */
export interface ScanThread {
  /**
   * Hand every record and malformed row to `handler` on this thread, in file order. Rejects with
   * the handler's own error if it throws, or with the thread's. After each batch, `pace` may give
   * a promise to wait for (the handler's output is behind): the thread, given nothing back
   * meanwhile, soon stops reading, so what waits stays a few batches.
   */
  run(
    handler: CsvHandler,
    onProgress?: (fileBytes: number) => void,
    pace?: () => Promise<void> | undefined,
  ): Promise<void>;
  /** Stop the thread (its file is not needed after all). */
  cancel(): void;
}

/**
 * Start scanning the CSV file at `path` in a new thread. It boots, reads and scans while this
 * thread goes on with other work (loading the catalog, say); a few batches wait for `run`. With
 * `columns` (the reader's own `map` and `unused`), it reads the rows' numbers as well.
 */
export function startScanThread(path: string, columns?: ColumnChoice): ScanThread {
  // node:worker_threads takes ~2 ms to load: only when a thread starts, not for every log read.
  const { Worker } = createRequire(import.meta.url)("node:worker_threads") as WorkerThreads;
  const request: ScanThreadRequest = columns === undefined ? { path } : { path, columns };
  const worker = new Worker(workerUrl(), { workerData: request });
  // Until `run`, the thread does not keep the process alive: an error that ends the command
  // before the log is read does not wait for it.
  worker.unref();
  const waiting: FromScanThread[] = [];
  let deliver: ((message: FromScanThread) => void) | undefined;
  let early: unknown;
  /** The thread sent its last message ("end" or "failed"): its exit, then, is no failure. */
  let isDone = false;
  worker.on("message", (message: FromScanThread) => {
    if (message.type !== "batch") isDone = true;
    if (deliver === undefined) waiting.push(message);
    else deliver(message);
  });
  const onError = (error: unknown) => {
    early ??= error;
  };
  worker.on("error", onError);
  const onExit = (code: number) => onError(new Error(`the log scan thread stopped (exit code ${code})`));
  worker.on("exit", onExit);
  return {
    cancel: () => void worker.terminate(),
    run: (handler, onProgress = () => {}, pace = () => undefined) =>
      new Promise((resolve, reject) => {
        const record = emptyCsvRecord();
        let isSettled = false;
        const fail = (error: unknown) => {
          if (isSettled) return;
          isSettled = true;
          void worker.terminate();
          reject(error);
        };
        worker.ref();
        worker.off("error", onError);
        worker.off("exit", onExit);
        worker.on("error", fail);
        // Its last message may still wait (behind `pace`): it is what the run ends with.
        worker.on("exit", (code) => {
          if (!isDone) fail(new Error(`the log scan thread stopped (exit code ${code})`));
        });
        /** What `pace` asked to wait for, if anything: messages wait in `waiting` meanwhile. */
        let behind: Promise<void> | undefined;
        const giveBack = (batch: ScanBatch) => {
          const reply: ScanThreadReply = {
            type: "batch",
            bytes: batch.bytes,
            ints: batch.ints,
            values: batch.values,
          };
          worker.postMessage(reply, [batch.bytes, batch.ints, batch.values]);
        };
        const take = (message: FromScanThread) => {
          if (isSettled) return;
          if (message.type === "batch") {
            const { batch } = message;
            try {
              replayBatch(batch, handler, record);
            } catch (error) {
              fail(error);
              return;
            }
            onProgress(batch.fileBytes);
            behind = pace();
            if (behind === undefined) giveBack(batch);
            else
              behind.then(() => {
                behind = undefined;
                giveBack(batch);
                takeWaiting();
              }, fail);
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
        };
        const takeWaiting = () => {
          for (let message = waiting.shift(); message !== undefined; message = waiting.shift()) {
            if (isSettled) return;
            take(message);
            if (behind !== undefined) return;
          }
        };
        deliver = (message) => {
          if (behind === undefined && waiting.length === 0) take(message);
          else waiting.push(message);
        };
        // The thread started before the catalog was known: it takes held frames out from now on.
        const reply: ScanThreadReply = { type: "heldFrames", gifts: handler.heldFrames?.gifts ?? null };
        worker.postMessage(reply);
        takeWaiting();
        if (early !== undefined) fail(early);
      }),
  };
}
