/**
 * The counting rules of SPEC §3 over canonical records: every gift counted once, every row
 * accounted for. Pure: records come in through `record()` and `reject()`, totals go out of
 * `finish()`. The identity `rows = counted + streakFramesHeld + duplicates + rejected + filtered`
 * holds at every `finish()`.
 */
import { type Catalog, type Gift, type NameResolution, resolveName } from "../catalog.js";
import type { CountedGift } from "../estimate.js";
import { highOf, IdMap, idOf, isWholeId, lowOf, wholeIdOfText } from "./id-map.js";
import { type HeldFrames, type LogRecord, type LogReject, type LogSink, NO_ID, TEXT_ID } from "./record.js";

export type OpenStreakRule = "count" | "drop";

/** The audit block: where every row of the log went. */
export interface LogAudit {
  readonly rows: number;
  /** Rows counted: end frames, non-streakable and final rows, and the highest frame of a streak closed without an end frame. */
  readonly counted: number;
  /** Frames of streaks in progress, superseded by a later frame or an end frame (or dropped). */
  readonly streakFramesHeld: number;
  /** Streaks still open at the end of input, and their worth at their highest count. */
  readonly openStreaks: { readonly count: number; readonly coins: number; readonly rule: OpenStreakRule };
  /** Streaks closed because their count dropped (a new streak began without an end frame). */
  readonly streaksRestarted: number;
  readonly duplicates: number;
  /** Gifts missing from the catalog, priced from the log's own unit price. */
  readonly priceFromLog: { readonly gifts: number; readonly coins: number };
  /** Rows whose own price (unit or total) disagrees with the catalog's; the catalog's was used. */
  readonly priceMismatches: number;
  readonly rejected: { readonly count: number; readonly first: readonly LogReject[] };
  /** Rows to another receiver than `--receiver`. */
  readonly filtered: number;
}

/**
 * Counted gifts, largest (coins) first; ties by name in code-point order, then by id (gifts without
 * one last): the same order in every locale, and no ICU collator to load (it cost 7–10 ms a run).
 */
function largestFirst(a: CountedGift, b: CountedGift): number {
  const byCoins = b.count * b.coinsEach - a.count * a.coinsEach;
  if (byCoins !== 0) return byCoins;
  if (a.gift !== b.gift) return a.gift < b.gift ? -1 : 1;
  if (a.giftId === b.giftId) return 0;
  if (a.giftId === null) return 1;
  return b.giftId === null ? -1 : a.giftId - b.giftId;
}

/** A gift as counted: from the catalog, or priced from the log. */
export interface PricedGift {
  readonly index: number;
  readonly name: string;
  readonly giftId: number | null;
  readonly coinsEach: number;
  readonly isStreakable: boolean;
  readonly isPriceFromLog: boolean;
}

/** One counted gift event after streak collapse (a row of the normalised log). */
export interface CountedEvent {
  readonly gift: PricedGift;
  readonly count: number;
  /** As counted: the row's own flag when it has one, else the catalog's. */
  readonly isStreakable: boolean;
  readonly senderId: string | null;
  readonly senderName: string | null;
  /** The record's `senderKey` hint, when it had one (see LogRecord). */
  readonly senderKey?: number;
  readonly receiverId: string | null;
  readonly timestamp: number | null;
  readonly groupId: string | number | null;
}

export interface CounterOptions {
  readonly openStreaks?: OpenStreakRule;
  /** Keep only gifts to this receiver; "host" (or "") keeps rows with a blank receiver. */
  readonly receiver?: string;
  /** Called with every counted event, in order (grouping, the normalised log). */
  readonly onCounted?: (event: CountedEvent) => void;
  /**
   * Hand `onCounted` one event object, refilled for every event, instead of a fresh one each time
   * (no garbage per counted gift): `onCounted` then copies what it keeps.
   */
  readonly reuseEvent?: boolean;
  /** Called with every reject, in order (stderr, `--rejects`). */
  readonly onReject?: (reject: LogReject) => void;
  /** How many rejects the audit keeps (default 10). */
  readonly keepRejects?: number;
}

export interface LogCount {
  readonly gifts: readonly CountedGift[];
  readonly audit: LogAudit;
}

/**
 * A group id as the counter holds it: its kind (NO_ID, TEXT_ID or WHOLE) and, for a whole-number
 * id, its two 32-bit halves (see IdMap): small integers all, so no boxed 13-digit number is made
 * when one is passed to a function or kept in an object.
 */
