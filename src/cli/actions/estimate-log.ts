/**
 * `gift-calc estimate --log FILE` (and piped stdin): stream the logs through the readers into the
 * counting core, then value the counted gifts like any estimate, with the audit (and `--by` groups).
 * This layer owns the I/O: files and stdin, the progress line, `--rejects`, stderr notes.
 */
import { createWriteStream, openSync, type WriteStream } from "node:fs";
import { access, constants, open, stat } from "node:fs/promises";
import { resolve } from "node:path";
import type { Command } from "commander";
import { countTallies, type Estimate, estimate, referenceGiftOf } from "../../core/estimate.js";
import { createLogCounter, type OpenStreakRule } from "../../core/log/count.js";
import {
  createGrouper,
  type GroupBy,
  type Grouper,
  type LogEventRow,
  type LogGroups,
} from "../../core/log/group.js";
import type { LogReject } from "../../core/log/record.js";
import { zoneOffsets } from "../../core/log/zone.js";
import type { Tally } from "../../core/tally.js";
import { CheckFailedError, GiftCalcError } from "../../errors.js";
import { unreadable } from "../../io/files.js";
import type { ColumnChoice, UnusedField } from "../../io/log/csv-columns.js";
import { parseFieldMap } from "../../io/log/fields.js";
import { createLogReader, type LogReader } from "../../io/log/reader.js";
import { type ScanThread, ScanThreadFileError, startScanThread } from "../../io/log/scan-thread.js";
import { createSpill } from "../../io/spill.js";
import { estimateReport } from "../../render/estimate-report.js";
import { renderPieces } from "../../render/format.js";
import { groupRowsJson } from "../../render/group-json.js";
import { eventsCsvStream, eventsJsonAside } from "../../render/log-events.js";
import { auditIdentity } from "../../render/log-report.js";
import { csvCell, forTerminal } from "../../render/sanitise.js";
import type { EstimateOptions } from "../commands/estimate.js";
import { type ModelContext, modelContext } from "../context.js";
import type { CliIo, OutputStream } from "../io.js";
import { isForScanThread, unusedFields } from "./log-thread.js";

export interface LogEstimateInput {
  /** Log paths as the user wrote them; `-` is stdin. */
  readonly logs: readonly string[];
  /** Stdin read as a log because nothing else was given. */
  readonly isImplicitStdin: boolean;
  readonly tallies: readonly Tally[];
  readonly coins?: number;
  readonly diamonds?: string;
  readonly balanceUsd?: string;
  /** The first log's scan thread, when it has one: started by the command (`startFirstLog`), which stops it. */
  readonly firstLogThread?: ScanThread;
}

/**
 * The events a table (or markdown) of `--by event` shows without `--top`: a long log's every event
 * would take gigabytes to lay out, and no one reads them there (`--format csv` writes them all).
 */
const EVENTS_SHOWN = 1000;

/** How many rejects are printed on stderr; the rest go to `--rejects`. */
const REJECTS_ON_STDERR = 5;
const CHUNK_BYTES = 1 << 20;
/**
 * Called between pieces of a log: a promise to wait for before reading on, when stdout has not
 * taken what was written yet (the normalised log goes out as it is counted, and a pipe's reader
 * may be slower); undefined when it keeps up. Memory then stays flat however slow the reader.
 */
type OutputPace = () => Promise<void> | undefined;

function paceOf(stdout: OutputStream): OutputPace {
  return () =>
    stdout.writableNeedDrain === true && stdout.once !== undefined
      ? new Promise((drained) => stdout.once?.("drain", drained))
      : undefined;
}

/** Files smaller than this are read too fast for a progress line to help. */
export const PROGRESS_FROM_BYTES = 32 * 1024 * 1024;

function topOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1) {
    throw new GiftCalcError("BAD_OPTION", `--top "${text}" is not a whole number of at least 1`, {
      hint: "e.g. --top 10",
    });
  }
  return Number(text);
}

/** Progress is shown for long reads from a file, to a terminal, never in pipes, CI or --quiet. */
export function showsProgress(
  fileBytes: number,
  io: Pick<CliIo, "stderr" | "env">,
  isQuiet: boolean | undefined,
): boolean {
  const ci = io.env.CI;
  return (
    fileBytes >= PROGRESS_FROM_BYTES &&
    io.stderr.isTTY === true &&
    isQuiet !== true &&
    (ci === undefined || ci === "" || ci === "false" || ci === "0")
  );
}

