/**
 * Stream-log readers: CSV with a header, NDJSON and JSON arrays, told apart from the first bytes.
 * Each turns rows into canonical records (through the cross-walk) or rejects, pushed to a sink as
 * chunks arrive: memory stays constant whatever the length of the log.
 */
import {
  emptyRecord,
  type LogRecord,
  type LogReject,
  type LogSink,
  NO_ID,
  type RejectCode,
  TEXT_ID,
} from "../../core/log/record.js";
import { GiftCalcError } from "../../errors.js";
import { type CsvColumns, csvColumns, F, FIELD_COUNT, GIFT_TYPE, type UnusedField } from "./csv-columns.js";
import {
  type CsvHandler,
  type CsvRecord,
  CsvScanner,
  endOf,
  fieldText,
  isEscaped,
  MAX_RECORD_BYTES,
  recordTexts,
  startOf,
} from "./csv-scanner.js";
import { CROSSWALK, normaliseFieldName, type RecordField, resolveSources } from "./fields.js";
import { ByteInterner } from "./intern.js";
import { DECODED, decodeValues, V, VALUE_COUNT } from "./row-values.js";
import { NO_SENDER_NUMBER, NumberedSenders, SENDER_SAME, SenderTable } from "./senders.js";
import { coerce, ValueProblem } from "./values.js";

export const LOG_FORMATS = ["csv", "ndjson", "json"] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export interface LogReaderOptions {
  /** Skip detection. */
  readonly format?: LogFormat;
  /** `--map`: canonical name → the log's name. */
  readonly map?: ReadonlyMap<string, string>;
  /** Zone offset for zone-less ISO timestamps (default UTC). */
  readonly offsetOf?: (epochMs: number) => number;
  /** Name of the log in rejects and errors. */
  readonly file?: string;
  /**
   * Fields the consumer does not use, so CSV columns need not be decoded (default: all are read).
   * The sender name is still read when there is no sender id, as it then keys the streaks.
   */
  readonly unused?: ReadonlySet<UnusedField>;
}

export interface LogReader {
  push(chunk: Buffer): void;
  end(): void;
  /**
   * Read the log as CSV whose records are scanned elsewhere (the scan thread): the handler to give
   * them to, in order, instead of pushing bytes. `end()` is still called after the last one.
   */
  csvHandler(): CsvHandler;
  /** The format in use, once known. */
  readonly format: LogFormat | undefined;
}

const UTC = () => 0;

function rejectRow(
  sink: LogSink,
  file: string | undefined,
  line: number,
  code: RejectCode,
  reason: string,
): void {
  const entry: LogReject = file === undefined ? { line, code, reason } : { file, line, code, reason };
  sink.reject(entry);
}

interface RowReader {
  push(chunk: Buffer): void;
  end(): void;
}

/** A reader that detects the format from the first non-blank byte, then hands over to it. */
export function createLogReader(sink: LogSink, options: LogReaderOptions = {}): LogReader {
  let inner: RowReader | undefined;
  let format: LogFormat | undefined = options.format;
  const waiting: Buffer[] = [];
  const start = (kind: LogFormat): RowReader => {
    format = kind;
    inner =
      kind === "csv"
        ? new CsvLogReader(sink, options)
        : kind === "ndjson"
          ? new NdjsonLogReader(sink, options)
          : new JsonArrayLogReader(sink, options);
    return inner;
  };
  if (format !== undefined) start(format);
  return {
    get format() {
      return format;
    },
    push(chunk) {
      if (inner !== undefined) return inner.push(chunk);
      waiting.push(Buffer.from(chunk));
      const kind = detect(Buffer.concat(waiting));
      if (kind === undefined) return;
      const reader = start(kind);
      for (const part of waiting.splice(0)) reader.push(part);
    },
    csvHandler() {
      const reader = inner ?? start("csv");
      if (!(reader instanceof CsvLogReader)) throw new Error(`the log is being read as ${format}, not CSV`);
      return reader.threadHandler();
    },
    end() {
      if (inner === undefined) {
        // Blank input is an empty log; a short one without a decision is CSV.
        const text = Buffer.concat(waiting)
          .toString("utf8")
          .replace(/^\uFEFF/, "");
        if (text.trim() === "") return;
        const reader = start("csv");
        for (const part of waiting.splice(0)) reader.push(part);
      }
      inner?.end();
    },
  };
}

/** `[` starts a JSON array, `{` NDJSON, anything else CSV; undefined while only blanks have come. */
export function detect(head: Buffer): LogFormat | undefined {
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === 32 || head[i] === 9 || head[i] === 10 || head[i] === 13)) i++;
  if (i === head.length) return undefined;
  if (head[i] === 0x5b) return "json";
  if (head[i] === 0x7b) return "ndjson";
  return "csv";
}

