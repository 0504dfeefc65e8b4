/**
 * The canonical log record every reader produces, whatever the tool that wrote the log, and the
 * reject a row becomes when it cannot be counted. Field names follow LOG-FORMATS.md.
 */

/** One gift event as read from a log; `null` where the log says nothing. */
export interface LogRecord {
  /** The log it came from (as the user named it), for rejects. */
  source: string | null;
  /** Physical line (1-based) where the row starts in its file. */
  line: number;
  giftId: number | null;
  giftName: string | null;
  /** Price of one gift in coins, as the log says it (a hint; the catalog wins). */
  unitCoins: number | null;
  /** Gifts in this event; cumulative within a streak. Null means 1. */
  count: number | null;
  /** The event's coins already multiplied (TikFinity's `coins`), a hint like `unitCoins`. */
  totalCoins: number | null;
  isStreakable: boolean | null;
  /** False for a frame of a streak in progress; null when the log has no such field (final). */
  isStreakEnd: boolean | null;
  senderId: string | null;
  senderName: string | null;
  /** Null or blank: the host. */
  receiverId: string | null;
  /** Epoch milliseconds. */
  timestamp: number | null;
  /** A number when the log's id is digits (no string is made for it). */
  groupId: string | number | null;
  messageId: string | null;
  /**
   * Optional fast keys, which readers fill when they have them for free; a record without them
   * means the same. `groupKey`: the group id when it is a whole number (0 ≤ id < 2^53), NO_ID when
   * there is none, TEXT_ID otherwise (read `groupId`). Kept in a field that only ever holds
   * numbers, it costs no boxed number per row, as a 13-digit `groupId` does: for a sink that
   * `readsIdKeys`, a reader may leave `groupId` null when `groupKey` holds the id.
   */
  groupKey?: number;
  /** `messageId` as a whole number when it is the decimal text of one, else NO_ID or TEXT_ID (as `groupKey`). */
  messageKey?: number;
  /**
   * A hint, not a key: a small number the reader gave this row's `senderId` (-1 for none), for
   * tables indexed by sender. Two readers' hints may clash: a consumer checks `senderId` as well.
   */
  senderKey?: number;
}

/** A fast key's value (`groupKey`, `messageKey`) when the record has no such id. */
export const NO_ID = -1;
/** A fast key's value when the id is not a whole number: it is in the field itself. */
export const TEXT_ID = -2;

export type RejectCode =
  | "MALFORMED_CSV"
  | "BAD_JSON"
  | "NOT_AN_OBJECT"
  | "COLUMN_COUNT"
  | "BAD_NUMBER"
  | "BAD_BOOLEAN"
  | "BAD_TIMESTAMP"
  | "NO_GIFT"
  | "UNPRICED"
  | "AMBIGUOUS_GIFT";

/** A row that was not counted, and why. */
export interface LogReject {
  /** The log it came from (as the user named it), when there are several. */
  readonly file?: string;
  readonly line: number;
  readonly code: RejectCode;
  readonly reason: string;
}

/** An empty record, to be filled in place by a reader (one object reused for every row). */
export function emptyRecord(): LogRecord {
  return {
    source: null,
    line: 0,
    giftId: null,
    giftName: null,
    unitCoins: null,
    count: null,
    totalCoins: null,
    isStreakable: null,
    isStreakEnd: null,
    senderId: null,
    senderName: null,
    receiverId: null,
    timestamp: null,
    groupId: null,
    messageId: null,
  };
}

/** Where a reader hands over what it read. */
export interface LogSink {
  /** A readable row; the object is reused after the call returns. */
  record(record: LogRecord): void;
  reject(reject: LogReject): void;
  /** True when a gift id alone prices the row, so a reader may skip decoding its name. */
  knowsGiftId?(giftId: number): boolean;
  /**
   * True when the sink takes a whole-number id from `groupKey` and `messageKey`, so a reader that
   * fills those may leave `groupId` and `messageId` null for such ids.
   */
  readonly readsIdKeys?: boolean;
  /** Streak frames a reader may count without handing them over (see HeldFrames); none when absent. */
  readonly heldFrames?: HeldFrames;
}

/**
 * Streak frames that only add to the rows held, so a reader may count them in bulk instead of
 * handing each over: a frame of a streak in progress (keyed by a whole-number group id), not an end
 * frame, of a gift in `gifts` that streaks (by the row's flag, or the catalog's when it has none),
 * priced as the catalog prices it if the row says, and followed in the log by the next frame of
 * its streak (the same group id, sender and gift, no fewer gifts, itself a frame that streaks), with
 * no other row of that group id between them; and either after such a frame itself (so it opens no
 * streak), or the first row of its group id, with no receiver read. The counter keeps a streak's
 * highest frame, its sender's name and time and when its last frame came, all of which the next
 * frame replaces: the one before leaves nothing but a held row (a first frame, its receiver too,
 * and the streak it opens, which the next frame then opens). The sink offers this only when
 * nothing else of such a row counts (no receiver to keep); a reader offers it only for a log
 * without message ids (a duplicate next frame would not replace it).
 */
export interface HeldFrames {
  /** The catalog's gifts (those with ids below 2^16 and prices below 2^29), as triples: id, coins each, 1 when it streaks (else 0). */
  readonly gifts: Int32Array;
  /** `count` more rows, all held frames. */
  add(count: number): void;
}
