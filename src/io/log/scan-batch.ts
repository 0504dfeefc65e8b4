/**
 * Scanned CSV records in transit from the scan thread to the main thread: the bytes of a slice and
 * the records in it as numbers, so a batch crosses threads without copying (its buffers are
 * transferred) and is replayed as the very same `CsvHandler` calls the scanner made.
 *
 * A record is `line, count`, then its fields as in `CsvRecord.fields` (start, end, escaped), so the
 * main thread reads them where they lie; a plain record split in bulk (ScanRows.split) is
 * `line, count + PLAIN_ROW`, then its compact fields (see CsvRecord.fields). A record whose
 * numbers the scan thread has read too has ROW.decoded added to its count, and its VALUE_COUNT
 * numbers next in `values`; one whose sender alone it numbered has ROW.numbered added, and room for
 * its numbers next in `values` with V.sender filled in. A
 * malformed record is `line, -1 - k`, its reason `reasons[k]`. Held streak frames the thread took
 * out (HeldFrames) are not there: `heldFrames` says how many.
 */
import { NO_ID } from "../../core/log/record.js";
import { type ColumnChoice, type CsvColumns, csvColumns, F } from "./csv-columns.js";
import {
  type CsvHandler,
  type CsvRecord,
  emptyCsvRecord,
  endOf,
  FIELD_INTS,
  FULL_RECORD,
  MAX_FIELDS,
  PLAIN_STRIDE,
  recordTexts,
  startOf,
} from "./csv-scanner.js";
import { DECODED, decodeValues, UNKNOWN_GROUP, V, VALUE_COUNT } from "./row-values.js";
import type { ScanRows } from "./scan-rows.js";
import { NO_SENDER_NUMBER } from "./senders.js";

/**
 * What the scan thread made of a row, added to its field count in the batch (far above any count):
 * nothing (it goes as scanned), all its numbers (`decoded`), or its sender's number alone
 * (`numbered`: the main thread reads the rest, into the room left for them in `values`).
 */
export const ROW = { scanned: 0, decoded: 1 << 30, numbered: 1 << 28 } as const;
type RowKind = (typeof ROW)[keyof typeof ROW];
/** Added to a record's field count when it is in the compact layout of a plain record. */
const PLAIN_ROW = 1 << 29;

export interface ScanBatch {
  readonly bytes: ArrayBuffer;
  readonly byteLength: number;
  readonly ints: ArrayBuffer;
  readonly intLength: number;
  /** Float64s: the numbers of the decoded records, VALUE_COUNT each, in order. */
  readonly values: ArrayBuffer;
  readonly valueLength: number;
  readonly reasons: readonly string[];
  /** Held streak frames taken out of the records (see HeldFrames): only to be counted. */
  readonly heldFrames: number;
  /** Bytes of the file read so far (for progress). */
  readonly fileBytes: number;
}

/**
 * Collects what a scanner reports into a batch; `take` hands it over and starts the next one. The
 * scanner writes each record's fields into the batch itself: after every record, the writer points
 * the record (`place`) at where the next one goes, so nothing is copied per record.
 */
export class ScanBatchWriter {
  private ints: Int32Array;
  private intLength = 0;
  private bytes: Uint8Array;
  private byteLength = 0;
  /** The bytes of the slice being scanned are in `bytes` already (see `fillable`). */
  private isFilled = false;
  /** The numbers of decoded records: `decodeValues` writes the next one at `valueLength`. */
  values: Float64Array;
  valueLength = 0;
  private reasons: string[] = [];
  private heldFrames = 0;
  /** The record the scanner fills: placed again when the batch changes. */
  private placed: CsvRecord | undefined;
  /** Each record of a run `records` copies in, in turn. */
  private readonly bulk = emptyCsvRecord(PLAIN_STRIDE);
  private readonly spare: { bytes: ArrayBuffer[]; ints: ArrayBuffer[]; values: ArrayBuffer[] } = {
    bytes: [],
    ints: [],
    values: [],
  };

  /** `maxFields`: the scanner's most fields per record (room for them is kept for the next one). */
  constructor(private readonly maxFields = MAX_FIELDS) {
    this.ints = new Int32Array(new ArrayBuffer(1 << 20));
    this.bytes = new Uint8Array(new ArrayBuffer(1 << 20));
    this.values = new Float64Array(new ArrayBuffer(1 << 20));
  }