function noGiftColumn(file: string | undefined, names: readonly string[]): GiftCalcError {
  return new GiftCalcError(
    "BAD_LOG",
    `${file ?? "the log"} has no gift column (giftId or giftName); its columns are: ${names.join(", ")}`,
    { hint: "name the gift column with --map, e.g. --map giftName=present_name" },
  );
}

/** A row's sender number when the reader finds the sender in its own table (see `sender`). */
const OWN_TABLE = -2;

/** The CSV reader's record: a LogRecord whose fast keys are always there. */
type KeyedRecord = LogRecord & { groupKey: number; messageKey: number; senderKey: number };

class CsvLogReader implements RowReader {
  /** Where scanned records go: this reader's own scanner, or the scan thread's batches. */
  readonly handler: CsvHandler;
  private readonly scanner: CsvScanner;
  private readonly record: KeyedRecord = Object.assign(emptyRecord(), {
    groupKey: NO_ID,
    messageKey: NO_ID,
    senderKey: -1,
  });
  /** The log's columns, once its header is read. */
  private columns: CsvColumns | undefined;
  /** The numbers of the row being read (see row-values.ts). */
  private readonly values = new Float64Array(VALUE_COUNT);
  private readonly interners: ByteInterner[] = [];
  private readonly senders = new SenderTable(1 << 18);
  /** The senders as the scan thread numbers them, once its batches are read (`threadHandler`). */
  private readonly numbered = new NumberedSenders();
  private isThreaded = false;
  private readonly readsIdKeys: boolean;
  private readonly knowsGiftId: (giftId: number) => boolean;
  private readonly source: string | null;

  constructor(
    private readonly sink: LogSink,
    private readonly options: LogReaderOptions,
  ) {
    this.readsIdKeys = sink.readsIdKeys === true;
    // The sink's own function when it has one: called per row, a wrapper would be one call more.
    this.knowsGiftId = sink.knowsGiftId?.bind(sink) ?? (() => false);
    this.source = options.file ?? null;
    this.handler = {
      record: (row) => (this.columns === undefined ? this.header(row) : this.row(row, this.columns)),
      decoded: (row, values, at) => {
        const columns = this.columns;
        // The scan thread decodes rows only after the header, with the columns read from it alike.
        if (columns === undefined) this.header(row);
        else this.decoded(row, columns, values, at, values[at + V.sender] as number);
      },
      numbered: (row, values, at) => {
        const columns = this.columns;
        if (columns === undefined) this.header(row);
        else this.row(row, columns, values, at, values[at + V.sender] as number);
      },
      malformed: (line, reason) => this.reject(line, "MALFORMED_CSV", reason),
      // Held frames leave nothing here (their sender is one the thread knew, named as before).
      ...(sink.heldFrames === undefined ? {} : { heldFrames: sink.heldFrames }),
    };
    this.scanner = new CsvScanner(this.handler);
    for (let field = 0; field < FIELD_COUNT; field++) {
      this.interners.push(new ByteInterner(1 << 18));
    }
  }

  push(chunk: Buffer): void {
    this.scanner.push(chunk);
  }

  /**
   * The handler for the scan thread's batches: its senders are then the thread's numbers (V.sender),
   * and a row it did not decode is read without a sender table (no number of this reader's own may
   * clash with the thread's).
   */
  threadHandler(): CsvHandler {
    this.isThreaded = true;
    return this.handler;
  }

  end(): void {
    this.scanner.end();
  }

  private reject(line: number, code: RejectCode, reason: string): void {
    rejectRow(this.sink, this.options.file, line, code, reason);
  }

  private header(row: CsvRecord): void {
    const names = recordTexts(row);
    const columns = csvColumns(names, this.options.map ?? new Map(), this.options.unused);
    if (columns === undefined) throw noGiftColumn(this.options.file, names);
    this.columns = columns;
  }

  /** Reject the row for its unreadable `field`. */
  private bad(row: CsvRecord, columns: CsvColumns, field: number, code: RejectCode, problem: string): void {
    const text = fieldText(row, columns.columns[field] as number);
    this.reject(row.line, code, `${columns.names[field]} "${text.slice(0, 40)}" ${problem}`);
  }

  /** A text field, through its interner. */
  private text(row: CsvRecord, columns: CsvColumns, field: number): string | null {
    const column = columns.columns[field] as number;
    if (column < 0) return null;
    const start = startOf(row, column);
    const end = endOf(row, column);
    if (start === end) return null;
    return (this.interners[field] as ByteInterner).get(row.buffer, start, end, isEscaped(row, column));
  }

