/**
 * Which column of a CSV log holds which canonical field, found from its header through the
 * cross-walk: worked out once per log, the same way by the reader and by the scan thread (which
 * decodes rows with it), so the two always agree.
 */
import { normaliseFieldName, type RecordField, resolveSources } from "./fields.js";

/** Fields a consumer may not use, so their columns need not be decoded. */
export type UnusedField = "timestamp" | "senderName" | "receiverId";

/** What decides a log's columns besides its header (the reader's `map` and `unused`), as plain data for another thread. */
export interface ColumnChoice {
  readonly map: readonly (readonly [string, string])[];
  readonly unused: readonly UnusedField[];
}

/** Canonical fields in a fixed order, so a row can be read by straight-line code. */
export const F = {
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
export const FIELD_COUNT = 13;

/** How a flag column is read (a boolean is 0): `giftType` 1 is streakable; `inverted` means the opposite. */
export const GIFT_TYPE = 1;
export const INVERTED = 2;

export interface CsvColumns {
  /** Fields per row, as the header has them. */
  readonly count: number;
  /** Per canonical field (see F): its column, -1 when the log lacks it or it is not read. */
  readonly columns: Int32Array;
  /** Per canonical field: how a flag is read (GIFT_TYPE, INVERTED or 0). */
  readonly flagKinds: Uint8Array;
  /** Per canonical field: the header's name for it (for rejects). */
  readonly names: readonly string[];
}

/**
 * The columns of a log whose header is `names`; undefined when it has no gift column. A field in
 * `unused` is not read, except the sender name of a log without sender ids (it then keys streaks).
 */
export function csvColumns(
  names: readonly string[],
  map: ReadonlyMap<string, string>,
  unused: ReadonlySet<UnusedField> | undefined,
): CsvColumns | undefined {
  const normalised = names.map(normaliseFieldName);
  const sources = resolveSources(map, (name) => normalised.includes(name));
  if (!sources.some((source) => source.field === "giftId" || source.field === "giftName")) return undefined;
  const columns = new Int32Array(FIELD_COUNT).fill(-1);
  const flagKinds = new Uint8Array(FIELD_COUNT);
  const fieldNames: string[] = new Array(FIELD_COUNT).fill("");
  const hasSenderId = sources.some((source) => source.field === "senderId");
  for (const source of sources) {
    const field = source.field;
    if (
      (field === "timestamp" || field === "receiverId" || (field === "senderName" && hasSenderId)) &&
      unused?.has(field)
    ) {
      continue;
    }
    const column = normalised.indexOf(source.name);
    columns[F[field]] = column;
    flagKinds[F[field]] =
      source.coercion === "giftType" ? GIFT_TYPE : source.coercion === "inverted" ? INVERTED : 0;
    fieldNames[F[field]] = names[column] ?? source.name;
  }
  return { count: names.length, columns, flagKinds, names: fieldNames };
}
