/**
 * Scanned CSV records in transit from the scan thread to the main thread: the bytes of a slice and
 * the records in it as numbers, so a batch crosses threads without copying (its buffers are
 * transferred) and is replayed as the very same `CsvHandler` calls the scanner made.
 *
 * A record is `line, count`, then its fields as in `CsvRecord.fields` (start, end, escaped), so the
 * main thread reads them where they lie; a malformed record is `line, -1 - k`, its reason
 * `reasons[k]`.
 */
import { type CsvHandler, type CsvRecord, FIELD_INTS } from "./csv-scanner.js";

export interface ScanBatch {
  readonly bytes: ArrayBuffer;
  readonly byteLength: number;
  readonly ints: ArrayBuffer;
  readonly intLength: number;
  readonly reasons: readonly string[];
  /** Bytes of the file read so far (for progress). */
  readonly fileBytes: number;
}

/** Collects what a scanner reports into a batch; `take` hands it over and starts the next one. */
export class ScanBatchWriter {
  private ints: Int32Array;
  private intLength = 0;
  private bytes: Uint8Array;
  private byteLength = 0;
  private reasons: string[] = [];

  constructor(
    private readonly spare: { bytes: ArrayBuffer[]; ints: ArrayBuffer[] } = { bytes: [], ints: [] },
  ) {
    this.ints = new Int32Array(this.spare.ints.pop() ?? new ArrayBuffer(1 << 20));
    this.bytes = new Uint8Array(this.spare.bytes.pop() ?? new ArrayBuffer(1 << 20));
  }

  /** Buffers the main thread has finished with, to be filled again. */
  giveBack(bytes: ArrayBuffer, ints: ArrayBuffer): void {
    this.spare.bytes.push(bytes);
    this.spare.ints.push(ints);
  }

  record(record: CsvRecord): void {
    const length = record.count * FIELD_INTS;
    const needed = this.intLength + 2 + length;
    if (needed > this.ints.length) this.growInts(needed);
    const ints = this.ints;
    let at = this.intLength;
    ints[at++] = record.line;
    ints[at++] = record.count;
    const { fields } = record;
    for (let from = record.at, end = record.at + length; from < end; from++)
      ints[at++] = fields[from] as number;
    this.intLength = at;
  }

  malformed(line: number, reason: string): void {
    if (this.intLength + 2 > this.ints.length) this.growInts(this.intLength + 2);
    this.ints[this.intLength++] = line;
    this.ints[this.intLength++] = -1 - this.reasons.length;
    this.reasons.push(reason);
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
      reasons: this.reasons,
      fileBytes,
    };
    this.ints = new Int32Array(this.spare.ints.pop() ?? new ArrayBuffer(this.ints.byteLength));
    this.bytes = new Uint8Array(this.spare.bytes.pop() ?? new ArrayBuffer(this.bytes.byteLength));
    this.intLength = 0;
    this.byteLength = 0;
    this.reasons = [];
    return batch;
  }

  private growInts(needed: number): void {
    const grown = new Int32Array(Math.max(needed, this.ints.length * 2));
    grown.set(this.ints.subarray(0, this.intLength));
    this.ints = grown;
  }
}

/** Make the handler calls a batch holds, in order, with one record object reused for all. */
export function replayBatch(batch: ScanBatch, handler: CsvHandler, record: CsvRecord): void {
  const ints = new Int32Array(batch.ints, 0, batch.intLength);
  record.buffer = Buffer.from(batch.bytes, 0, batch.byteLength);
  record.fields = ints;
  let at = 0;
  while (at < ints.length) {
    const line = ints[at++] as number;
    const count = ints[at++] as number;
    if (count < 0) {
      handler.malformed(line, batch.reasons[-1 - count] as string);
      continue;
    }
    record.count = count;
    record.line = line;
    record.at = at;
    handler.record(record);
    at += count * FIELD_INTS;
  }
}