  /**
   * The sender's id, name and hint: by the id, from the scan thread's number (`number`, see
   * NumberedSenders) or from this reader's own sender table (OWN_TABLE); by the name alone without
   * an id.
   */
  private sender(row: CsvRecord, columns: CsvColumns, number: number): void {
    const record = this.record;
    // Most rows: a sender the thread knows, named as on its last row; no byte of the row is read.
    if (number >= 0 && (number & 3) === SENDER_SAME) {
      const senders = this.numbered;
      record.senderId = senders.known(number);
      record.senderKey = senders.index;
      record.senderName = senders.name;
      return;
    }
    const idColumn = columns.columns[F.senderId] as number;
    const idStart = idColumn < 0 ? 0 : startOf(row, idColumn);
    const idEnd = idColumn < 0 ? 0 : endOf(row, idColumn);
    if (idStart === idEnd) {
      record.senderId = null;
      record.senderKey = -1;
      record.senderName = this.text(row, columns, F.senderName);
      return;
    }
    const nameColumn = columns.columns[F.senderName] as number;
    const nameStart = nameColumn < 0 ? 0 : startOf(row, nameColumn);
    const nameEnd = nameColumn < 0 ? 0 : endOf(row, nameColumn);
    const isNameEscaped = nameColumn >= 0 && isEscaped(row, nameColumn);
    const { buffer } = row;
    const isIdEscaped = isEscaped(row, idColumn);
    if (number === OWN_TABLE) {
      const senders = this.senders;
      record.senderId = senders.find(buffer, idStart, idEnd, isIdEscaped, nameStart, nameEnd, isNameEscaped);
      record.senderKey = senders.index;
      record.senderName = senders.name;
    } else {
      const senders = this.numbered;
      record.senderId = senders.find(
        number,
        buffer,
        idStart,
        idEnd,
        isIdEscaped,
        nameStart,
        nameEnd,
        isNameEscaped,
      );
      record.senderKey = senders.index;
      record.senderName = senders.name;
    }
  }

  /**
   * A row whose numbers are read here, into `values[at, at + VALUE_COUNT)`: scanned by this reader,
   * or by the scan thread, which numbered its sender (`senderNumber`; NO_SENDER_NUMBER or OWN_TABLE
   * for a row it did not). The first unreadable field rejects the row; a timestamp in a form the
   * fast reading does not know is read as text.
   */
  private row(
    row: CsvRecord,
    columns: CsvColumns,
    values: Float64Array = this.values,
    at = 0,
    // A row the scan thread did not number is read from its bytes (its numbers would clash).
    senderNumber = this.isThreaded ? NO_SENDER_NUMBER : OWN_TABLE,
  ): void {
    if (row.count !== columns.count) {
      this.reject(row.line, "COLUMN_COUNT", `${row.count} fields where the header has ${columns.count}`);
      return;
    }
    let failed = decodeValues(row, columns, values, at);
    if (failed === F.timestamp) {
      const column = columns.columns[F.timestamp] as number;
      const parsed = coerce(fieldText(row, column), "timestamp", this.options.offsetOf ?? UTC);
      if (typeof parsed === "number") {
        values[at + V.timestamp] = parsed;
        failed = DECODED;
      }
    }
    if (failed === DECODED) {
      this.decoded(row, columns, values, at, senderNumber);
      return;
    }
    // The thread numbers senders on: this one is taken in even from a row rejected here.
    if (senderNumber >= 0) this.sender(row, columns, senderNumber);
    if (failed === F.timestamp) {
      this.bad(row, columns, F.timestamp, "BAD_TIMESTAMP", "is not epoch time or ISO 8601");
    } else if (failed !== F.isStreakable && failed !== F.isStreakEnd) {
      this.bad(row, columns, failed, "BAD_NUMBER", "is not a whole number");
    } else if (columns.flagKinds[failed] === GIFT_TYPE) {
      this.bad(row, columns, failed, "BAD_NUMBER", "is not a gift type number");
    } else this.bad(row, columns, failed, "BAD_BOOLEAN", "is not true or false");
  }

