/**
 * A byte-level CSV scanner (RFC 4180 with LF or CRLF records) for stream logs. It works on Buffers
 * as they arrive and reports each record as field offsets into the current buffer, so the hot loop
 * allocates nothing per row; the caller decodes only the fields it needs. Records end at LF or
 * CRLF; a bare CR is data. Blank lines are skipped. A UTF-8 BOM at the start is dropped.
 *
 * Plain records (no quotes) are split from an index of the buffer's commas, line feeds and quotes
 * (special-bytes.ts, sixteen bytes at a time), never looking at the bytes between them; a record
 * with a quote, or cut by the buffer's end, is scanned again byte by byte with every rule. In the
 * scan thread, records are split in bulk by WebAssembly instead (scan-rows.ts), quoted ones too;
 * only a malformed or cut record is scanned byte by byte here.
 */

import type { HeldFrames } from "../../core/log/record.js";
import type { ScanRows } from "./scan-rows.js";
import { acquireIndex, releaseIndex, type SpecialByteIndex } from "./special-bytes.js";

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** 1 for the bytes that end an unquoted field or make it malformed. */
const SPECIAL = new Uint8Array(256);
SPECIAL[COMMA] = 1;
SPECIAL[LF] = 1;
SPECIAL[QUOTE] = 1;

/** Records with more fields are reported malformed (unless a scanner is given another limit). */
export const MAX_FIELDS = 256;

/** Longer records are reported malformed (an unclosed quote would otherwise swallow the file). */
export const MAX_RECORD_BYTES = 1 << 20;

/** One record, valid only during the callback: offsets point into `buffer`. */
export interface CsvRecord {
  buffer: Buffer;
  /** Number of fields in this record. */
  count: number;
  /**
   * Three numbers per field from `at` (`stride` FIELD_INTS): where its content starts and ends
   * (inside the quotes of a quoted field), and 1 when it is quoted with doubled quotes to undo,
   * else 0. One flat array, so a batch from the scan thread is handed over as it is (see
   * scan-batch.ts). Read it with `startOf`, `endOf` and `isEscaped`. A handler may point `fields`
   * and `at` elsewhere before it returns: the scanner writes the next record there (the scan
   * thread's batch, with no copy).
   *
   * A plain record split in bulk (`stride` PLAIN_STRIDE) is compact: one number from `at` where
   * the record starts, minus one, then where each field ends; a field starts one past the end of
   * the one before (plain fields are split by single commas), and none is escaped.
   */
  fields: Int32Array;
  at: number;
  /** FIELD_INTS, or PLAIN_STRIDE for a compact plain record. */
  stride: number;
  /** Physical line (1-based) where the record starts. */
  line: number;
}

/** Numbers per field in `CsvRecord.fields`. */
export const FIELD_INTS = 3;

/** A record to be pointed at fields (by a scanner, a batch's replay), `stride` as its fields are laid out. */
export function emptyCsvRecord(stride = FIELD_INTS, fields = new Int32Array(0)): CsvRecord {
  return { buffer: Buffer.alloc(0), count: 0, fields, at: 0, stride, line: 1 };
}

/** Numbers per field of a compact plain record (see `CsvRecord.fields`). */
export const PLAIN_STRIDE = 1;

/** Added to the field count of a record split in bulk in full (one with a quoted field; see `records`). */
export const FULL_RECORD = 1 << 27;

export const startOf = (record: CsvRecord, field: number): number =>
  (record.fields[record.at + field * record.stride] as number) + (record.stride === PLAIN_STRIDE ? 1 : 0);
export const endOf = (record: CsvRecord, field: number): number =>
  record.fields[record.at + field * record.stride + 1] as number;
export const isEscaped = (record: CsvRecord, field: number): boolean =>
  record.stride === FIELD_INTS && record.fields[record.at + field * FIELD_INTS + 2] === 1;

