/**
 * Whether a log gets the scan thread, and its early start: `estimate --log FILE` starts the thread
 * for a large CSV file as soon as the command runs, from this small module, so that the thread
 * boots (~50 ms before its first batch) while the rest of the command loads, not after.
 */
import { open } from "node:fs/promises";
import { resolve } from "node:path";
import type { ColumnChoice, UnusedField } from "../../io/log/csv-columns.js";
import { parseFieldMap } from "../../io/log/fields.js";
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
async function startEarly(
  path: string,
  forced: LogFormat | undefined,
  columns: ColumnChoice,
): Promise<ScanThread | undefined> {
  try {
    const handle = await open(path, "r");
    try {
      const info = await handle.stat();
      if (!info.isFile() || !(await isForScanThread(handle, info.size, forced))) return undefined;
    } finally {
      await handle.close();
    }
    return startScanThread(path, columns);
  } catch {
    return undefined;
  }
}

/** Columns nothing will show, so they are not decoded (the hot loop's biggest saving). */
export function unusedFields(options: Pick<EstimateOptions, "by" | "receiver">): Set<UnusedField> {
  const by = options.by;
  const unused = new Set<UnusedField>();
  if (by !== "day" && by !== "hour" && by !== "minute" && by !== "event") unused.add("timestamp");
  if (by !== "sender" && by !== "event") unused.add("senderName");
  if (by !== "receiver" && by !== "event" && options.receiver === undefined) unused.add("receiverId");
  return unused;
}

/**
 * The scan thread of the first `--log` file (not stdin), if that file is for one. It reads rows'
 * numbers with the columns the reader will use; a bad `--map` starts no thread (the estimate
 * reports it).
 */
export function startFirstLog(
  options: Pick<EstimateOptions, "log" | "inputFormat" | "map" | "by" | "receiver">,
  io: Pick<CliIo, "cwd">,
): Promise<ScanThread | undefined> {
  const log = options.log?.[0];
  if (log === undefined || log === "-") return Promise.resolve(undefined);
  let map: Map<string, string>;
  try {
    map = parseFieldMap(options.map ?? []);
  } catch {
    return Promise.resolve(undefined);
  }
  const columns = { map: [...map], unused: [...unusedFields(options)] };
  return startEarly(resolve(io.cwd, log), options.inputFormat, columns);
}
