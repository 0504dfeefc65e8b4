/**
 * The scan thread's working memory and its WebAssembly loops (scan-rows.wat): records split into
 * fields in bulk, their numbers read and their senders numbered by the bytes of their ids. The
 * memory holds, in this order, the module's sender table, the records `split` writes, the numbers
 * `rows` reads, and the bytes being scanned (the data region, grown as `reserve` asks). Where WebAssembly is missing, `ScanRows.create` gives undefined and the scan
 * thread reads rows in JavaScript.
 */
import { type CsvColumns, F } from "./csv-columns.js";
import { VALUE_COUNT } from "./row-values.js";
import { SCAN_ROWS_WASM } from "./scan-rows-wasm.js";
import { wasmModule } from "./wasm-module.js";

const PAGE = 65_536;
/** `split` reads up to 15 bytes past the data's end. */
const PADDING = 16;
/** Room for the records of one `split` call: 256 Ki i32s (about 8,000 rows of ten fields). */
const RECORD_BYTES = 1 << 20;

interface ScanRowsExports {
  readonly memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  readonly free: { readonly value: number };
  readonly line: { readonly value: number };
  readonly written: { readonly value: number };
  readonly held: { readonly value: number };
  split(
    base: number,
    start: number,
    end: number,
    out: number,
    outEnd: number,
    maxFields: number,
    line: number,
  ): number;
  sender(idStart: number, idEnd: number, nameStart: number, nameEnd: number): number;
  plan(
    giftId: number,
    unitCoins: number,
    count: number,
    totalCoins: number,
    isStreakable: number,
    isStreakEnd: number,
    groupId: number,
    messageId: number,
    streakableKind: number,
    streakEndKind: number,
  ): void;
  planRows(count: number, senderId: number, senderName: number, timestamp: number, receiver: number): void;
  gift(id: number, coins: number, streakable: number): void;
  supersede(): void;
  forget(group: number): void;
  rows(
    base: number,
    from: number,
    to: number,
    out: number,
    decodes: number,
    plain: number,
    decoded: number,
    numbered: number,
  ): number;
}

/**
 * Room for the numbers of one `split`'s rows (`rows`): ten f64s a row, and a row takes at least
 * four i32s of the records (a line, a count, a start and one field).
 */
const RUN_VALUE_BYTES = (RECORD_BYTES / 16) * VALUE_COUNT * 8;

const scanRowsModule = wasmModule<ScanRowsExports>(SCAN_ROWS_WASM);

export class ScanRows {
  private memory: ArrayBuffer;
  private readonly recordsAt: number;
  /** Where the data region starts in the memory; offsets in records are relative to it. */
  private readonly dataAt: number;
  private capacity = 0;
  /** The data region, `capacity` bytes (views are remade when the memory grows). */
  bytes: Uint8Array = new Uint8Array(0);
  /** The records of the last `split`, as i32s (see `records`). */
  private ints: Int32Array = new Int32Array(0);
  /** After `split`: the line of the record it stopped at, and the end of its records in `ints`. */
  line = 1;
  written = 0;
  /** After `rows`: the held frames it took out of the records (see `supersede`). */
  held = 0;

  /** Where `rows` writes a run's numbers. */
  private readonly runValuesAt: number;
  private runValues: Float64Array = new Float64Array(0);

  private constructor(private readonly exports: ScanRowsExports) {
    this.memory = exports.memory.buffer;
    this.recordsAt = exports.free.value;
    this.runValuesAt = this.recordsAt + RECORD_BYTES;
    this.dataAt = this.runValuesAt + RUN_VALUE_BYTES;
  }

  /** A working memory of its own (one per scanner); undefined where WebAssembly is missing. */
  static create(capacity: number): ScanRows | undefined {
    const exports = scanRowsModule();
    if (exports === null) return undefined;
    const rows = new ScanRows(exports);
    rows.reserve(capacity);
    return rows;
  }

  /** Make room for `capacity` data bytes, keeping the data already there. */
  reserve(capacity: number): void {
    if (capacity <= this.capacity) return;
    const memory = this.exports.memory;
    const needed = this.dataAt + capacity + PADDING;
    if (memory.buffer.byteLength < needed) memory.grow(Math.ceil((needed - memory.buffer.byteLength) / PAGE));
    this.memory = memory.buffer;
    this.capacity = capacity;
    this.bytes = new Uint8Array(this.memory, this.dataAt, capacity);
    this.ints = new Int32Array(this.memory, this.recordsAt, RECORD_BYTES / 4);
    this.runValues = new Float64Array(this.memory, this.runValuesAt, RUN_VALUE_BYTES / 8);
  }