/** A progress line on stderr, redrawn at most five times a second and cleared at the end. */
function progressFor(context: ModelContext, label: string, size: number): (done: number) => void {
  const { io } = context;
  if (!showsProgress(size, io, context.options.quiet)) return () => {};
  let last = 0;
  const mib = (bytes: number) => (bytes / 1048576).toFixed(0);
  return (done) => {
    const now = Date.now();
    if (done < size && now - last < 200) return;
    last = now;
    if (done >= size) io.stderr.write("\r\u001b[K");
    else
      io.stderr.write(
        `\rreading ${forTerminal(label)}  ${Math.floor((done * 100) / size)}%  (${mib(done)} of ${mib(size)} MiB)`,
      );
  };
}

type FileHandle = Awaited<ReturnType<typeof open>>;

/** A log file opened for reading, and its size; a known error when it cannot be (or is a directory). */
async function openLog(path: string, label: string): Promise<{ handle: FileHandle; size: number }> {
  let handle: FileHandle;
  try {
    handle = await open(path, "r");
  } catch (error) {
    throw unreadable(label, "log", error);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw isDirectory(label);
    return { handle, size: info.size };
  } catch (error) {
    await handle.close();
    if (error instanceof GiftCalcError) throw error;
    throw unreadable(label, "log", error);
  }
}

const isDirectory = (label: string) =>
  new GiftCalcError("FILE_UNREADABLE", `log ${label} is a directory`, { hint: "name a file" });

/**
 * Every log file is there and readable, before any is read: a missing second log fails at once,
 * not after the first was read (nor after part of the normalised log was written). Checked, not
 * opened: opening a named pipe would wait for its writer, and closing it would end it.
 */
async function checkLogFiles(logs: readonly string[], cwd: string): Promise<void> {
  for (const log of logs) {
    if (log === "-") continue;
    const path = resolve(cwd, log);
    try {
      if ((await stat(path)).isDirectory()) throw isDirectory(log);
      await access(path, constants.R_OK);
    } catch (error) {
      if (error instanceof GiftCalcError) throw error;
      throw unreadable(log, "log", error);
    }
  }
}

async function readFileInto(
  reader: LogReader,
  path: string,
  label: string,
  context: ModelContext,
  early: ScanThread | undefined,
  columns: ColumnChoice,
  pace: OutputPace,
): Promise<void> {
  let handle: FileHandle;
  let size: number;
  try {
    ({ handle, size } = await openLog(path, label));
  } catch (error) {
    early?.cancel();
    throw error;
  }
  let thread = early;
  let progress: (done: number) => void = () => {};
  try {
    progress = progressFor(context, label, size);
    // A large CSV log is read, scanned and its numbers read by a second thread while this one counts.
    if (thread === undefined && (await isForScanThread(handle, size, reader.format))) {
      thread = startScanThread(path, columns);
    }
    if (thread === undefined) await readChunks(handle, reader, progress, pace);
  } catch (error) {
    thread?.cancel();
    if (error instanceof GiftCalcError) throw error;
    throw unreadable(label, "log", error);
  } finally {
    await handle.close();
  }
  if (thread !== undefined) {
    try {
      await thread.run(reader.csvHandler(), progress, pace);
    } catch (error) {
      if (error instanceof ScanThreadFileError) throw unreadable(label, "log", error);
      throw error;
    }
  }
  progress(size);
  reader.end();
}

async function readChunks(
  handle: FileHandle,
  reader: LogReader,
  progress: (done: number) => void,
  pace: OutputPace,
): Promise<void> {
  let done = 0;
  // Two buffers, used in turn: the next chunk is read (on libuv's thread, the other core) while
  // this one is parsed, so the parser never waits for the disk or the page cache. Readers copy
  // what they keep beyond a push, so a buffer can be refilled once its push has returned.
  const buffers = [Buffer.allocUnsafe(CHUNK_BYTES), Buffer.allocUnsafe(CHUNK_BYTES)];
  let next = 0;
  // From where the last read ended (null: no position), as a named pipe can only be read; one
  // read at a time is in flight, so the file's own position is the next chunk's.
  let pending = handle.read(buffers[next] as Buffer, 0, CHUNK_BYTES, null);
  try {
    for (;;) {
      const { bytesRead, buffer } = await pending;
      if (bytesRead === 0) break;
      done += bytesRead;
      next = 1 - next;
      pending = handle.read(buffers[next] as Buffer, 0, CHUNK_BYTES, null);
      reader.push(bytesRead === CHUNK_BYTES ? buffer : buffer.subarray(0, bytesRead));
      progress(done);
      await pace();
    }
  } finally {
    // A read may still be in flight when a push throws: the handle is closed only after it.
    await pending.catch(() => undefined);
  }
}