  /** Buffers the main thread has finished with, to be filled again. */
  giveBack(bytes: ArrayBuffer, ints: ArrayBuffer, values: ArrayBuffer): void {
    this.spare.bytes.push(bytes);
    this.spare.ints.push(ints);
    this.spare.values.push(values);
  }

  /** Point `record` at the batch, where the scanner is to write the next record's fields. */
  place(record: CsvRecord): void {
    const needed = this.intLength + 2 + this.maxFields * FIELD_INTS;
    if (needed > this.ints.length) this.growInts(needed);
    this.roomForValues();
    record.fields = this.ints;
    record.at = this.intLength + 2;
    this.placed = record;
  }

  /** Room in `values` for one more record's numbers. */
  private roomForValues(): void {
    if (this.valueLength + VALUE_COUNT > this.values.length) this.growValues();
  }

  private growValues(): void {
    const grown = new Float64Array(this.values.length * 2);
    grown.set(this.values.subarray(0, this.valueLength));
    this.values = grown;
  }

  /**
   * Records split in bulk (`ints[0, length)`, see ScanRows.split): copied in at once, then each
   * handed to `decode` where it now lies, which writes its numbers (as `row` takes them) and
   * returns its kind.
   */
  records(buffer: Buffer, ints: Int32Array, length: number, decode: (record: CsvRecord) => RowKind): void {
    const from = this.intLength;
    const end = from + length;
    if (end + 2 + this.maxFields * FIELD_INTS > this.ints.length) {
      this.growInts(end + 2 + this.maxFields * FIELD_INTS);
    }
    const batch = this.ints;
    batch.set(ints.subarray(0, length), from);
    this.intLength = end;
    const record = this.bulk;
    record.buffer = buffer;
    record.fields = batch;
    for (let at = from; at < end; ) {
      let count = batch[at + 1] as number;
      const isFull = count >= FULL_RECORD;
      if (isFull) count -= FULL_RECORD;
      record.line = batch[at] as number;
      record.count = count;
      record.at = at + 2;
      record.stride = isFull ? FIELD_INTS : PLAIN_STRIDE;
      this.roomForValues();
      const kind = decode(record);
      if (kind !== ROW.scanned) this.valueLength += VALUE_COUNT;
      batch[at + 1] = count + (isFull ? 0 : PLAIN_ROW) + kind;
      at += isFull ? 2 + count * FIELD_INTS : 3 + count;
    }
    if (this.placed !== undefined) this.place(this.placed);
  }

  /**
   * Records split in bulk and read already (ScanRows.rows: `ints[0, length)`, their counts
   * saying what each is), with the numbers of those that have them, `values[0, valueCount)`, and
   * the held frames taken out of them.
   */
  readRecords(
    ints: Int32Array,
    length: number,
    values: Float64Array,
    valueCount: number,
    heldFrames: number,
  ): void {
    this.heldFrames += heldFrames;
    const end = this.intLength + length;
    if (end + 2 + this.maxFields * FIELD_INTS > this.ints.length) {
      this.growInts(end + 2 + this.maxFields * FIELD_INTS);
    }
    this.ints.set(ints.subarray(0, length), this.intLength);
    this.intLength = end;
    while (this.valueLength + valueCount + VALUE_COUNT > this.values.length) this.growValues();
    this.values.set(values.subarray(0, valueCount), this.valueLength);
    this.valueLength += valueCount;
    if (this.placed !== undefined) this.place(this.placed);
  }

  /** A record, to be replayed as it is. */
  record(record: CsvRecord): void {
    this.keep(record, record.count);
  }

  /** A record of `kind`: with ROW.decoded or ROW.numbered, its numbers are at `valueLength`. */
  row(record: CsvRecord, kind: RowKind): void {
    if (kind !== ROW.scanned) this.valueLength += VALUE_COUNT;
    this.keep(record, record.count + kind);
  }

  private keep(record: CsvRecord, count: number): void {
    const at = this.intLength + 2;
    const length = record.count * FIELD_INTS;
    if (record.fields !== this.ints || record.at !== at) {
      // Not placed here (a scanner of its own): its fields are copied.
      if (at + length > this.ints.length) this.growInts(at + length);
      this.ints.set(record.fields.subarray(record.at, record.at + length), at);
    }
    this.ints[at - 2] = record.line;
    this.ints[at - 1] = count;
    this.intLength = at + length;
    this.place(record);
  }