  /** Read rows' numbers, and number their senders, from these columns (see `rows`). */
  plan(columns: CsvColumns): void {
    const column = (field: number) => columns.columns[field] as number;
    this.exports.planRows(
      columns.count,
      column(F.senderId),
      column(F.senderName),
      column(F.timestamp),
      column(F.receiverId),
    );
    this.exports.plan(
      column(F.giftId),
      column(F.unitCoins),
      column(F.count),
      column(F.totalCoins),
      column(F.isStreakable),
      column(F.isStreakEnd),
      column(F.groupId),
      column(F.messageId),
      columns.flagKinds[F.isStreakable] as number,
      columns.flagKinds[F.isStreakEnd] as number,
    );
  }

  /**
   * Read the rows of the last `split` at once: each with the `plan`'s field count gets its sender
   * numbered and, when `decodes`, its numbers read (as `decodeValues` and `timestampInto` do), into
   * `runValuesOf()` (VALUE_COUNT a row, in order); each record's
   * count in `records()` gets `plain` added, and `decoded` or `numbered` for a row with its numbers
   * (neither for one the reader is to read). Once `supersede` is called, the held frames among
   * them are taken out, records and numbers (`written` is then less, `held` says how many). Returns
   * how many numbers were written. The kinds and `plain` are bits above any field count.
   */
  rows(decodes: boolean, plain: number, decoded: number, numbered: number): number {
    const { exports, recordsAt, runValuesAt } = this;
    const to = recordsAt + this.written * 4;
    const end = exports.rows(
      this.dataAt,
      recordsAt,
      to,
      runValuesAt,
      decodes ? 1 : 0,
      plain,
      decoded,
      numbered,
    );
    this.held = exports.held.value;
    this.written = (exports.written.value - recordsAt) >> 2;
    return (end - runValuesAt) / 8;
  }

  /**
   * From the next `rows` on, mark the streak frames that the next frame of their streak supersedes
   * (see HeldFrames in core/log/record.ts, and scan-rows.wat `follow`), for the gifts of `gifts`:
   * triples of a gift's id, its coins and 1 when it streaks.
   */
  supersede(gifts: Int32Array): void {
    for (let at = 0; at + 2 < gifts.length; at += 3) {
      this.exports.gift(gifts[at] as number, gifts[at + 1] as number, gifts[at + 2] as number);
    }
    this.exports.supersede();
  }

  /**
   * A row went by that `rows` did not read (the reader reads it): it breaks every streak's chain.
   * `groupKey` is its group id's key (V.groupKey: -1 for none, -2 for text), or UNKNOWN_GROUP (row-values.ts): a
   * streak's first frame is taken out only when its group id is higher than every row's before it.
   */
  forget(groupKey: number): void {
    this.exports.forget(groupKey);
  }

  /** The numbers of the last `rows`, from 0. */
  runValuesOf(): Float64Array {
    return this.runValues;
  }

  /** A Buffer view of `bytes[0, end)` (no copy), for decoding and `indexOf`. */
  view(end: number): Buffer {
    return Buffer.from(this.memory, this.dataAt, end);
  }

  /**
   * Split the records of `bytes[start, end)`, the first on `line` (see scan-rows.wat): they are in
   * `records()` from 0 to `written`, each its line, its field count, then its fields: compact for
   * a plain record (see CsvRecord), in full (stride FIELD_INTS) for one with a quoted field, whose
   * count has FULL_RECORD (csv-scanner.ts) added. Returns where it stopped: the start of a record to be scanned byte
   * by byte (malformed, or cut by `end`), or `end`.
   */
  split(start: number, end: number, maxFields: number, line: number): number {
    const { exports, dataAt } = this;
    const stop = exports.split(
      dataAt,
      dataAt + start,
      dataAt + end,
      this.recordsAt,
      this.recordsAt + RECORD_BYTES,
      maxFields,
      line,
    );
    this.line = exports.line.value;
    this.written = (exports.written.value - this.recordsAt) >> 2;
    return stop - dataAt;
  }

  /** The records of the last `split`, from 0 to `written`. */
  records(): Int32Array {
    return this.ints;
  }

  /**
   * The number of the sender whose id is `bytes[idStart, idEnd)` (not empty), named
   * `bytes[nameStart, nameEnd)` here, times 4, plus SENDER_NEW, SENDER_RENAMED or SENDER_SAME
   * (senders.ts); -1 when it has none (past 2^18 senders, or no room for their bytes).
   */
  sender(idStart: number, idEnd: number, nameStart: number, nameEnd: number): number {
    const dataAt = this.dataAt;
    return this.exports.sender(dataAt + idStart, dataAt + idEnd, dataAt + nameStart, dataAt + nameEnd);
  }
}
