/**
 * Scanned CSV records in transit from the scan thread to the main thread: the bytes of a slice and
 * the records in it as numbers, so a batch crosses threads without copying (its buffers are
 * transferred) and is replayed as the very same `CsvHandler` calls the scanner made.
 *
 * A record is `line, count`, then its fields as in `CsvRecord.fields` (start, end, escaped), so the
 * main thread reads them where they lie; a record whose numbers the scan thread has read too is
 * `line, count + DECODED_ROW`, its fields, and its VALUE_COUNT numbers next in `values`; a
 * malformed record is `line, -1 - k`, its reason `reasons[k]`.
 */
import { type ColumnChoice, type CsvColumns, csvColumns } from "./csv-columns.js";
import { type CsvHandler, type CsvRecord, FIELD_INTS, MAX_FIELDS, recordTexts } from "./csv-scanner.js";
import { DECODED, decodeValues, VALUE_COUNT } from "./row-values.js";

/** Added to a record's field count when its numbers follow in `values` (far above any count). */
const DECODED_ROW = 1 << 30;

export interface ScanBatch {
  readonly bytes: ArrayBuffer;
  readonly byteLength: number;
  readonly ints: ArrayBuffer;
  readonly intLength: number;
  /** Float64s: the numbers of the decoded records, VALUE_COUNT each, in order. */
  readonly values: ArrayBuffer;
  readonly valueLength: number;
  readonly reasons: readonly string[];
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
  /** The numbers of decoded records: `decodeValues` writes the next one at `valueLength`. */
  values: Float64Array;
  valueLength = 0;
  private reasons: string[] = [];
  /** The record the scanner fills: placed again when the batch changes. */
  private placed: CsvRecord | undefined;
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
    if (this.valueLength + VALUE_COUNT > this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values.subarray(0, this.valueLength));
      this.values = grown;
    }
    record.fields = this.ints;
    record.at = this.intLength + 2;
    this.placed = record;
  }

  /** A record, to be replayed as it is. */
  record(record: CsvRecord): void {
    this.keep(record, record.count);
  }

  /** A record whose numbers `decodeValues` has just written at `valueLength`. */
  decoded(record: CsvRecord): void {
    this.valueLength += VALUE_COUNT;
    this.keep(record, record.count + DECODED_ROW);
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

  /** The records so far lie in `bytes[0, end)`: keep a copy of those bytes. */
  scanned(bytes: Uint8Array, end: number): void {
    if (end > this.bytes.length) {
      this.bytes = new Uint8Array(new ArrayBuffer(Math.max(end, this.bytes.length * 2)));
    }
    this.bytes.set(bytes.subarray(0, end), 0);
    this.byteLength = end;
  }

  get isEmpty(): boolean {
    return this.intLength === 0;
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
      fileBytes,
    };
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

/**
 * What the scan thread does with each record the scanner reports: the first (the header) goes as it
 * is and gives the columns; each row whose numbers are all readable goes with them, any other as
 * scanned (the reader then reads it, or rejects it, as it would alone). Without `choice`, every
 * record goes as scanned.
 */
export function recordsInto(
  writer: ScanBatchWriter,
  choice: ColumnChoice | undefined,
): (row: CsvRecord) => void {
  let columns: CsvColumns | undefined;
  let isHeader = true;
  return (row) => {
    if (isHeader) {
      isHeader = false;
      if (choice !== undefined)
        columns = csvColumns(recordTexts(row), new Map(choice.map), new Set(choice.unused));
      writer.record(row);
    } else if (
      columns !== undefined &&
      row.count === columns.count &&
      decodeValues(row, columns, writer.values, writer.valueLength) === DECODED
    ) {
      writer.decoded(row);
    } else writer.record(row);
  };
}

/**
 * Make the handler calls a batch holds, in order, with one record object reused for all. A decoded
 * record goes to `handler.decoded` with its numbers (to `handler.record` when it has none).
 */
export function replayBatch(batch: ScanBatch, handler: CsvHandler, record: CsvRecord): void {
  const ints = new Int32Array(batch.ints, 0, batch.intLength);
  const values = new Float64Array(batch.values, 0, batch.valueLength);
  record.buffer = Buffer.from(batch.bytes, 0, batch.byteLength);
  record.fields = ints;
  let at = 0;
  let valueAt = 0;
  while (at < ints.length) {
    const line = ints[at++] as number;
    let count = ints[at++] as number;
    if (count < 0) {
      handler.malformed(line, batch.reasons[-1 - count] as string);
      continue;
    }
    const isDecoded = count >= DECODED_ROW;
    if (isDecoded) count -= DECODED_ROW;
    record.count = count;
    record.line = line;
    record.at = at;
    if (!isDecoded) handler.record(record);
    else {
      if (handler.decoded === undefined) handler.record(record);
      else handler.decoded(record, values, valueAt);
      valueAt += VALUE_COUNT;
    }
    at += count * FIELD_INTS;
  }
}