  malformed(line: number, reason: string): void {
    if (this.intLength + 2 > this.ints.length) this.growInts(this.intLength + 2);
    this.ints[this.intLength++] = line;
    this.ints[this.intLength++] = -1 - this.reasons.length;
    this.reasons.push(reason);
    if (this.placed !== undefined) this.place(this.placed);
  }

  /**
   * The batch's own bytes, with room for `length`, to read input straight into: the scan of that
   * input then reports (`scanned`) bytes the batch has already.
   */
  fillable(length: number): Uint8Array {
    if (length > this.bytes.length) {
      this.bytes = new Uint8Array(new ArrayBuffer(Math.max(length, this.bytes.length * 2)));
    }
    this.isFilled = true;
    return this.bytes;
  }

  /** The records so far lie in `bytes[0, end)`: keep a copy of those bytes (unless `fillable` has them). */
  scanned(bytes: Uint8Array, end: number): void {
    if (this.isFilled) this.isFilled = false;
    else {
      if (end > this.bytes.length) {
        this.bytes = new Uint8Array(new ArrayBuffer(Math.max(end, this.bytes.length * 2)));
      }
      this.bytes.set(bytes.subarray(0, end), 0);
    }
    this.byteLength = end;
  }

  get isEmpty(): boolean {
    return this.intLength === 0 && this.heldFrames === 0;
  }

  /** The batch so far (its buffers are the caller's now); the writer starts an empty one. */
  take(fileBytes: number): ScanBatch {
    const batch: ScanBatch = {
      bytes: this.bytes.buffer as ArrayBuffer,
      byteLength: this.byteLength,
      ints: this.ints.buffer as ArrayBuffer,
      intLength: this.intLength,
      values: this.values.buffer as ArrayBuffer,
      valueLength: this.valueLength,
      reasons: this.reasons,
      heldFrames: this.heldFrames,
      fileBytes,
    };
    this.heldFrames = 0;
    this.ints = new Int32Array(this.spare.ints.pop() ?? new ArrayBuffer(this.ints.byteLength));
    this.bytes = new Uint8Array(this.spare.bytes.pop() ?? new ArrayBuffer(this.bytes.byteLength));
    this.values = new Float64Array(this.spare.values.pop() ?? new ArrayBuffer(this.values.byteLength));
    this.intLength = 0;
    this.byteLength = 0;
    this.valueLength = 0;
    this.reasons = [];
    if (this.placed !== undefined) this.place(this.placed);
    return batch;
  }

  private growInts(needed: number): void {
    const grown = new Int32Array(Math.max(needed, this.ints.length * 2));
    grown.set(this.ints.subarray(0, this.intLength));
    // Only between records (the next one is placed after): nothing of a record in progress is lost.
    this.ints = grown;
  }
}

/** The scan thread's handler, and whether it reads the rows' numbers (see `scanThreadHandler`). */
export interface ScanThreadHandler extends CsvHandler {
  decodesValues: boolean;
}

/**
 * The scan thread's handler: what it does with each record its scanner reports (`rows`, when
 * given, splits records in bulk and numbers senders). The first record (the header) goes as
 * it is and gives the columns. Each row with the header's field count has its sender numbered
 * (V.sender) and, while `decodesValues`, its numbers read: one whose numbers are all readable goes
 * with them, any other as scanned (the reader then reads it, or rejects it, as it would alone);
 * while not, the main thread reads them. Without `choice`, every record goes as scanned. `scanned`
 * is called after each slice, whose bytes the writer then has.
 */
