/**
 * Whether a log gets the scan thread, and its early start: `estimate --log FILE` starts the thread
 * for a large CSV file as soon as the command runs, from this small module, so that the thread
 * boots (~50 ms before its first batch) while the rest of the command loads, not after. Sooner
 * still, the bin starts it before the CLI loads (`headStart`), from the options as argv spells
 * them; the command adopts that thread only when its own options ask for the very same one.
 */
import { closeSync, openSync, readSync, statSync } from "node:fs";
import type { open } from "node:fs/promises";
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
 * then reads it, and reports what is amiss). Synchronous (a stat and a 64 KiB read): the bin's head
 * start calls it before anything else runs.
 */
function startEarly(
  path: string,
  forced: LogFormat | undefined,
  columns: ColumnChoice,
): ScanThread | undefined {
  if (!isScanThreadAvailable()) return undefined;
  try {
    // A regular file only, looked at before it is opened: opening a named pipe waits for its
    // writer, and closing it then ends the writer.
    const info = statSync(path);
    if (!info.isFile() || info.size < SCAN_THREAD_FROM_BYTES) return undefined;
    const fd = openSync(path, "r");
    try {
      let format = forced;
      if (format === undefined) {
        const head = Buffer.allocUnsafe(1 << 16);
        format = detect(head.subarray(0, readSync(fd, head, 0, head.length, 0)));
      }
      if (format !== "csv") return undefined;
    } finally {
      closeSync(fd);
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

type LogOptions = Pick<EstimateOptions, "log" | "inputFormat" | "map" | "by" | "receiver">;

/** The thread the first log would get: its file and the reader's columns; undefined for none (stdin, a bad `--map`). */
function firstLogChoice(
  options: LogOptions,
  cwd: string,
): { path: string; columns: ColumnChoice } | undefined {
  const log = options.log?.[0];
  if (log === undefined || log === "-") return undefined;
  let map: Map<string, string>;
  try {
    map = parseFieldMap(options.map ?? []);
  } catch {
    return undefined;
  }
  return { path: resolve(cwd, log), columns: { map: [...map], unused: [...unusedFields(options)] } };
}

/** The thread `headStart` started, and what for (the command's choice must be the same). */
let headStarted: { readonly choice: string; readonly thread: ScanThread } | undefined;

/**
 * The scan thread of the first `--log` file (not stdin), if that file is for one. It reads rows'
 * numbers with the columns the reader will use; a bad `--map` starts no thread (the estimate
 * reports it). The bin's head start is taken when it is that very thread, else stopped.
 */
export function startFirstLog(options: LogOptions, io: Pick<CliIo, "cwd">): ScanThread | undefined {
  const choice = firstLogChoice(options, io.cwd);
  const early = headStarted;
  headStarted = undefined;
  if (early !== undefined) {
    if (choice !== undefined && early.choice === JSON.stringify(choice)) return early.thread;
    early.thread.cancel();
  }
  return choice === undefined ? undefined : startEarly(choice.path, options.inputFormat, choice.columns);
}

/**
 * The log options of `estimate` as `args` (argv after the bin) spell them, when they are spelled
 * plainly: `estimate` first, then `--log FILE` or `--log=FILE` and the like for `--map`, `--by`,
 * `--receiver` and `--input-format`, up to `--`. A guess, not a parse: another option's value may
 * look like one of these, which is why the command checks it (`startFirstLog`).
 */
export function sniffLogOptions(args: readonly string[]): LogOptions | undefined {
  if (args[0] !== "estimate") return undefined;
  const map: string[] = [];
  let log: string | undefined;
  let by: string | undefined;
  let receiver: string | undefined;
  let inputFormat: string | undefined;
  for (let at = 1; at < args.length; at++) {
    const arg = args[at] as string;
    if (arg === "--") break;
    const option = /^--(log|map|by|receiver|input-format)(?:=(.*))?$/s.exec(arg);
    if (option === null) continue;
    const value = option[2] ?? args[++at];
    if (value === undefined) return undefined;
    if (option[1] === "log") log ??= value;
    else if (option[1] === "map") map.push(value);
    else if (option[1] === "by") by = value;
    else if (option[1] === "receiver") receiver = value;
    else inputFormat = value;
  }
  if (log === undefined) return undefined;
  if (inputFormat !== undefined && inputFormat !== "csv") return undefined;
  return {
    log: [log],
    map,
    ...(by === undefined ? {} : { by }),
    ...(receiver === undefined ? {} : { receiver }),
    ...(inputFormat === undefined ? {} : { inputFormat: "csv" as const }),
  };
}

/**
 * Start the first log's scan thread from the bin, before the CLI loads, when argv plainly asks for
 * one (see `sniffLogOptions`) and the file is a large CSV log; `startFirstLog` takes it or stops
 * it. Anything amiss starts nothing: the command then does as it would anyway.
 */
export function headStart(args: readonly string[], cwd: string): void {
  const options = sniffLogOptions(args);
  const choice = options === undefined ? undefined : firstLogChoice(options, cwd);
  if (choice === undefined) return;
  const thread = startEarly(choice.path, options?.inputFormat, choice.columns);
  if (thread !== undefined) headStarted = { choice: JSON.stringify(choice), thread };
}