export interface CsvHandler {
  record(record: CsvRecord): void;
  /**
   * A record whose numbers another thread has read already (see row-values.ts): they are in
   * `values[at, at + VALUE_COUNT)`. A handler without it gets such records through `record`.
   */
  decoded?(record: CsvRecord, values: Float64Array, at: number): void;
  /**
   * A record whose sender another thread has numbered (`values[at + V.sender]`, see row-values.ts):
   * its other numbers are this thread's to read, into `values[at, at + VALUE_COUNT)`. A handler
   * without it gets such records through `record`.
   */
  numbered?(record: CsvRecord, values: Float64Array, at: number): void;
  /**
   * Streak frames the records' reader may count without reading them (see HeldFrames): with it,
   * the scan thread marks such rows and they are only counted (`add`), a batch's at once.
   */
  readonly heldFrames?: HeldFrames;
  malformed(line: number, reason: string): void;
  /**
   * Records split in bulk (only by a scanner given ScanRows): `ints[0, length)` holds them as
   * `ScanRows.split` writes them (per record its line, its field count, then its fields: compact,
   * or in full with FULL_RECORD added to the count), their bytes in `buffer`.
   */
  records?(buffer: Buffer, ints: Int32Array, length: number): void;
  /**
   * After each scanned slice: the records reported since the last call lie in `bytes[0, end)`,
   * which is overwritten by the next slice (the scan thread copies it out here).
   */
  scanned?(bytes: Uint8Array, end: number): void;
}

/** Where a scan's bytes are: the index's memory, or the scan thread's (ScanRows). */
interface ScanMemory {
  readonly bytes: Uint8Array;
  view(end: number): Buffer;
}

/** What `record()` found besides the end offset: why the record is malformed, if it is. */
const INCOMPLETE = -1;

/** Pushed chunks are scanned in slices of at most this many bytes (after the carried-over tail). */
const SLICE_BYTES = 1 << 20;
/**
 * The index is made this many bytes at a time, just ahead of the records read from it: the bytes
 * and their positions are then still in the CPU's nearest cache when the records are split.
 */
const WINDOW_BYTES = 1 << 14;
const NOTHING = Buffer.alloc(0);

export class CsvScanner {
  private readonly handler: CsvHandler;
  private readonly maxFields: number;
  /** The start of a record cut by the last chunk's end, scanned again with the next chunk. */
  private tail: Buffer = Buffer.alloc(0);
  private tailLength = 0;
  private line = 1;
  private isStart = true;
  private readonly current: CsvRecord;
  private reason: string | undefined;
  /** Whether the record being scanned has a quoted field (which may hold newlines). */
  private hasQuotes = false;
  /** A malformed record's line ran past the last chunk: the rest of it is skipped first. */
  private isSkipping = false;
  /** The index of the current slice: its positions, how many, which is next, where it stops. */
  private index: SpecialByteIndex | undefined;
  private positions: Int32Array = new Int32Array(0);
  private specials = 0;
  private next = 0;
  private indexedTo = 0;
  private length = 0;
  /** The scan thread's WebAssembly, when records go to `handler.records` in bulk. */
  private readonly rows: ScanRows | undefined;

  /** With `rows` (and a handler that takes `records`), records are split in bulk there. */
  constructor(handler: CsvHandler, maxFields = MAX_FIELDS, rows?: ScanRows) {
    this.handler = handler;
    this.maxFields = maxFields;
    this.rows = handler.records === undefined ? undefined : rows;
    this.current = emptyCsvRecord(FIELD_INTS, new Int32Array(maxFields * FIELD_INTS));
  }

  /** Scan a chunk; a record cut by the chunk's end waits for the next one. The chunk is not kept. */
  push(chunk: Buffer): void {
    for (let from = 0; from < chunk.length; from += SLICE_BYTES) {
      this.scanWithTail(chunk.subarray(from, Math.min(chunk.length, from + SLICE_BYTES)), false);
    }
  }

  /** The bytes of a record the last slice's end cut, which the next slice goes on with. */
  get tailBytes(): Uint8Array {
    return this.tail.subarray(0, this.tailLength);
  }