export function scanThreadHandler(
  writer: ScanBatchWriter,
  choice: ColumnChoice | undefined,
  rows: ScanRows | undefined,
  scanned: () => void,
): ScanThreadHandler {
  let columns: CsvColumns | undefined;
  let isHeader = true;
  // Rows one by one, in JavaScript: the header's run, a record split byte by byte, or every record
  // where WebAssembly is missing (then senders are not numbered). Runs after the header: `records`.
  const decode = (row: CsvRecord): RowKind => {
    if (isHeader) {
      isHeader = false;
      if (choice !== undefined)
        columns = csvColumns(recordTexts(row), new Map(choice.map), new Set(choice.unused));
      if (columns !== undefined) rows?.plan(columns);
      return ROW.scanned;
    }
    // A row read here, not by `rows`, breaks the streaks' chains it keeps (see ScanRows.supersede);
    // one of another field count is rejected (it has no group).
    if (columns === undefined || row.count !== columns.count) {
      rows?.forget(columns === undefined ? UNKNOWN_GROUP : NO_ID);
      return ROW.scanned;
    }
    const values = writer.values;
    const at = writer.valueLength;
    const isDecoding = handler.decodesValues;
    if (isDecoding && decodeValues(row, columns, values, at) !== DECODED) {
      rows?.forget(UNKNOWN_GROUP);
      return ROW.scanned;
    }
    // Its group id, when its numbers were read here (else it is not known here).
    rows?.forget(isDecoding ? (values[at + V.groupKey] as number) : UNKNOWN_GROUP);
    values[at + V.sender] = rows === undefined ? NO_SENDER_NUMBER : senderNumber(rows, row, columns);
    return isDecoding ? ROW.decoded : ROW.numbered;
  };
  const handler: ScanThreadHandler = {
    decodesValues: true,
    record: (row) => writer.row(row, decode(row)),
    records: (buffer, ints, length) => {
      // After the header, WebAssembly reads the whole run of rows.
      if (rows !== undefined && columns !== undefined) {
        const count = rows.rows(handler.decodesValues, PLAIN_ROW, ROW.decoded, ROW.numbered);
        writer.readRecords(ints, rows.written, rows.runValuesOf(), count, rows.held);
      } else writer.records(buffer, ints, length, decode);
    },
    malformed: (line, reason) => {
      // Rejected: it has no group.
      rows?.forget(NO_ID);
      writer.malformed(line, reason);
    },
    scanned: (bytes, end) => {
      writer.scanned(bytes, end);
      scanned();
    },
  };
  return handler;
}

/** The number `rows` gives the row's sender (see ScanRows.sender); NO_SENDER_NUMBER for a blank id. */
function senderNumber(rows: ScanRows, row: CsvRecord, columns: CsvColumns): number {
  const idColumn = columns.columns[F.senderId] as number;
  if (idColumn < 0) return NO_SENDER_NUMBER;
  const idStart = startOf(row, idColumn);
  const idEnd = endOf(row, idColumn);
  if (idStart === idEnd) return NO_SENDER_NUMBER;
  const nameColumn = columns.columns[F.senderName] as number;
  return nameColumn < 0
    ? rows.sender(idStart, idEnd, 0, 0)
    : rows.sender(idStart, idEnd, startOf(row, nameColumn), endOf(row, nameColumn));
}

/**
 * Make the handler calls a batch holds, in order, with one record object reused for all. A decoded
 * record goes to `handler.decoded` with its numbers, a numbered one to `handler.numbered` (either
 * to `handler.record` when it has no such method); the held frames taken out of the batch go to
 * `handler.heldFrames`, first.
 */
export function replayBatch(batch: ScanBatch, handler: CsvHandler, record: CsvRecord): void {
  const ints = new Int32Array(batch.ints, 0, batch.intLength);
  const values = new Float64Array(batch.values, 0, batch.valueLength);
  record.buffer = Buffer.from(batch.bytes, 0, batch.byteLength);
  record.fields = ints;
  let at = 0;
  let valueAt = 0;
  if (batch.heldFrames > 0) {
    if (handler.heldFrames === undefined) throw new Error("the scan thread left out held frames");
    handler.heldFrames.add(batch.heldFrames);
  }
  while (at < ints.length) {
    const line = ints[at++] as number;
    let count = ints[at++] as number;
    if (count < 0) {
      handler.malformed(line, batch.reasons[-1 - count] as string);
      continue;
    }
    const isDecoded = count >= ROW.decoded;
    if (isDecoded) count -= ROW.decoded;
    const isPlain = count >= PLAIN_ROW;
    if (isPlain) count -= PLAIN_ROW;
    const isNumbered = count >= ROW.numbered;
    if (isNumbered) count -= ROW.numbered;
    record.stride = isPlain ? PLAIN_STRIDE : FIELD_INTS;
    record.at = at;
    record.count = count;
    record.line = line;
    if (isDecoded) {
      if (handler.decoded === undefined) handler.record(record);
      else handler.decoded(record, values, valueAt);
      valueAt += VALUE_COUNT;
    } else if (isNumbered) {
      if (handler.numbered === undefined) handler.record(record);
      else handler.numbered(record, values, valueAt);
      valueAt += VALUE_COUNT;
    } else handler.record(record);
    at += isPlain ? count + 1 : count * FIELD_INTS;
  }
}
