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
import { SenderTable } from "./senders.js";
import { coerce, epochToMs, ValueProblem } from "./values.js";

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
  readonly unused?: ReadonlySet<"timestamp" | "senderName" | "receiverId">;
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
      return reader.handler;
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

const DIGIT_0 = 48;
const DIGIT_9 = 57;

/** A whole number from bytes: -1 when blank, -2 when not a whole number. */
function wholeFromBytes(buffer: Buffer, start: number, end: number): number {
  if (start === end) return -1;
  let value = 0;
  for (let i = start; i < end; i++) {
    const byte = buffer[i] as number;
    if (byte < DIGIT_0 || byte > DIGIT_9) return -2;
    value = value * 10 + (byte - DIGIT_0);
  }
  return end - start > 15 && !Number.isSafeInteger(value) ? -2 : value;
}

/** Does `buffer[start, end)` spell `word` (lower case), ignoring ASCII case? */
function spells(buffer: Buffer, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let i = 0; i < word.length; i++) {
    if (((buffer[start + i] as number) | 0x20) !== word.charCodeAt(i)) return false;
  }
  return true;
}

/** A boolean from bytes: 1, 0, -1 blank, -2 not a boolean. */
function truthFromBytes(buffer: Buffer, start: number, end: number): number {
  const length = end - start;
  if (length === 0) return -1;
  // Lower-case `true` and `false` (every row of a canonical log) are matched byte by byte first.
  if (
    length === 4 &&
    buffer[start] === 0x74 &&
    buffer[start + 1] === 0x72 &&
    buffer[start + 2] === 0x75 &&
    buffer[start + 3] === 0x65
  ) {
    return 1;
  }
  if (
    length === 5 &&
    buffer[start] === 0x66 &&
    buffer[start + 1] === 0x61 &&
    buffer[start + 2] === 0x6c &&
    buffer[start + 3] === 0x73 &&
    buffer[start + 4] === 0x65
  ) {
    return 0;
  }
  const first = (buffer[start] as number) | 0x20;
  if (length === 1) {
    if (first === 0x31 || first === 0x74 || first === 0x79) return 1; // 1 t y
    if (first === 0x30 || first === 0x66 || first === 0x6e) return 0; // 0 f n
    return -2;
  }
  if (spells(buffer, start, end, "true") || spells(buffer, start, end, "yes")) return 1;
  if (spells(buffer, start, end, "false") || spells(buffer, start, end, "no")) return 0;
  return -2;
}

/** The whole number in a record's column (see wholeFromBytes); -1 when the log has no such column. */
function wholeAt(record: CsvRecord, column: number): number {
  return column < 0 ? -1 : wholeFromBytes(record.buffer, startOf(record, column), endOf(record, column));
}

/** How a flag column is read (a boolean is 0): `giftType` 1 is streakable; `inverted` means the opposite. */
const GIFT_TYPE = 1;
const INVERTED = 2;
/** What `idKind` found: an id of up to 15 digits (else NO_ID or TEXT_ID). */
const WHOLE_ID = 0;
/** A flag field that is blank or absent, or unreadable (and reported). */
const NO_FLAG = -1;
const BAD_FLAG = -2;

/** Canonical fields in a fixed order, so the CSV row reader can be straight-line code. */
const F = {
  giftId: 0,
  giftName: 1,
  unitCoins: 2,
  count: 3,
  totalCoins: 4,
  isStreakable: 5,
  isStreakEnd: 6,
  senderId: 7,
  senderName: 8,
  receiverId: 9,
  timestamp: 10,
  groupId: 11,
  messageId: 12,
} as const satisfies Record<RecordField, number>;
const FIELD_COUNT = 13;

const isDigit = (byte: number | undefined) => byte !== undefined && byte >= DIGIT_0 && byte <= DIGIT_9;
const digitsAt = (buffer: Buffer, at: number, count: number) => {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const byte = buffer[i];
    if (!isDigit(byte)) return -1;
    value = value * 10 + ((byte as number) - DIGIT_0);
  }
  return value;
};