async function readStdinInto(reader: LogReader, io: CliIo, pace: OutputPace): Promise<void> {
  for await (const chunk of io.stdin) {
    reader.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
    await pace();
  }
  reader.end();
}

/** `--rejects FILE`: every reject as a CSV row, written as it happens. */
function rejectsWriter(
  path: string | undefined,
  io: CliIo,
): { stream?: WriteStream; failed?: { error?: unknown }; write(reject: LogReject): void } {
  if (path === undefined) return { write: () => {} };
  // Opened here, synchronously, so a bad path is a known error now, not an unhandled stream event later.
  let fd: number;
  try {
    fd = openSync(resolve(io.cwd, path), "w");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new GiftCalcError("FILE_UNREADABLE", `--rejects ${path} cannot be written (${reason})`, {
      hint: "name a file in a folder that exists and that you can write to",
    });
  }
  const stream = createWriteStream("", { fd });
  const failed: { error?: unknown } = {};
  stream.on("error", (error) => {
    failed.error ??= error;
  });
  stream.write("file,line,code,reason\n");
  return {
    stream,
    failed,
    write: (reject) => {
      stream.write(
        `${[reject.file ?? "", reject.line, reject.code, reject.reason].map(csvCell).join(",")}\n`,
      );
    },
  };
}

function closed(writer: ReturnType<typeof rejectsWriter>, path: string): Promise<void> {
  const { stream, failed } = writer;
  if (stream === undefined) return Promise.resolve();
  return new Promise((done, fail) => {
    const failWith = (error: unknown) => fail(unreadable(path, "rejects file", error));
    if (failed?.error !== undefined) return failWith(failed.error);
    stream.once("error", failWith);
    stream.end(() => (failed?.error === undefined ? done() : failWith(failed.error)));
  });
}

export async function estimateLogAction(
  command: Command,
  io: CliIo,
  input: LogEstimateInput,
): Promise<Estimate> {
  const [log] = input.logs;
  const options = command.opts<EstimateOptions>();
  const map = parseFieldMap(options.map ?? []);
  const unused = unusedFields(options);
  const thread = input.firstLogThread;
  return estimateFromLogs(
    command,
    io,
    input,
    thread === undefined || log === undefined ? undefined : { log, thread },
    { map, unused },
  );
}