  /**
   * Scan `joined` as one slice: `tailBytes`, copied there by the caller, then the input's next
   * bytes. A caller that reads input straight into a buffer of its own (the scan thread, into its
   * batch) so saves copying it.
   */
  pushJoined(joined: Buffer): void {
    this.tailLength = 0;
    this.scanWithTail(joined, false);
  }

  /** No more input: the last record may lack its newline. */
  end(): void {
    this.scanWithTail(NOTHING, true);
  }

  /** The tail, then `slice`, copied into the index's memory and scanned there; what is cut is kept. */
  private scanWithTail(slice: Buffer, isFinal: boolean): void {
    const length = this.tailLength + slice.length;
    const rows = this.rows;
    if (rows !== undefined) {
      rows.reserve(length);
      this.scanSlice(rows, slice, length, isFinal);
      return;
    }
    const index = acquireIndex(length);
    try {
      this.scanSlice(index, slice, length, isFinal);
    } finally {
      releaseIndex(index);
    }
  }

  /** Scan the tail and `slice` (`length` bytes together) in `memory`, which has room for them. */
  private scanSlice(memory: ScanMemory, slice: Buffer, length: number, isFinal: boolean): void {
    memory.bytes.set(this.tail.subarray(0, this.tailLength), 0);
    memory.bytes.set(slice, this.tailLength);
    const rest = this.scan(memory, length, isFinal);
    this.handler.scanned?.(memory.bytes, rest);
    this.tailLength = length - rest;
    if (this.tail.length < this.tailLength) {
      this.tail = Buffer.allocUnsafe(Math.max(this.tailLength, this.tail.length * 2, 256));
    }
    this.tail.set(memory.bytes.subarray(rest, length), 0);
  }