  /**
   * A row whose numbers are read (`values[at, at + VALUE_COUNT)`, by this thread or the scan
   * thread) into the record: the hot loop of a long log, straight-line.
   */
  private decoded(
    row: CsvRecord,
    columns: CsvColumns,
    values: Float64Array,
    at: number,
    senderNumber: number,
  ): void {
    const column = columns.columns;
    const record = this.record;
    const giftId = values[at + V.giftId] as number;
    record.giftId = giftId < 0 ? null : giftId;
    // A gift the sink knows by id needs no name: most rows skip decoding it.
    record.giftName =
      column[F.giftName] === -1 || (giftId >= 0 && this.knowsGiftId(giftId))
        ? null
        : this.text(row, columns, F.giftName);
    const unitCoins = values[at + V.unitCoins] as number;
    record.unitCoins = unitCoins < 0 ? null : unitCoins;
    const count = values[at + V.count] as number;
    record.count = count < 0 ? null : count;
    const totalCoins = values[at + V.totalCoins] as number;
    record.totalCoins = totalCoins < 0 ? null : totalCoins;
    const isStreakable = values[at + V.isStreakable] as number;
    record.isStreakable = isStreakable < 0 ? null : isStreakable === 1;
    const isStreakEnd = values[at + V.isStreakEnd] as number;
    record.isStreakEnd = isStreakEnd < 0 ? null : isStreakEnd === 1;
    this.sender(row, columns, senderNumber);
    record.receiverId = column[F.receiverId] === -1 ? null : this.text(row, columns, F.receiverId);
    const timestamp = values[at + V.timestamp] as number;
    record.timestamp = Number.isNaN(timestamp) ? null : timestamp;
    // The ids' keys, and the ids themselves as text, or as numbers for a sink that does not read
    // keys (one that `readsIdKeys` gets null for a whole-number id: no boxed number per row).
    const groupKey = values[at + V.groupKey] as number;
    record.groupKey = groupKey;
    record.groupId =
      groupKey === TEXT_ID
        ? fieldText(row, column[F.groupId] as number)
        : groupKey === NO_ID || this.readsIdKeys
          ? null
          : groupKey;
    const messageKey = values[at + V.messageKey] as number;
    record.messageKey = messageKey;
    record.messageId =
      messageKey === TEXT_ID
        ? fieldText(row, column[F.messageId] as number)
        : messageKey === NO_ID || this.readsIdKeys
          ? null
          : String(messageKey);
    record.line = row.line;
    record.source = this.source;
    if (giftId < 0 && record.giftName === null) {
      this.reject(row.line, "NO_GIFT", "the row names no gift");
      return;
    }
    if (count === 0) this.bad(row, columns, F.count, "BAD_NUMBER", "is 0");
    else this.sink.record(record);
  }
}

/** Shared by the JSON readers: one parsed value → a record or a reject. */
class JsonRows {
  private readonly record: LogRecord = emptyRecord();
  private readonly keyNames = new Map<string, string>();

  constructor(
    private readonly sink: LogSink,
    private readonly options: LogReaderOptions,
  ) {}

  reject(line: number, code: RejectCode, reason: string): void {
    rejectRow(this.sink, this.options.file, line, code, reason);
  }

  private flatten(
    value: Record<string, unknown>,
    prefix: string,
    into: Map<string, unknown>,
    depth: number,
  ): void {
    for (const [key, inner] of Object.entries(value)) {
      let name = this.keyNames.get(key);
      if (name === undefined) {
        name = normaliseFieldName(key);
        if (this.keyNames.size < 10_000) this.keyNames.set(key, name);
      }
      const path = prefix === "" ? name : `${prefix}.${name}`;
      if (inner !== null && typeof inner === "object" && !Array.isArray(inner) && depth < 4) {
        this.flatten(inner as Record<string, unknown>, path, into, depth + 1);
      } else into.set(path, inner);
    }
  }

  value(value: unknown, line: number): void {
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      this.reject(line, "NOT_AN_OBJECT", "the row is not a JSON object");
      return;
    }
    const flat = new Map<string, unknown>();
    this.flatten(value as Record<string, unknown>, "", flat, 0);
    const record = this.record as unknown as Record<RecordField, string | number | boolean | null>;
    for (const spec of CROSSWALK) record[spec.field] = null;
    const sources = resolveSources(this.options.map ?? new Map(), (name) => flat.has(name));
    for (const source of sources) {
      const raw = flat.get(source.name);
      const read = coerce(raw, source.coercion, this.options.offsetOf ?? UTC);
      if (read instanceof ValueProblem) {
        this.reject(line, read.code, `${source.name} ${read.reason}`);
        return;
      }
      record[source.field] = read;
    }
    this.record.line = line;
    this.record.source = this.options.file ?? null;
    if (this.record.giftId === null && this.record.giftName === null) {
      this.reject(line, "NO_GIFT", "the row names no gift");
      return;
    }
    if (this.record.count === 0) {
      this.reject(line, "BAD_NUMBER", "count is 0");
      return;
    }
    this.sink.record(this.record);
  }
}