const WHOLE = 0;

interface OpenStreak {
  gift: PricedGift;
  sender: string;
  highest: number;
  senderId: string | null;
  senderName: string | null;
  senderKey: number;
  receiverId: string | null;
  timestamp: number | null;
  groupKind: number;
  groupHigh: number;
  groupLow: number;
  /** The group id when it is text (TEXT_ID), else null. */
  groupText: string | number | null;
  /**
   * When its last frame came: streaks keyed by group still open at the end are closed in that
   * order. (Not when it opened: a reader may count a streak's first frame in bulk, HeldFrames.)
   */
  order: number;
}

/** Who sent a gift and when: what an event or an open streak takes from a row (or a streak). */
interface Sent {
  senderId: string | null;
  senderName: string | null;
  senderKey: number;
  receiverId: string | null;
  timestamp: number | null;
}

function takeSender(into: Sent, from: LogRecord | OpenStreak): void {
  into.senderId = from.senderId;
  into.senderName = from.senderName;
  into.senderKey = from.senderKey ?? -1;
  into.receiverId = from.receiverId;
  into.timestamp = from.timestamp;
}

/** A streak's or an event's group id, made a number or text only when asked for. */
function groupIdOf(
  kind: number,
  high: number,
  low: number,
  text: string | number | null,
): string | number | null {
  return kind === WHOLE ? idOf(high, low) : kind === TEXT_ID ? text : null;
}

/** The event `onCounted` gets with `reuseEvent`: one object, its group id held as in OpenStreak. */
class ReusedEvent implements CountedEvent {
  count = 0;
  isStreakable = false;
  senderId: string | null = null;
  senderName: string | null = null;
  senderKey = -1;
  receiverId: string | null = null;
  timestamp: number | null = null;
  groupKind = NO_ID;
  groupHigh = 0;
  groupLow = 0;
  groupText: string | number | null = null;

  constructor(public gift: PricedGift) {}

  get groupId(): string | number | null {
    return groupIdOf(this.groupKind, this.groupHigh, this.groupLow, this.groupText);
  }
}

export interface LogCounter extends LogSink {
  finish(): LogCount;
}

const HOST = new Set(["", "host"]);
/** The placeholder gift of an event not yet filled in. */
const NO_GIFT: PricedGift = {
  index: -1,
  name: "",
  giftId: null,
  coinsEach: 0,
  isStreakable: false,
  isPriceFromLog: false,
};

/** A record's group id as a number when the reader did not give `groupKey`: the id, NO_ID or TEXT_ID. */
function groupKeyOfId(id: string | number | null): number {
  if (id === null) return NO_ID;
  return typeof id === "number" && isWholeId(id) ? id : TEXT_ID;
}

/** A record's message id as a number when the reader did not give `messageKey` (as `groupKeyOfId`). */
function messageKeyOfId(id: string | null): number {
  if (id === null) return NO_ID;
  const whole = wholeIdOfText(id);
  return whole >= 0 ? whole : TEXT_ID;
}

function newStreak(gift: PricedGift): OpenStreak {
  return {
    gift,
    sender: "",
    highest: 0,
    senderId: null,
    senderName: null,
    senderKey: -1,
    receiverId: null,
    timestamp: null,
    groupKind: NO_ID,
    groupHigh: 0,
    groupLow: 0,
    groupText: null,
    order: 0,
  };
}
/** Gift ids below this are looked up by array index (see `catalogGiftsBySmallId`). */
const SMALL_ID = 1 << 16;
/** Gifts offered for held frames (HeldFrames.gifts) cost fewer coins than this (and have small ids). */
const MOST_HELD_COINS = 1 << 29;

/**
 * A counter for one estimate: feed it every row (`record`) and every unreadable row (`reject`) in
 * log order, then `finish()` for the counted gifts (priced, largest first) and the audit.
 */
