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
  type RejectCode,
} from "../../core/log/record.js";
import { GiftCalcError } from "../../errors.js";
import { type CsvRecord, CsvScanner, fieldText, recordTexts } from "./csv-scanner.js";
import { type Coercion, CROSSWALK, normaliseFieldName, type RecordField, resolveSources } from "./fields.js";
import { ByteInterner } from "./intern.js";
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
}

export interface LogReader {
  push(chunk: Buffer): void;
  end(): void;
  /** The format in use, once known. */
  readonly format: LogFormat | undefined;
}

const UTC = () => 0;

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
      waiting.push(chunk);
      const kind = detect(Buffer.concat(waiting));
      if (kind === undefined) return;
      const reader = start(kind);
      for (const part of waiting.splice(0)) reader.push(part);
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

/** A boolean from bytes: 1, 0, -1 blank, -2 not a boolean. */
function truthFromBytes(buffer: Buffer, start: number, end: number): number {
  const length = end - start;
  if (length === 0) return -1;
  const first = (buffer[start] as number) | 0x20;
  if (length === 1) {
    if (first === 0x31 || first === 0x74 || first === 0x79) return 1; // 1 t y
    if (first === 0x30 || first === 0x66 || first === 0x6e) return 0; // 0 f n
    return -2;
  }
  const text = buffer.toString("latin1", start, end).toLowerCase();
  if (text === "true" || text === "yes") return 1;
  if (text === "false" || text === "no") return 0;
  return -2;
}

class CsvLogReader implements RowReader {
  private readonly scanner: CsvScanner;
  private readonly record: LogRecord = emptyRecord();
  private readonly interner = new ByteInterner();
  private columns: number[] = [];
  private fields: RecordField[] = [];
  private coercions: Coercion[] = [];
  private names: string[] = [];
  private headerCount = -1;

  constructor(
    private readonly sink: LogSink,
    private readonly options: LogReaderOptions,
  ) {
    this.scanner = new CsvScanner({
      record: (row) => (this.headerCount === -1 ? this.header(row) : this.row(row)),
      malformed: (line, reason) => this.reject(line, "MALFORMED_CSV", reason),
    });
  }

  push(chunk: Buffer): void {
    this.scanner.push(chunk);
  }

  end(): void {
    this.scanner.end();
  }

  private reject(line: number, code: RejectCode, reason: string): void {
    const entry: LogReject =
      this.options.file === undefined
        ? { line, code, reason }
        : { file: this.options.file, line, code, reason };
    this.sink.reject(entry);
  }

  private header(row: CsvRecord): void {
    const names = recordTexts(row);
    const normalised = names.map(normaliseFieldName);
    const sources = resolveSources(this.options.map ?? new Map(), (name) => normalised.includes(name));
    if (!sources.some((source) => source.field === "giftId" || source.field === "giftName")) {
      throw noGiftColumn(this.options.file, names);
    }
    this.headerCount = names.length;
    this.columns = sources.map((source) => normalised.indexOf(source.name));
    this.fields = sources.map((source) => source.field);
    this.coercions = sources.map((source) => source.coercion);
    this.names = sources.map((source) => names[normalised.indexOf(source.name)] ?? source.name);
  }

  private row(row: CsvRecord): void {
    if (row.count !== this.headerCount) {
      this.reject(row.line, "COLUMN_COUNT", `${row.count} fields where the header has ${this.headerCount}`);
      return;
    }
    const record = this.record as unknown as Record<RecordField, string | number | boolean | null>;
    const { buffer, starts, ends } = row;
    for (let i = 0; i < this.columns.length; i++) {
      const column = this.columns[i] as number;
      const field = this.fields[i] as RecordField;
      const start = starts[column] as number;
      const end = ends[column] as number;
      switch (this.coercions[i]) {
        case "integer": {
          const value = wholeFromBytes(buffer, start, end);
          if (value === -2) {
            this.badValue(row, i, "BAD_NUMBER", "is not a whole number");
            return;
          }
          record[field] = value === -1 ? null : value;
          break;
        }
        case "text":
          record[field] =
            start === end
              ? null
              : row.escaped[column] === 1
                ? fieldText(row, column)
                : this.interner.get(buffer, start, end);
          break;
        case "boolean":
        case "inverted": {
          const value = truthFromBytes(buffer, start, end);
          if (value === -2) {
            this.badValue(row, i, "BAD_BOOLEAN", "is not true or false");
            return;
          }
          record[field] = value === -1 ? null : (value === 1) !== (this.coercions[i] === "inverted");
          break;
        }
        case "giftType": {
          const value = wholeFromBytes(buffer, start, end);
          if (value === -2) {
            this.badValue(row, i, "BAD_NUMBER", "is not a gift type number");
            return;
          }
          record[field] = value === -1 ? null : value === 1;
          break;
        }
        case "timestamp": {
          const value = wholeFromBytes(buffer, start, end);
          if (value >= 0) {
            record[field] = epochToMs(value);
            break;
          }
          if (value === -1) {
            record[field] = null;
            break;
          }
          const parsed = coerce(fieldText(row, column), "timestamp", this.options.offsetOf ?? UTC);
          if (parsed instanceof ValueProblem) {
            this.badValue(row, i, parsed.code, "is not epoch time or ISO 8601");
            return;
          }
          record[field] = parsed;
          break;
        }
      }
    }
    this.record.line = row.line;
    this.record.source = this.options.file ?? null;
    if (this.record.giftId === null && this.record.giftName === null) {
      this.reject(row.line, "NO_GIFT", "the row names no gift");
      return;
    }
    if (this.record.count === 0) {
      this.badValue(row, this.fields.indexOf("count"), "BAD_NUMBER", "is 0");
      return;
    }
    this.sink.record(this.record);
  }

  private badValue(row: CsvRecord, source: number, code: RejectCode, problem: string): void {
    const column = this.columns[source] as number;
    const text = fieldText(row, column);
    this.reject(row.line, code, `${this.names[source]} "${text.slice(0, 40)}" ${problem}`);
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
    const entry: LogReject =
      this.options.file === undefined
        ? { line, code, reason }
        : { file: this.options.file, line, code, reason };
    this.sink.reject(entry);
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
      this.line1(buffer.toString("utf8", from, newline));
      from = newline + 1;
    }
    if (from < buffer.length) this.tail = Buffer.from(buffer.subarray(from));
  }

  end(): void {
    if (this.tail !== undefined) this.line1(this.tail.toString("utf8"));
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