class NdjsonLogReader implements RowReader {
  private readonly rows: JsonRows;
  private tail: Buffer | undefined;
  private line = 1;
  /** Inside a line too long to be an event: skip to its end. */
  private isSkipping = false;

  constructor(sink: LogSink, options: LogReaderOptions) {
    this.rows = new JsonRows(sink, options);
  }

  push(chunk: Buffer): void {
    const buffer = this.tail === undefined ? chunk : Buffer.concat([this.tail, chunk]);
    this.tail = undefined;
    let from = 0;
    for (;;) {
      const newline = buffer.indexOf(10, from);
      if (newline === -1) break;
      if (this.isSkipping) {
        this.isSkipping = false;
        this.line++;
      } else this.line1(buffer.toString("utf8", from, newline));
      from = newline + 1;
    }
    if (from === buffer.length || this.isSkipping) return;
    if (buffer.length - from > MAX_RECORD_BYTES) {
      this.rows.reject(this.line, "BAD_JSON", `line longer than ${MAX_RECORD_BYTES} bytes`);
      this.isSkipping = true;
      return;
    }
    this.tail = Buffer.from(buffer.subarray(from));
  }

  end(): void {
    if (this.tail !== undefined && !this.isSkipping) this.line1(this.tail.toString("utf8"));
    this.tail = undefined;
  }

  private line1(text: string): void {
    const line = this.line++;
    const trimmed = text.replace(/^\uFEFF/, "").trim();
    if (trimmed === "") return;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      this.rows.reject(line, "BAD_JSON", (error as Error).message);
      return;
    }
    this.rows.value(value, line);
  }
}

/** A JSON array split into its elements as bytes arrive; each element is parsed on its own. */
class JsonArrayLogReader implements RowReader {
  private readonly rows: JsonRows;
  private line = 1;
  private state: "before" | "between" | "element" | "after" = "before";
  private depth = 0;
  private inString = false;
  private isEscaped = false;
  private parts: Buffer[] = [];
  private elementLine = 1;
  private hasTrailingJunk = false;

  constructor(sink: LogSink, options: LogReaderOptions) {
    this.rows = new JsonRows(sink, options);
  }

  push(chunk: Buffer): void {
    let elementStart = this.state === "element" ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i] as number;
      if (byte === 10) this.line++;
      if (this.state === "element") {
        if (this.inString) {
          if (this.isEscaped) this.isEscaped = false;
          else if (byte === 0x5c) this.isEscaped = true;
          else if (byte === 0x22) this.inString = false;
          continue;
        }
        if (byte === 0x22) this.inString = true;
        else if (byte === 0x7b || byte === 0x5b) this.depth++;
        else if (byte === 0x7d || byte === 0x5d) {
          if (this.depth === 0) {
            this.parts.push(chunk.subarray(elementStart, i));
            this.finishElement();
            this.state = "after";
            continue;
          }
          this.depth--;
        } else if (byte === 0x2c && this.depth === 0) {
          this.parts.push(chunk.subarray(elementStart, i));
          this.finishElement();
          this.state = "between";
        }
        continue;
      }
      const isBlank = byte === 32 || byte === 9 || byte === 10 || byte === 13;
      if (this.state === "before") {
        if (byte === 0x5b) this.state = "between";
        else if (!isBlank && !(byte === 0xef || byte === 0xbb || byte === 0xbf)) {
          this.hasTrailingJunk = true;
        }
        continue;
      }
      if (this.state === "between") {
        if (isBlank) continue;
        if (byte === 0x5d) {
          this.state = "after";
          continue;
        }
        this.state = "element";
        this.elementLine = this.line;
        elementStart = i;
        i--; // the element's first byte is scanned again, as part of it
        continue;
      }
      if (!isBlank) this.hasTrailingJunk = true;
    }
    if (this.state === "element" && elementStart !== -1)
      this.parts.push(Buffer.from(chunk.subarray(elementStart)));
  }

  end(): void {
    if (this.state === "element") {
      this.finishElement();
      this.rows.reject(this.elementLine, "BAD_JSON", "the JSON array is not closed");
    } else if (this.state !== "after" || this.hasTrailingJunk) {
      this.rows.reject(this.line, "BAD_JSON", "the log is not one JSON array");
    }
  }

  private finishElement(): void {
    const text = Buffer.concat(this.parts).toString("utf8").trim();
    this.parts = [];
    this.depth = 0;
    this.inString = false;
    this.isEscaped = false;
    if (text === "") return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      this.rows.reject(this.elementLine, "BAD_JSON", (error as Error).message);
      return;
    }
    this.rows.value(value, this.elementLine);
  }
}
