/**
 * Whether a log gets the scan thread, and its early start: `estimate --log FILE` starts the thread
 * for a large CSV file as soon as the command runs, from this small module, so that the thread
 * boots (~50 ms before its first batch) while the rest of the command loads, not after.
 */
import { open } from "node:fs/promises";
import { resolve } from "node:path";
import { detect, type LogFormat } from "../../io/log/reader.js";
import {
  isScanThreadAvailable,
  SCAN_THREAD_FROM_BYTES,
  type ScanThread,
  startScanThread,
} from "../../io/log/scan-thread.js";
import type { EstimateOptions } from "../commands/estimate.js";
import type { CliIo } from "../io.js";

type FileHandle = Awaited<ReturnType<typeof open>>;

/** The format of a log file from its first bytes, unless forced; undefined while only blanks. */
async function formatOfFile(
  handle: FileHandle,
  forced: LogFormat | undefined,
): Promise<LogFormat | undefined> {
  if (forced !== undefined) return forced;
  const head = Buffer.allocUnsafe(1 << 16);
  const { bytesRead } = await handle.read(head, 0, head.length, 0);
  return detect(head.subarray(0, bytesRead));
}

/** A log file the scan thread reads: a large CSV file (when the compiled worker is at hand). */
export async function isForScanThread(
  handle: FileHandle,
  size: number,
  forced: LogFormat | undefined,
): Promise<boolean> {
  return (
    size >= SCAN_THREAD_FROM_BYTES &&
    isScanThreadAvailable() &&
    (await formatOfFile(handle, forced)) === "csv"
  );
}

/**
 * The scan thread for a log, started before the catalog and model are loaded so that it boots
 * meanwhile; undefined when the log is not for the thread or anything is amiss (the usual path
 * then reads it, and reports what is amiss).
 */
async function startEarly(path: string, forced: LogFormat | undefined): Promise<ScanThread | undefined> {
  try {
    const handle = await open(path, "r");
    try {
      const info = await handle.stat();
      if (!info.isFile() || !(await isForScanThread(handle, info.size, forced))) return undefined;
    } finally {
      await handle.close();
    }
    return startScanThread(path);
  } catch {
    return undefined;
  }
}

/** The scan thread of the first `--log` file (not stdin), if that file is for one. */
export function startFirstLog(
  options: Pick<EstimateOptions, "log" | "inputFormat">,
  io: Pick<CliIo, "cwd">,
): Promise<ScanThread | undefined> {
  const log = options.log?.[0];
  if (log === undefined || log === "-") return Promise.resolve(undefined);
  return startEarly(resolve(io.cwd, log), options.inputFormat);
}