async function estimateFromLogs(
  command: Command,
  io: CliIo,
  input: LogEstimateInput,
  early: { readonly log: string; readonly thread: ScanThread } | undefined,
  columns: { readonly map: ReadonlyMap<string, string>; readonly unused: ReadonlySet<UnusedField> },
): Promise<Estimate> {
  const options = command.opts<EstimateOptions>();
  const { map, unused } = columns;
  const zone = options.tz ?? "UTC";
  const offsetOf = zoneOffsets(zone);
  const top = topOf(options.top);
  const context = await modelContext(command, io);
  const stdinLogs = input.logs.filter((log) => log === "-").length;
  if (stdinLogs > 1) {
    throw new GiftCalcError("BAD_OPTION", "--log - (stdin) can be given only once", {
      hint: "stdin is one stream; give the other logs as files",
    });
  }
  try {
    await checkLogFiles(input.logs, io.cwd);
  } catch (error) {
    early?.thread.cancel();
    throw error;
  }

  const rejects = rejectsWriter(options.rejects, io);
  let rejectsShown = 0;
  // The normalised log (`--by event` as CSV) goes out as it is counted; other groupings are kept.
  const format = context.options.format;
  const eventsOut =
    options.by === "event" && format === "csv"
      ? eventsCsvStream((text) => context.write(text), top)
      : undefined;
  // Every event in JSON: set aside in a temporary file until the totals are written before them.
  const spill = options.by === "event" && format === "json" && top === undefined ? createSpill() : undefined;
  const eventsAside = spill === undefined ? undefined : eventsJsonAside(spill);
  const eventsKept =
    options.by !== "event"
      ? undefined
      : (top ?? (format === "table" || format === "markdown" ? EVENTS_SHOWN : undefined));
  const grouper: Grouper | undefined =
    options.by === undefined || eventsOut !== undefined || eventsAside !== undefined
      ? undefined
      : createGrouper(options.by as GroupBy, {
          zone,
          offsetOf,
          ...(eventsKept === undefined ? {} : { eventsKept }),
        });
  const onCounted = eventsOut?.add ?? eventsAside?.add ?? grouper?.add;
  // Reading waits for stdout only while the normalised log streams; writing a result always does.
  const outputPace = paceOf(io.stdout);
  const pace: OutputPace = eventsOut === undefined ? () => undefined : outputPace;
  const counter = createLogCounter(context.catalog, {
    openStreaks: (options.openStreaks ?? "count") as OpenStreakRule,
    ...(options.receiver === undefined ? {} : { receiver: options.receiver }),
    ...(onCounted === undefined ? {} : { onCounted, reuseEvent: true }),
    onReject: (reject) => {
      rejects.write(reject);
      if (rejectsShown++ < REJECTS_ON_STDERR) {
        context.note(
          `gift-calc: rejected ${reject.file ?? "log"}:${reject.line}: ${reject.code} ${forTerminal(reject.reason)}`,
        );
      }
    },
  });

  try {
    let isEarlyTaken = false;
    try {
      for (const log of input.logs) {
        const label = log === "-" ? "stdin" : log;
        const reader = createLogReader(counter, {
          ...(options.inputFormat === undefined ? {} : { format: options.inputFormat }),
          map,
          offsetOf,
          file: label,
          unused,
        });
        if (log === "-") await readStdinInto(reader, io, pace);
        else {
          const thread = early !== undefined && log === early.log && !isEarlyTaken ? early.thread : undefined;
          if (thread !== undefined) isEarlyTaken = true;
          const choice = { map: [...map], unused: [...unused] };
          await readFileInto(reader, resolve(io.cwd, log), label, context, thread, choice, pace);
        }
      }
    } finally {
      await closed(rejects, options.rejects ?? "");
    }
    const counted = counter.finish();
    const { audit } = counted;
    if (input.isImplicitStdin && audit.rows === 0 && input.tallies.length === 0) {
      throw new GiftCalcError("NOTHING_TO_ESTIMATE", "nothing to estimate (stdin was empty)", {
        hint: "give gifts (gift-calc estimate lion=1 rose=500), --coins, --diamonds, --tally-file or --log FILE",
      });
    }
    if (audit.rejected.count > REJECTS_ON_STDERR) {
      context.note(
        `gift-calc: ${audit.rejected.count} rows rejected in all${options.rejects === undefined ? " (--rejects FILE lists them all)" : `, all in ${options.rejects}`}`,
      );
    }

    const referenceGift = referenceGiftOf(context.catalog);
    const base = estimate(
      {
        gifts: [...counted.gifts, ...countTallies(context.catalog, input.tallies)],
        ...(input.coins === undefined ? {} : { coins: input.coins }),
        ...(input.diamonds === undefined ? {} : { diamonds: input.diamonds }),
        ...(input.balanceUsd === undefined ? {} : { balanceUsd: input.balanceUsd }),
      },
      {
        model: context.model,
        stores: context.resolved.settings.stores,
        ...(referenceGift === undefined ? {} : { referenceGift }),
      },
    );
    // The events set aside are written where the array stands (see eventsJsonAside).
    const asideEvents: LogEventRow[] = [];
    const groups: LogGroups | undefined =
      eventsAside === undefined ? grouper?.finish(context.model, top) : { by: "event", events: asideEvents };
    const result: Estimate = { ...base, audit, ...(groups === undefined ? {} : { groups }) };

    if (eventsOut !== undefined) {
      // The normalised log is a clean CSV; its audit goes to stderr.
      const unwritten = eventsOut.end();
      context.note(`gift-calc: ${auditIdentity(audit)}`);
      if (unwritten > 0) context.note(`gift-calc: ${unwritten} more events not written (--top)`);
    } else {
      // A grouping can have tens of thousands of rows: its JSON goes out in pieces, not one string.
      const writers =
        eventsAside !== undefined
          ? new Map([[asideEvents, eventsAside.elements]])
          : groups === undefined || groups.by === "event"
            ? undefined
            : new Map([[groups.rows, groupRowsJson(groups.rows)]]);
      for (const piece of renderPieces(
        context.options.format,
        result,
        () => estimateReport(result),
        context.style,
        writers,
      )) {
        context.write(piece);
        // A large result (every event of a long log) must not pile up before a slow pipe.
        await outputPace();
      }
    }
    if (options.strict && audit.rejected.count > 0) {
      throw new CheckFailedError(
        `${audit.rejected.count} log row${audit.rejected.count === 1 ? " was" : "s were"} rejected (--strict)`,
        options.rejects === undefined
          ? "--rejects FILE lists them with line numbers"
          : `see ${options.rejects}`,
      );
    }
    return result;
  } finally {
    // Gone once its events are written; gone too when an error comes first.
    spill?.dispose();
  }
}
