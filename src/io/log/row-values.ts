/**
 * The numbers of a CSV log's row, read straight from its bytes: gift id, prices, count, the two
 * streak flags, the group and message ids and the timestamp. The reader does this for the rows it
 * scans itself; the scan thread does it for the rows of a large file, and hands the main thread the
 * numbers with the row (see scan-batch.ts), so both read every row exactly alike.
 */

import { NO_ID, TEXT_ID } from "../../core/log/record.js";
import { type CsvColumns, F, GIFT_TYPE, INVERTED } from "./csv-columns.js";
import { type CsvRecord, endOf, PLAIN_STRIDE, startOf } from "./csv-scanner.js";
import { epochToMs } from "./values.js";

/**
 * Where each number is in a row's values (a Float64Array holds every whole number up to 2^53, and a
 * timestamp, exactly). -1 where the row says nothing (a blank field or a column the log lacks); a
 * flag is 1 or 0; an id is its whole number, NO_ID or TEXT_ID (as LogRecord's `groupKey`); the
 * timestamp is epoch milliseconds, NaN when there is none. `sender` is not read here: the scan
 * thread numbers the row's sender (see ScanRows.sender; the reader's own scan leaves it alone).
 */
export const V = {
  giftId: 0,
  unitCoins: 1,
  count: 2,
  totalCoins: 3,
  isStreakable: 4,
  isStreakEnd: 5,
  groupKey: 6,
  messageKey: 7,
  timestamp: 8,
  sender: 9,
} as const;
export const VALUE_COUNT = 10;

/** The group key of a row whose group id was not read (above every id: see ScanRows.forget). */
export const UNKNOWN_GROUP = Number.POSITIVE_INFINITY;

/** `decodeValues` read every field. */
export const DECODED = -1;

const DIGIT_0 = 48;
const DIGIT_9 = 57;

/** A whole number from bytes: -1 when blank, -2 when not a whole number. */
export function wholeFromBytes(buffer: Uint8Array, start: number, end: number): number {
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
function spells(buffer: Uint8Array, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let i = 0; i < word.length; i++) {
    if (((buffer[start + i] as number) | 0x20) !== word.charCodeAt(i)) return false;
  }
  return true;
}