/** Days since 1970-01-01 of a civil date (proleptic Gregorian), without Date. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** `YYYY-MM-DDTHH:MM:SS[.mmm]Z` straight from bytes (what gift-calc writes); -1 for anything else. */
function isoUtcFromBytes(buffer: Buffer, start: number, end: number): number {
  const length = end - start;
  if ((length !== 20 && length !== 24) || buffer[end - 1] !== 0x5a) return -1;
  if (buffer[start + 4] !== 0x2d || buffer[start + 7] !== 0x2d || buffer[start + 10] !== 0x54) return -1;
  if (buffer[start + 13] !== 0x3a || buffer[start + 16] !== 0x3a) return -1;
  const year = digitsAt(buffer, start, 4);
  const month = digitsAt(buffer, start + 5, 2);
  const day = digitsAt(buffer, start + 8, 2);
  const hour = digitsAt(buffer, start + 11, 2);
  const minute = digitsAt(buffer, start + 14, 2);
  const second = digitsAt(buffer, start + 17, 2);
  let millis = 0;
  if (length === 24) {
    if (buffer[start + 19] !== 0x2e) return -1;
    millis = digitsAt(buffer, start + 20, 3);
  }
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
    return -1;
  }
  if (hour < 0 || minute < 0 || second < 0 || millis < 0) return -1;
  return (((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60 + second) * 1000 + millis;
}

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
  /** Per canonical field: its column (-1 when absent), how a flag is read, the header's name. */
  private readonly columns = new Int32Array(FIELD_COUNT).fill(-1);
  private readonly flagKinds = new Uint8Array(FIELD_COUNT);
  private readonly names: string[] = new Array(FIELD_COUNT).fill("");
  private readonly interners: ByteInterner[] = [];
  private readonly senders = new SenderTable(1 << 18);
  private headerCount = -1;
  private readonly readsIdKeys: boolean;
  /** The halves of the id `isWholeIdAt` read last. */
  private idHigh = 0;
  private idLow = 0;
  private readonly knowsGiftId: (giftId: number) => boolean;
  private readonly source: string | null;

  constructor(
    private readonly sink: LogSink,
    private readonly options: LogReaderOptions,
  ) {
    this.readsIdKeys = sink.readsIdKeys === true;
    this.knowsGiftId =
      sink.knowsGiftId === undefined ? () => false : (giftId) => sink.knowsGiftId?.(giftId) === true;
    this.source = options.file ?? null;
    this.handler = {
      record: (row) => (this.headerCount === -1 ? this.header(row) : this.row(row)),
      malformed: (line, reason) => this.reject(line, "MALFORMED_CSV", reason),
    };
    this.scanner = new CsvScanner(this.handler);
    for (let field = 0; field < FIELD_COUNT; field++) this.interners.push(new ByteInterner(1 << 18));
  }

  push(chunk: Buffer): void {
    this.scanner.push(chunk);
  }

  end(): void {
    this.scanner.end();
  }

  private reject(line: number, code: RejectCode, reason: string): void {
    rejectRow(this.sink, this.options.file, line, code, reason);
  }

  private header(row: CsvRecord): void {
    const names = recordTexts(row);
    const normalised = names.map(normaliseFieldName);
    const sources = resolveSources(this.options.map ?? new Map(), (name) => normalised.includes(name));
    if (!sources.some((source) => source.field === "giftId" || source.field === "giftName")) {
      throw noGiftColumn(this.options.file, names);
    }
    this.headerCount = names.length;
    const hasSenderId = sources.some((source) => source.field === "senderId");
    for (const source of sources) {
      const field = source.field;
      if (
        (field === "timestamp" || field === "receiverId" || (field === "senderName" && hasSenderId)) &&
        this.options.unused?.has(field)
      ) {
        continue;
      }
      const column = normalised.indexOf(source.name);
      this.columns[F[source.field]] = column;
      this.flagKinds[F[source.field]] =
        source.coercion === "giftType" ? GIFT_TYPE : source.coercion === "inverted" ? INVERTED : 0;
      this.names[F[source.field]] = names[column] ?? source.name;
    }
  }

  /** Reject the row for its first unreadable field. */
  private bad(row: CsvRecord, field: number, code: RejectCode, problem: string): void {
    const text = fieldText(row, this.columns[field] as number);
    this.reject(row.line, code, `${this.names[field]} "${text.slice(0, 40)}" ${problem}`);
  }

  /** True, and the row rejected, when `value` is wholeFromBytes' -2: not a whole number. */
  private rejectsNumber(row: CsvRecord, field: number, value: number): boolean {
    if (value !== -2) return false;
    this.bad(row, field, "BAD_NUMBER", "is not a whole number");
    return true;
  }

  /** A text field, through its interner. */
  private text(row: CsvRecord, field: number): string | null {
    const column = this.columns[field] as number;
    if (column < 0) return null;
    const start = startOf(row, column);
    const end = endOf(row, column);
    if (start === end) return null;
    return (this.interners[field] as ByteInterner).get(row.buffer, start, end, isEscaped(row, column));
  }

  /** The sender's id, name and hint (by the id, from the sender table; by the name alone without one). */
  private sender(row: CsvRecord): void {
    const record = this.record;
    const idColumn = this.columns[F.senderId] as number;
    const idStart = idColumn < 0 ? 0 : startOf(row, idColumn);
    const idEnd = idColumn < 0 ? 0 : endOf(row, idColumn);
    if (idStart === idEnd) {
      record.senderId = null;
      record.senderKey = -1;
      record.senderName = this.text(row, F.senderName);
      return;
    }
    const nameColumn = this.columns[F.senderName] as number;
    const senders = this.senders;
    record.senderId = senders.find(
      row.buffer,
      idStart,
      idEnd,
      isEscaped(row, idColumn),
      nameColumn < 0 ? 0 : startOf(row, nameColumn),
      nameColumn < 0 ? 0 : endOf(row, nameColumn),
      nameColumn >= 0 && isEscaped(row, nameColumn),
    );
    record.senderKey = senders.index;
    record.senderName = senders.name;
  }

  /** A timestamp in epoch milliseconds, null when blank, NaN (reported) when unreadable. */
  private time(row: CsvRecord, column: number): number | null {
    const start = startOf(row, column);
    const end = endOf(row, column);
    const whole = wholeFromBytes(row.buffer, start, end);
    if (whole >= 0) return epochToMs(whole);
    if (whole === -1) return null;
    const iso = isoUtcFromBytes(row.buffer, start, end);
    if (iso >= 0) return iso;
    const parsed = coerce(fieldText(row, column), "timestamp", this.options.offsetOf ?? UTC);
    if (typeof parsed === "number") return parsed;
    this.bad(row, F.timestamp, "BAD_TIMESTAMP", "is not epoch time or ISO 8601");
    return Number.NaN;
  }

  /**
   * One row into the record, straight-line: the hot loop of a long log. Columns the log lacks are
   * skipped before any call (a call never made is not inlined, which leaves the optimiser's budget
   * to the ones that are); the first unreadable field rejects the row at once.
   */
  private row(row: CsvRecord): void {
    if (row.count !== this.headerCount) {
      this.reject(row.line, "COLUMN_COUNT", `${row.count} fields where the header has ${this.headerCount}`);
      return;
    }
    const columns = this.columns;
    const record = this.record;
    const giftId = wholeAt(row, columns[F.giftId] as number);
    if (this.rejectsNumber(row, F.giftId, giftId)) return;
    record.giftId = giftId < 0 ? null : giftId;
    // A gift the sink knows by id needs no name: most rows skip decoding it.
    record.giftName =
      columns[F.giftName] === -1 || (giftId >= 0 && this.knowsGiftId(giftId))
        ? null
        : this.text(row, F.giftName);
    const unitCoins = wholeAt(row, columns[F.unitCoins] as number);
    if (this.rejectsNumber(row, F.unitCoins, unitCoins)) return;
    record.unitCoins = unitCoins < 0 ? null : unitCoins;
    const count = wholeAt(row, columns[F.count] as number);
    if (this.rejectsNumber(row, F.count, count)) return;
    record.count = count < 0 ? null : count;
    const totalCoins = wholeAt(row, columns[F.totalCoins] as number);
    if (this.rejectsNumber(row, F.totalCoins, totalCoins)) return;
    record.totalCoins = totalCoins < 0 ? null : totalCoins;
    const isStreakable = this.flag(row, F.isStreakable);
    if (isStreakable === BAD_FLAG) return;
    record.isStreakable = isStreakable === NO_FLAG ? null : isStreakable === 1;
    const isStreakEnd = this.flag(row, F.isStreakEnd);
    if (isStreakEnd === BAD_FLAG) return;
    record.isStreakEnd = isStreakEnd === NO_FLAG ? null : isStreakEnd === 1;
    this.sender(row);
    record.receiverId = columns[F.receiverId] === -1 ? null : this.text(row, F.receiverId);
    let column = columns[F.timestamp] as number;
    const timestamp = column < 0 ? null : this.time(row, column);
    if (Number.isNaN(timestamp)) return;
    record.timestamp = timestamp;
    // The ids' keys, and the ids themselves as text, or as numbers for a sink that does not read
    // keys (one that `readsIdKeys` gets null for a whole-number id: no boxed number per row).
    column = columns[F.groupId] as number;
    const groupKind = column < 0 ? NO_ID : this.idKind(row, column);
    // Two stores, not one of a conditional: the merged value would be boxed.
    if (groupKind === WHOLE_ID) record.groupKey = this.idHigh * 1e9 + this.idLow;
    else record.groupKey = groupKind;
    record.groupId =
      groupKind === TEXT_ID
        ? fieldText(row, column)
        : groupKind === NO_ID || this.readsIdKeys
          ? null
          : record.groupKey;
    column = columns[F.messageId] as number;
    const messageKind = column < 0 ? NO_ID : this.idKind(row, column);
    if (messageKind === WHOLE_ID) record.messageKey = this.idHigh * 1e9 + this.idLow;
    else record.messageKey = messageKind;
    record.messageId =
      messageKind === TEXT_ID
        ? fieldText(row, column)
        : messageKind === NO_ID || this.readsIdKeys
          ? null
          : String(record.messageKey);
    record.line = row.line;
    record.source = this.source;
    if (giftId < 0 && record.giftName === null) {
      this.reject(row.line, "NO_GIFT", "the row names no gift");
      return;
    }
    if (count === 0) this.bad(row, F.count, "BAD_NUMBER", "is 0");
    else this.sink.record(record);
  }

  /**
   * An id field (group, message), never interned: WHOLE_ID when it is up to 15 digits, read into
   * `idHigh` (all but the last nine) and `idLow` (the last nine): small integers, which cross
   * function calls unboxed where a 13-digit number is boxed, and `high * 1e9 + low` is exact below
   * 2^53. NO_ID when it is blank, TEXT_ID when it is text.
   */
  private idKind(row: CsvRecord, column: number): number {
    const { buffer } = row;
    const start = startOf(row, column);
    const end = endOf(row, column);
    if (start === end) return NO_ID;
    if (end - start > 15) return TEXT_ID;
    const split = end - start > 9 ? end - 9 : start;
    let high = 0;
    let i = start;
    for (; i < split; i++) {
      const digit = (buffer[i] as number) - DIGIT_0;
      if (digit >>> 0 > 9) return TEXT_ID;
      high = high * 10 + digit;
    }
    let low = 0;
    for (; i < end; i++) {
      const digit = (buffer[i] as number) - DIGIT_0;
      if (digit >>> 0 > 9) return TEXT_ID;
      low = low * 10 + digit;
    }
    this.idHigh = high;
    this.idLow = low;
    return WHOLE_ID;
  }

  /** A flag field: 1 or 0, NO_FLAG when blank or absent, BAD_FLAG (reported) when unreadable. */
  private flag(row: CsvRecord, field: number): number {
    const column = this.columns[field] as number;
    if (column < 0) return NO_FLAG;
    const start = startOf(row, column);
    const end = endOf(row, column);
    const kind = this.flagKinds[field];
    if (kind === GIFT_TYPE) {
      const type = wholeFromBytes(row.buffer, start, end);
      if (type === -2) this.bad(row, field, "BAD_NUMBER", "is not a gift type number");
      return type === -2 ? BAD_FLAG : type < 0 ? NO_FLAG : type === 1 ? 1 : 0;
    }
    const value = truthFromBytes(row.buffer, start, end);
    if (value === -2) this.bad(row, field, "BAD_BOOLEAN", "is not true or false");
    return value < 0 ? value : kind === INVERTED ? 1 - value : value;
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