  /** Scan `memory.bytes[0, length)`; returns where the unscanned rest (a cut record) begins. */
  private scan(memory: ScanMemory, length: number, isFinal: boolean): number {
    const buffer = memory.view(length);
    let position = 0;
    if (this.isStart) {
      if (length < 3 && !isFinal) return 0;
      this.isStart = false;
      if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) position = 3;
    }
    if (this.isSkipping) {
      const newline = buffer.indexOf(LF, position);
      if (newline === -1) return length;
      this.isSkipping = false;
      this.line++;
      position = newline + 1;
    }
    const rows = this.rows;
    if (rows !== undefined) return this.scanRows(rows, buffer, position, length, isFinal);
    const index = memory as SpecialByteIndex;
    this.index = index;
    this.positions = index.positions;
    this.specials = 0;
    this.next = 0;
    this.indexedTo = 0;
    this.length = length;
    const bytes = index.bytes;
    const record = this.current;
    record.buffer = buffer;
    while (position < length) {
      // Blank lines are not records.
      const first = bytes[position];
      if (first === LF) {
        this.line++;
        position++;
        continue;
      }
      if (first === CR && bytes[position + 1] === LF && position + 1 < length) {
        this.line++;
        position += 2;
        continue;
      }
      if (first === CR && position + 1 === length && !isFinal) break;
      // Most rows are plain: the fast path takes them; anything else is scanned again in full.
      const plainEnd = this.plainRecord(bytes, position);
      if (plainEnd !== INCOMPLETE) {
        record.line = this.line;
        this.handler.record(record);
        position = plainEnd;
        this.line++;
        continue;
      }
      const after = this.fullRecord(buffer, position, length, isFinal);
      if (after === INCOMPLETE) break;
      position = after;
    }
    return Math.min(position, length);
  }

  /**
   * `scan` in the scan thread: records split in bulk by `rows` and handed over as a run, the
   * rest (a quote, a CR first, a cut or malformed record) scanned byte by byte as `scan` does.
   */
  private scanRows(rows: ScanRows, buffer: Buffer, from: number, length: number, isFinal: boolean): number {
    const bytes = rows.bytes;
    const records = this.handler.records as NonNullable<CsvHandler["records"]>;
    this.current.buffer = buffer;
    let position = from;
    while (position < length) {
      const first = bytes[position];
      if (first === CR && bytes[position + 1] === LF && position + 1 < length) {
        this.line++;
        position += 2;
        continue;
      }
      if (first === CR && position + 1 === length && !isFinal) break;
      const stop = rows.split(position, length, this.maxFields, this.line);
      if (rows.written > 0) records(buffer, rows.records(), rows.written);
      this.line = rows.line;
      if (stop !== position) {
        position = stop;
        continue;
      }
      const after = this.fullRecord(buffer, position, length, isFinal);
      if (after === INCOMPLETE) break;
      position = after;
    }
    return Math.min(position, length);
  }

  /** A record scanned byte by byte with every rule: where the scan goes on, or INCOMPLETE (cut). */
  private fullRecord(buffer: Buffer, position: number, length: number, isFinal: boolean): number {
    this.reason = undefined;
    this.hasQuotes = false;
    const end = this.record(buffer, position, length, isFinal);
    if (end === INCOMPLETE) {
      if (length - position > MAX_RECORD_BYTES) {
        this.handler.malformed(this.line, `record longer than ${MAX_RECORD_BYTES} bytes (unclosed quote?)`);
        return this.skipLine(buffer, position, length);
      }
      return INCOMPLETE;
    }
    if (this.reason !== undefined) {
      this.handler.malformed(this.line, this.reason);
      for (let i = position; i < end; i++) if (buffer[i] === LF) this.line++;
      return this.skipLine(buffer, end, length);
    }
    this.current.line = this.line;
    this.line++;
    // Before the handler, which may point the record's fields elsewhere.
    if (this.hasQuotes) this.countQuotedLines(buffer, this.current);
    this.handler.record(this.current);
    return end;
  }

  /** Lines inside quoted fields move the line counter too. */
  private countQuotedLines(buffer: Buffer, record: CsvRecord): void {
    for (let field = 0; field < record.count; field++) {
      const start = startOf(record, field);
      const end = endOf(record, field);
      if (start > 0 && buffer[start - 1] === QUOTE) {
        for (let i = start; i < end; i++) if (buffer[i] === LF) this.line++;
      }
    }
  }

  /** After a malformed record: resume after the next newline, counting the lines skipped. */
  private skipLine(buffer: Buffer, from: number, length: number): number {
    for (let i = from; i < length; i++) {
      if (buffer[i] === LF) {
        this.line++;
        return i + 1;
      }
    }
    // The newline is in a chunk still to come: skipping goes on there.
    this.isSkipping = true;
    return length;
  }

  /**
   * The fast path: a record of unquoted fields ending in LF (or CRLF) inside the buffer, read from
   * the index alone (the bytes between special positions are not looked at). INCOMPLETE for
   * anything else (a quote, the buffer's end, too many fields), which `record()` then scans from
   * the same start with every rule.
   */
  private plainRecord(bytes: Uint8Array, from: number): number {
    const fields = this.current.fields;
    const base = this.current.at;
    const maxFields = this.maxFields;
    let positions = this.positions;
    let next = this.next;
    let specials = this.specials;
    // Positions before `from` were passed by a record scanned byte by byte (or a blank line).
    for (;;) {
      while (next < specials && (positions[next] as number) < from) next++;
      if (next < specials || this.indexedTo === this.length) break;
      specials = this.indexFrom(from);
      next = 0;
    }
    let count = 0;
    let start = from;
    for (;;) {
      if (next === specials) {
        if (this.indexedTo === this.length) break;
        specials = this.indexFrom(this.indexedTo);
        positions = this.positions;
        next = 0;
        if (specials === 0) break;
      }
      if (count === maxFields) break;
      const at = positions[next] as number;
      const byte = bytes[at] as number;
      if (byte === QUOTE) break;
      next++;
      const slot = base + count * FIELD_INTS;
      fields[slot] = start;
      fields[slot + 2] = 0;
      if (byte === LF) {
        fields[slot + 1] = at > start && bytes[at - 1] === CR ? at - 1 : at;
        this.current.count = count + 1;
        this.next = next;
        return at + 1;
      }
      fields[slot + 1] = at;
      count++;
      start = at + 1;
    }
    this.next = next;
    return INCOMPLETE;
  }

  /** Index the next window from `from`; the positions start again at 0. */
  private indexFrom(from: number): number {
    const start = Math.max(from, this.indexedTo);
    const end = Math.min(this.length, start + WINDOW_BYTES);
    const index = this.index as SpecialByteIndex;
    this.specials = index.index(start, end);
    this.positions = index.positions;
    this.indexedTo = end;
    this.next = 0;
    return this.specials;
  }

  private record(buffer: Buffer, from: number, length: number, isFinal: boolean): number {
    const maxFields = this.maxFields;
    let count = 0;
    let i = from;
    for (;;) {
      if (count === maxFields) return this.fail(i, `more than ${maxFields} fields`);
      if (buffer[i] === QUOTE) {
        // Quoted field: runs to a quote not followed by another quote.
        this.hasQuotes = true;
        let hasEscapes = 0;
        let j = i + 1;
        for (;;) {
          const quote = buffer.indexOf(QUOTE, j);
          if (quote === -1) {
            if (isFinal) return this.fail(length, "unclosed quote at end of input");
            return INCOMPLETE;
          }
          if (quote + 1 === length && !isFinal) return INCOMPLETE;
          if (buffer[quote + 1] === QUOTE) {
            hasEscapes = 1;
            j = quote + 2;
            continue;
          }
          this.setField(count, i + 1, quote, hasEscapes);
          count++;
          i = quote + 1;
          break;
        }
        if (i === length) {
          this.current.count = count;
          return i;
        }
        const next = buffer[i];
        if (next === COMMA) {
          i++;
          if (i === length && isFinal) return this.closeWithEmpty(count, i);
          if (i === length) return INCOMPLETE;
          continue;
        }
        if (next === LF) {
          this.current.count = count;
          return i + 1;
        }
        if (next === CR) {
          if (i + 1 === length) {
            if (!isFinal) return INCOMPLETE;
          } else if (buffer[i + 1] === LF) {
            this.current.count = count;
            return i + 2;
          }
        }
        return this.fail(i, `unexpected character after closing quote in field ${count}`);
      }
      // Unquoted field: runs to a comma or the end of the line.
      const start = i;
      let byte = 0;
      while (i < length) {
        byte = buffer[i] as number;
        if (SPECIAL[byte] === 1) break;
        i++;
      }
      if (i === length) {
        if (!isFinal) return INCOMPLETE;
        this.setField(count, start, length, 0);
        this.current.count = count + 1;
        return length;
      }
      if (byte === QUOTE) return this.fail(i, `quote inside unquoted field ${count + 1}`);
      this.setField(count, start, byte === LF && i > start && buffer[i - 1] === CR ? i - 1 : i, 0);
      count++;
      if (byte === LF) {
        this.current.count = count;
        return i + 1;
      }
      i++;
      if (i === length) {
        if (!isFinal) return INCOMPLETE;
        return this.closeWithEmpty(count, i);
      }
    }
  }

  private setField(field: number, start: number, end: number, escaped: number): void {
    const fields = this.current.fields;
    const slot = this.current.at + field * FIELD_INTS;
    fields[slot] = start;
    fields[slot + 1] = end;
    fields[slot + 2] = escaped;
  }

  private fail(end: number, reason: string): number {
    this.reason = reason;
    return end;
  }

  /** A record ending in a comma at the end of input has a last, empty field. */
  private closeWithEmpty(count: number, at: number): number {
    if (count === this.maxFields) return this.fail(at, `more than ${this.maxFields} fields`);
    this.setField(count, at, at, 0);
    this.current.count = count + 1;
    return at;
  }
}

/** The text of one field (doubled quotes undone). */
export function fieldText(record: CsvRecord, field: number): string {
  const text = record.buffer.toString("utf8", startOf(record, field), endOf(record, field));
  return isEscaped(record, field) ? text.replaceAll('""', '"') : text;
}

/** All fields of a record as strings (headers, rejects, tests). */
export function recordTexts(record: CsvRecord): string[] {
  const texts: string[] = [];
  for (let field = 0; field < record.count; field++) texts.push(fieldText(record, field));
  return texts;
}