export function createLogCounter(catalog: Catalog, options: CounterOptions = {}): LogCounter {
  const openStreakRule = options.openStreaks ?? "count";
  const keepRejects = options.keepRejects ?? 10;
  const receiver = options.receiver?.trim();
  const wantsHost = receiver !== undefined && HOST.has(receiver.toLowerCase());
  const onCounted = options.onCounted;
  const reusedEvent = options.reuseEvent === true ? new ReusedEvent(NO_GIFT) : undefined;
  const onReject = options.onReject;

  const priced: PricedGift[] = [];
  const countsByGift: number[] = [];
  const catalogGifts = new Map<number, PricedGift>();
  // Gift ids below SMALL_ID (all of today's) are also looked up by array index: two Map lookups
  // per row (does the catalog know it? which priced gift?) were a visible share of the hot loop.
  // Filled up front: an empty array written at index 5655 turns into a slow dictionary.
  const catalogGiftsBySmallId = new Array<PricedGift | undefined>(SMALL_ID).fill(undefined);
  const isSmallIdInCatalog = new Uint8Array(SMALL_ID);
  for (const id of catalog.byId.keys()) if (id >= 0 && id < SMALL_ID) isSmallIdInCatalog[id] = 1;
  const logGifts = new Map<string, PricedGift>();
  const names = new Map<string, NameResolution>();
  // Message ids that are whole numbers (most) are kept unboxed; the rest as text.
  const messageNumbers = new IdMap<true>();
  const messageIds = new Set<string>();
  // Open streaks: by whole-number group id (TikTok's, nearly every streak), by any other group id
  // or the composite key of a shared one, or by sender then gift when the log has no group id
  // (sender strings are interned by the readers, so no key string is built per row).
  const byGroupId = new IdMap<OpenStreak>();
  const byGroup = new Map<string | number, OpenStreak>();
  const bySender = new Map<string, Map<string | number, OpenStreak>>();
  /** Frames held so far (a streak's `order`). */
  let framesHeld = 0;
  // Closed streaks' objects, reused: streaks outlive young-generation GC, so fresh ones would pile
  // up in the old generation on long logs.
  const spare: OpenStreak[] = [];

  let rows = 0;
  let counted = 0;
  let held = 0;
  let duplicates = 0;
  let filtered = 0;
  let rejectedCount = 0;
  let mismatches = 0;
  let restarted = 0;
  let fromLogGifts = 0;
  let fromLogCoins = 0;
  const firstRejects: LogReject[] = [];

  const addPriced = (gift: Omit<PricedGift, "index">): PricedGift => {
    const entry = { ...gift, index: priced.length };
    priced.push(entry);
    countsByGift.push(0);
    return entry;
  };

  const fromCatalog = (gift: Gift): PricedGift => {
    let entry = catalogGifts.get(gift.id);
    if (entry === undefined) {
      entry = addPriced({
        name: gift.name,
        giftId: gift.id,
        coinsEach: gift.coins,
        isStreakable: gift.isStreakable,
        isPriceFromLog: false,
      });
      catalogGifts.set(gift.id, entry);
      if (gift.id >= 0 && gift.id < SMALL_ID) catalogGiftsBySmallId[gift.id] = entry;
    }
    return entry;
  };

  const reject = (entry: LogReject) => {
    rejectedCount++;
    if (firstRejects.length < keepRejects) firstRejects.push(entry);
    onReject?.(entry);
  };

  /** The row's own price of one gift: its unit price, or its total over its count when whole. */
  const unitPriceOf = (record: LogRecord): number | null => {
    if (record.unitCoins !== null && record.unitCoins > 0) return record.unitCoins;
    const count = record.count ?? 1;
    if (record.totalCoins !== null && count > 0 && record.totalCoins % count === 0 && record.totalCoins > 0) {
      return record.totalCoins / count;
    }
    return null;
  };

  const rejectOf = (record: LogRecord, code: LogReject["code"], reason: string): LogReject =>
    record.source === null
      ? { line: record.line, code, reason }
      : { file: record.source, line: record.line, code, reason };

  const describe = (record: LogRecord) =>
    record.giftName !== null
      ? `"${record.giftName}"${record.giftId === null ? "" : ` (id ${record.giftId})`}`
      : `id ${record.giftId}`;

  const priceOf = (record: LogRecord): PricedGift | LogReject => {
    if (record.giftId !== null) {
      const small = record.giftId < SMALL_ID ? catalogGiftsBySmallId[record.giftId] : undefined;
      if (small !== undefined) return small;
      const known = catalogGifts.get(record.giftId);
      if (known !== undefined) return known;
      const gift = catalog.byId.get(record.giftId);
      if (gift !== undefined) return fromCatalog(gift);
    }
    if (record.giftName !== null) {
      let resolution = names.get(record.giftName);
      if (resolution === undefined) {
        resolution = resolveName(catalog, record.giftName);
        names.set(record.giftName, resolution);
      }
      if (resolution.kind === "found") return fromCatalog(resolution.gift);
      if (resolution.kind === "ambiguous") {
        const unit = unitPriceOf(record);
        const matching = resolution.candidates.filter((gift) => gift.coins === unit);
        const [only] = matching;
        if (matching.length === 1 && only !== undefined) return fromCatalog(only);
        const list = resolution.candidates.map((gift) => `id ${gift.id} at ${gift.coins}`).join(", ");
        return rejectOf(
          record,
          "AMBIGUOUS_GIFT",
          `"${record.giftName}" names several gifts (${list}) and the row's price does not tell which`,
        );
      }
    }
    const unit = unitPriceOf(record);
    if (unit === null) {
      return rejectOf(
        record,
        "UNPRICED",
        `gift ${describe(record)} is not in the catalog and the row has no price`,
      );
    }
    const key = `${record.giftId ?? ""}\u0000${record.giftName ?? ""}\u0000${unit}`;
    let entry = logGifts.get(key);
    if (entry === undefined) {
      entry = addPriced({
        name: record.giftName ?? `gift ${record.giftId}`,
        giftId: record.giftId,
        coinsEach: unit,
        isStreakable: false,
        isPriceFromLog: true,
      });
      logGifts.set(key, entry);
    }
    return entry;
  };

  // The group id of the row `record` is at, as the counter holds it (see WHOLE).
  let rowGroupKind = NO_ID;
  let rowGroupHigh = 0;
  let rowGroupLow = 0;

  const tally = (gift: PricedGift, giftCount: number) => {
    countsByGift[gift.index] = (countsByGift[gift.index] ?? 0) + giftCount;
    if (gift.isPriceFromLog) {
      fromLogGifts += giftCount;
      fromLogCoins += giftCount * gift.coinsEach;
    }
  };

  /** Hand `onCounted` an event: `giftCount` of `gift`, sent as `from` (a row or a streak) says. */
  const emit = (
    gift: PricedGift,
    giftCount: number,
    isStreakable: boolean,
    from: LogRecord | OpenStreak,
    groupKind: number,
    groupHigh: number,
    groupLow: number,
    groupText: string | number | null,
  ) => {
    if (onCounted === undefined) return;
    if (reusedEvent === undefined) {
      onCounted({
        gift,
        count: giftCount,
        isStreakable,
        senderId: from.senderId,
        senderName: from.senderName,
        receiverId: from.receiverId,
        timestamp: from.timestamp,
        groupId: groupIdOf(groupKind, groupHigh, groupLow, groupText),
      });
      return;
    }
    reusedEvent.gift = gift;
    reusedEvent.count = giftCount;
    reusedEvent.isStreakable = isStreakable;
    takeSender(reusedEvent, from);
    reusedEvent.groupKind = groupKind;
    reusedEvent.groupHigh = groupHigh;
    reusedEvent.groupLow = groupLow;
    reusedEvent.groupText = groupText;
    onCounted(reusedEvent);
  };

  /** Count `giftCount` of `gift`, sent as `row` (the row `record` is at) says. */
  const countRow = (gift: PricedGift, giftCount: number, row: LogRecord, isStreakable: boolean) => {
    tally(gift, giftCount);
    const groupText = rowGroupKind === TEXT_ID ? row.groupId : null;
    emit(gift, giftCount, isStreakable, row, rowGroupKind, rowGroupHigh, rowGroupLow, groupText);
  };

  /** A streak that ends without its end frame: its highest frame moves from held to counted. */
  const closeAtHighest = (streak: OpenStreak) => {
    held--;
    counted++;
    tally(streak.gift, streak.highest);
    const { groupKind, groupHigh, groupLow, groupText } = streak;
    emit(streak.gift, streak.highest, true, streak, groupKind, groupHigh, groupLow, groupText);
  };

  /** Is this row's message id one seen before? (Remembers it if not.) */
  const isDuplicate = (row: LogRecord): boolean => {
    let messageKey = row.messageKey;
    if (messageKey === undefined || messageKey === TEXT_ID) messageKey = messageKeyOfId(row.messageId);
    if (messageKey >= 0) {
      const high = highOf(messageKey);
      const low = lowOf(messageKey);
      if (messageNumbers.has(high, low)) return true;
      messageNumbers.set(high, low, true);
    } else if (messageKey === TEXT_ID) {
      const messageId = row.messageId ?? "";
      if (messageIds.has(messageId)) return true;
      messageIds.add(messageId);
    }
    return false;
  };

  /** Does the row's own price (unit or total) disagree with the catalog's? */
  const isMismatch = (row: LogRecord, gift: PricedGift): boolean =>
    !gift.isPriceFromLog &&
    ((row.unitCoins !== null && row.unitCoins !== gift.coinsEach) ||
      (row.totalCoins !== null && row.totalCoins !== gift.coinsEach * (row.count ?? 1)));

  /** Where `record` keeps the row's group id (rowGroupKind, rowGroupHigh, rowGroupLow). */
  const readGroupId = (row: LogRecord) => {
    let groupKey = row.groupKey;
    if (groupKey === undefined || groupKey === TEXT_ID) groupKey = groupKeyOfId(row.groupId);
    if (groupKey >= 0) {
      rowGroupKind = WHOLE;
      rowGroupHigh = highOf(groupKey);
      rowGroupLow = lowOf(groupKey);
    } else {
      rowGroupKind = groupKey;
      rowGroupHigh = 0;
      rowGroupLow = 0;
    }
  };

  const record = (row: LogRecord) => {
    rows++;
    // The common row (a canonical log's) takes only the first test of each rule.
    if (row.messageKey !== NO_ID && isDuplicate(row)) {
      duplicates++;
      return;
    }
    if (receiver !== undefined) {
      const to = row.receiverId ?? "";
      if (wantsHost ? to !== "" : to !== receiver) {
        filtered++;
        return;
      }
    }
    // Most rows name a catalog gift already seen: found by array index, no call, no `in` test.
    const giftId = row.giftId;
    let gift = giftId !== null && giftId < SMALL_ID ? catalogGiftsBySmallId[giftId] : undefined;
    if (gift === undefined) {
      const priced = priceOf(row);
      if (!("index" in priced)) {
        reject(priced);
        return;
      }
      gift = priced;
    }
    if ((row.unitCoins !== null || row.totalCoins !== null) && isMismatch(row, gift)) mismatches++;
    const giftCount = row.count ?? 1;
    readGroupId(row);
    if (!(row.isStreakable ?? gift.isStreakable)) {
      counted++;
      countRow(gift, giftCount, row, false);
      return;
    }
    const sender = row.senderId ?? row.senderName ?? "";
    if (rowGroupKind !== WHOLE) {
      streakRow(row, gift, giftCount, sender);
      return;
    }
    // A TikTok log's row: its streak found by the whole-number group id alone.
    const open = byGroupId.get(rowGroupHigh, rowGroupLow);
    if (open === undefined) {
      if (row.isStreakEnd === false) openStreak(row, gift, giftCount, sender, undefined, null);
      else {
        counted++;
        countRow(gift, giftCount, row, true);
      }
      return;
    }
    if (open.gift !== gift || open.sender !== sender || giftCount < open.highest) {
      streakRow(row, gift, giftCount, sender);
      return;
    }
    if (row.isStreakEnd !== false) {
      byGroupId.delete(rowGroupHigh, rowGroupLow);
      spare.push(open);
      counted++;
      countRow(gift, giftCount, row, true);
      return;
    }
    held++;
    open.highest = giftCount;
    open.senderName = row.senderName;
    open.timestamp = row.timestamp;
    open.order = framesHeld++;
  };

  /** A streakable row, every case: the rules of the fast path in `record` and the rare ones. */
  const streakRow = (row: LogRecord, gift: PricedGift, giftCount: number, sender: string) => {
    // Keyed by group id when the log has one (one lookup, no key built), else by sender and gift.
    // A whole-number group id is looked up in `byGroupId` (when `table` is undefined and `key` null).
    let table: Map<string | number, OpenStreak> | undefined;
    let key: string | number | null = null;
    let open: OpenStreak | undefined;
    if (rowGroupKind === WHOLE) open = byGroupId.get(rowGroupHigh, rowGroupLow);
    else if (rowGroupKind === TEXT_ID) {
      table = byGroup;
      key = row.groupId ?? "";
      open = byGroup.get(key);
    } else {
      table = bySender.get(sender);
      key = gift.index;
      open = table?.get(key);
    }
    if (open !== undefined && (open.gift !== gift || open.sender !== sender)) {
      // One group id for two senders or gifts: rare, so the composite key is built only then.
      table = byGroup;
      const groupId = groupIdOf(rowGroupKind, rowGroupHigh, rowGroupLow, row.groupId);
      key = `${sender}\u0000${gift.index}\u0000${groupId}`;
      open = table.get(key);
    }
    if (open !== undefined && giftCount < open.highest) {
      restarted++;
      closeAtHighest(open);
      forget(table, key);
      spare.push(open);
      open = undefined;
    }
    if (row.isStreakEnd !== false) {
      if (open !== undefined) {
        forget(table, key);
        spare.push(open);
      }
      counted++;
      countRow(gift, giftCount, row, true);
      return;
    }
    if (open === undefined) openStreak(row, gift, giftCount, sender, table, key);
    else {
      held++;
      open.order = framesHeld++;
      if (giftCount >= open.highest) {
        open.highest = giftCount;
        open.senderName = row.senderName;
        open.timestamp = row.timestamp;
      }
    }
  };

  /** Hold the row's frame as a new open streak, in `table` at `key` (in `byGroupId` when `key` is null). */
  const openStreak = (
    row: LogRecord,
    gift: PricedGift,
    giftCount: number,
    sender: string,
    table: Map<string | number, OpenStreak> | undefined,
    key: string | number | null,
  ) => {
    held++;
    const streak = spare.pop() ?? newStreak(gift);
    streak.gift = gift;
    streak.sender = sender;
    streak.highest = giftCount;
    takeSender(streak, row);
    streak.groupKind = rowGroupKind;
    streak.groupHigh = rowGroupHigh;
    streak.groupLow = rowGroupLow;
    streak.groupText = rowGroupKind === TEXT_ID ? row.groupId : null;
    streak.order = framesHeld++;
    if (key === null) byGroupId.set(rowGroupHigh, rowGroupLow, streak);
    else {
      let into = table;
      if (into === undefined) {
        into = new Map();
        bySender.set(sender, into);
      }
      into.set(key, streak);
    }
  };

  /** Remove the row's open streak from where `streakRow` found it. */
  const forget = (table: Map<string | number, OpenStreak> | undefined, key: string | number | null) => {
    if (key === null) byGroupId.delete(rowGroupHigh, rowGroupLow);
    else table?.delete(key);
  };

  const rejectRow = (entry: LogReject) => {
    rows++;
    reject(entry);
  };

  const finish = (): LogCount => {
    let openCount = 0;
    let openCoins = 0;
    // Streaks keyed by group in the order of their last frames, then by sender.
    const grouped = [...byGroup.values()];
    for (const [, streak] of byGroupId.entries()) grouped.push(streak);
    grouped.sort((a, b) => a.order - b.order);
    for (const streaks of [grouped, ...[...bySender.values()].map((table) => table.values())]) {
      for (const streak of streaks) {
        openCount++;
        openCoins += streak.highest * streak.gift.coinsEach;
        if (openStreakRule === "count") closeAtHighest(streak);
      }
    }
    byGroupId.clear();
    byGroup.clear();
    bySender.clear();
    const gifts: CountedGift[] = priced
      .filter((gift) => (countsByGift[gift.index] ?? 0) > 0)
      .map((gift) => ({
        gift: gift.name,
        giftId: gift.giftId,
        count: countsByGift[gift.index] ?? 0,
        coinsEach: gift.coinsEach,
      }))
      .sort(largestFirst);
    return {
      gifts,
      audit: {
        rows,
        counted,
        streakFramesHeld: held,
        openStreaks: { count: openCount, coins: openCoins, rule: openStreakRule },
        streaksRestarted: restarted,
        duplicates,
        priceFromLog: { gifts: fromLogGifts, coins: fromLogCoins },
        priceMismatches: mismatches,
        rejected: { count: rejectedCount, first: [...firstRejects] },
        filtered,
      },
    };
  };

  const knowsGiftId = (giftId: number) =>
    giftId < SMALL_ID ? isSmallIdInCatalog[giftId] === 1 : catalog.byId.has(giftId);
  // A held frame is only a held row, but when a receiver is to be kept (it may be filtered out).
  const heldFrames: HeldFrames | undefined =
    receiver === undefined
      ? {
          gifts: Int32Array.from(
            [...catalog.byId.values()]
              .filter((gift) => gift.id >= 0 && gift.id < SMALL_ID && gift.coins < MOST_HELD_COINS)
              .flatMap((gift) => [gift.id, gift.coins, gift.isStreakable ? 1 : 0]),
          ),
          add: (count) => {
            rows += count;
            held += count;
          },
        }
      : undefined;
  return {
    record,
    reject: rejectRow,
    knowsGiftId,
    readsIdKeys: true,
    finish,
    ...(heldFrames === undefined ? {} : { heldFrames }),
  };
}