/** A boolean from bytes: 1, 0, -1 blank, -2 not a boolean. */
export function truthFromBytes(buffer: Uint8Array, start: number, end: number): number {
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

const isDigit = (byte: number | undefined) => byte !== undefined && byte >= DIGIT_0 && byte <= DIGIT_9;
const digitsAt = (buffer: Uint8Array, at: number, count: number) => {
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
export function isoUtcFromBytes(buffer: Uint8Array, start: number, end: number): number {
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

/**
 * An id field (group, message) into `out[slot]`: its whole number when it is up to 15 digits (below
 * 2^53, so exact), NO_ID when blank, TEXT_ID when text. Written here, not returned: a 13-digit
 * number returned from a call that is not inlined would be boxed.
 */
function idInto(buffer: Uint8Array, start: number, end: number, out: Float64Array, slot: number): void {
  if (start === end) {
    out[slot] = NO_ID;
    return;
  }
  if (end - start > 15) {
    out[slot] = TEXT_ID;
    return;
  }
  // In two parts of at most nine digits, each in 32-bit integer arithmetic (a chain of float
  // multiplications is slower); `high * 1e9 + low` is exact below 2^53.
  const split = end - start > 9 ? end - 9 : start;
  let high = 0;
  let i = start;
  for (; i < split; i++) {
    const digit = (buffer[i] as number) - DIGIT_0;
    if (digit >>> 0 > 9) {
      out[slot] = TEXT_ID;
      return;
    }
    high = high * 10 + digit;
  }
  let low = 0;
  for (; i < end; i++) {
    const digit = (buffer[i] as number) - DIGIT_0;
    if (digit >>> 0 > 9) {
      out[slot] = TEXT_ID;
      return;
    }
    low = low * 10 + digit;
  }
  out[slot] = high * 1e9 + low;
}

/** A flag from bytes read as `kind` says: 1, 0, -1 when blank, -2 when unreadable. */
function flagFromBytes(buffer: Uint8Array, start: number, end: number, kind: number): number {
  if (kind === GIFT_TYPE) {
    const type = wholeFromBytes(buffer, start, end);
    return type < 0 ? type : type === 1 ? 1 : 0;
  }
  const value = truthFromBytes(buffer, start, end);
  return value < 0 ? value : kind === INVERTED ? 1 - value : value;
}

/**
 * Read the row's numbers into `out[at, at + VALUE_COUNT)` (see V). DECODED when every one was
 * read; else the field (see F) of the first that was not, in the order the reader rejects them:
 * gift id, unit price, count, total, the two flags, then the timestamp (read last, as only its
 * common forms are read here: epoch numbers and `…Z` ISO text; others need the zone, which only
 * the reader has). The ids are always read.
 */
export function decodeValues(record: CsvRecord, columns: CsvColumns, out: Float64Array, at: number): number {
  const column = columns.columns;
  const { buffer, fields, stride } = record;
  const base = record.at;
  // A field's start is `fields[base + c * stride] + shift`, its end the number after (see CsvRecord).
  const shift = stride === PLAIN_STRIDE ? 1 : 0;
  // Straight-line, each field's bounds read from `fields` here: the hot loop of the scan thread. A
  // loop over the six fields (the same code once) measured ~10% slower for the whole thread.
  let c = column[F.giftId] as number;
  let value =
    c < 0
      ? -1
      : wholeFromBytes(
          buffer,
          (fields[base + c * stride] as number) + shift,
          fields[base + c * stride + 1] as number,
        );
  if (value === -2) return F.giftId;
  out[at + V.giftId] = value;
  c = column[F.unitCoins] as number;
  value =
    c < 0
      ? -1
      : wholeFromBytes(
          buffer,
          (fields[base + c * stride] as number) + shift,
          fields[base + c * stride + 1] as number,
        );
  if (value === -2) return F.unitCoins;
  out[at + V.unitCoins] = value;
  c = column[F.count] as number;
  value =
    c < 0
      ? -1
      : wholeFromBytes(
          buffer,
          (fields[base + c * stride] as number) + shift,
          fields[base + c * stride + 1] as number,
        );
  if (value === -2) return F.count;
  out[at + V.count] = value;
  c = column[F.totalCoins] as number;
  value =
    c < 0
      ? -1
      : wholeFromBytes(
          buffer,
          (fields[base + c * stride] as number) + shift,
          fields[base + c * stride + 1] as number,
        );
  if (value === -2) return F.totalCoins;
  out[at + V.totalCoins] = value;
  const kinds = columns.flagKinds;
  c = column[F.isStreakable] as number;
  value =
    c < 0
      ? -1
      : flagFromBytes(
          buffer,
          (fields[base + c * stride] as number) + shift,
          fields[base + c * stride + 1] as number,
          kinds[F.isStreakable] as number,
        );
  if (value === -2) return F.isStreakable;
  out[at + V.isStreakable] = value;
  c = column[F.isStreakEnd] as number;
  value =
    c < 0
      ? -1
      : flagFromBytes(
          buffer,
          (fields[base + c * stride] as number) + shift,
          fields[base + c * stride + 1] as number,
          kinds[F.isStreakEnd] as number,
        );
  if (value === -2) return F.isStreakEnd;
  out[at + V.isStreakEnd] = value;
  c = column[F.groupId] as number;
  if (c < 0) out[at + V.groupKey] = NO_ID;
  else
    idInto(
      buffer,
      (fields[base + c * stride] as number) + shift,
      fields[base + c * stride + 1] as number,
      out,
      at + V.groupKey,
    );
  c = column[F.messageId] as number;
  if (c < 0) out[at + V.messageKey] = NO_ID;
  else
    idInto(
      buffer,
      (fields[base + c * stride] as number) + shift,
      fields[base + c * stride + 1] as number,
      out,
      at + V.messageKey,
    );
  return timestampInto(record, columns, out, at);
}

/**
 * Read the row's timestamp into `out[at + V.timestamp]` (NaN for none): DECODED, or F.timestamp
 * when it is in a form only the reader reads (see `decodeValues`).
 */
export function timestampInto(record: CsvRecord, columns: CsvColumns, out: Float64Array, at: number): number {
  out[at + V.timestamp] = Number.NaN;
  const c = columns.columns[F.timestamp] as number;
  if (c < 0) return DECODED;
  const start = startOf(record, c);
  const end = endOf(record, c);
  const { buffer } = record;
  const whole = wholeFromBytes(buffer, start, end);
  if (whole === -1) return DECODED;
  if (whole >= 0) {
    out[at + V.timestamp] = epochToMs(whole);
    return DECODED;
  }
  const iso = isoUtcFromBytes(buffer, start, end);
  if (iso < 0) return F.timestamp;
  out[at + V.timestamp] = iso;
  return DECODED;
}
