/**
 * The counting rules of SPEC §3 over canonical records: every gift counted once, every row
 * accounted for. Pure: records come in through `record()` and `reject()`, totals go out of
 * `finish()`. The identity `rows = counted + streakFramesHeld + duplicates + rejected + filtered`
 * holds at every `finish()`.
 */
import { type Catalog, type Gift, type NameResolution, resolveName } from "../catalog.js";
import type { CountedGift } from "../estimate.js";
import type { LogRecord, LogReject, LogSink } from "./record.js";

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
  /** Called with every reject, in order (stderr, `--rejects`). */
  readonly onReject?: (reject: LogReject) => void;
  /** How many rejects the audit keeps (default 10). */
  readonly keepRejects?: number;
}

export interface LogCount {
  readonly gifts: readonly CountedGift[];
  readonly audit: LogAudit;
}

interface OpenStreak {
  gift: PricedGift;
  sender: string;
  highest: number;
  senderId: string | null;
  senderName: string | null;
  receiverId: string | null;
  timestamp: number | null;
  groupId: string | number | null;
}

export interface LogCounter extends LogSink {
  finish(): LogCount;
}

const HOST = new Set(["", "host"]);
/** Gift ids below this are looked up by array index (see `catalogGiftsBySmallId`). */
const SMALL_ID = 1 << 16;

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
  const onReject = options.onReject;

  const priced: PricedGift[] = [];
  const countsByGift: number[] = [];
  const catalogGifts = new Map<number, PricedGift>();
  // Gift ids below SMALL_ID (all of today's) are also looked up by array index: two Map lookups
  // per row (does the catalog know it? which priced gift?) were a visible share of the hot loop.
  const catalogGiftsBySmallId: (PricedGift | undefined)[] = [];
  const isSmallIdInCatalog = new Uint8Array(SMALL_ID);
  for (const id of catalog.byId.keys()) if (id >= 0 && id < SMALL_ID) isSmallIdInCatalog[id] = 1;
  const logGifts = new Map<string, PricedGift>();
  const names = new Map<string, NameResolution>();
  const messageIds = new Set<string>();
  // Open streaks: by group id, or by sender then gift when the log has no group id (sender strings
  // are interned by the readers, so no key string is built per row).
  const byGroup = new Map<string | number, OpenStreak>();
  const bySender = new Map<string, Map<string | number, OpenStreak>>();
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

  const count = (
    gift: PricedGift,
    giftCount: number,
    from: Pick<OpenStreak, "senderId" | "senderName" | "receiverId" | "timestamp" | "groupId">,
    isStreakable: boolean,
  ) => {
    countsByGift[gift.index] = (countsByGift[gift.index] ?? 0) + giftCount;
    if (gift.isPriceFromLog) {
      fromLogGifts += giftCount;
      fromLogCoins += giftCount * gift.coinsEach;
    }
    onCounted?.({
      gift,
      count: giftCount,
      isStreakable,
      senderId: from.senderId,
      senderName: from.senderName,
      receiverId: from.receiverId,
      timestamp: from.timestamp,
      groupId: from.groupId,
    });
  };

  /** A streak that ends without its end frame: its highest frame moves from held to counted. */
  const closeAtHighest = (streak: OpenStreak) => {
    held--;
    counted++;
    count(streak.gift, streak.highest, streak, true);
  };

  const record = (row: LogRecord) => {
    rows++;
    if (row.messageId !== null) {
      if (messageIds.has(row.messageId)) {
        duplicates++;
        return;
      }
      messageIds.add(row.messageId);
    }
    if (receiver !== undefined) {
      const to = row.receiverId ?? "";
      if (wantsHost ? to !== "" : to !== receiver) {
        filtered++;
        return;
      }
    }
    // Most rows name a catalog gift already seen: found by array index, no call, no `in` test.
    let gift = row.giftId !== null && row.giftId < SMALL_ID ? catalogGiftsBySmallId[row.giftId] : undefined;
    if (gift === undefined) {
      const priced = priceOf(row);
      if (!("index" in priced)) {
        reject(priced);
        return;
      }
      gift = priced;
    }
    if (!gift.isPriceFromLog) {
      const rowCount = row.count ?? 1;
      if (
        (row.unitCoins !== null && row.unitCoins !== gift.coinsEach) ||
        (row.totalCoins !== null && row.totalCoins !== gift.coinsEach * rowCount)
      ) {
        mismatches++;
      }
    }
    const giftCount = row.count ?? 1;
    const isStreakable = row.isStreakable ?? gift.isStreakable;
    if (!isStreakable) {
      counted++;
      count(gift, giftCount, row, false);
      return;
    }
    const sender = row.senderId ?? row.senderName ?? "";
    // Keyed by group id when the log has one (one lookup, no key built), else by sender and gift.
    let table: Map<string | number, OpenStreak> | undefined = byGroup;
    let key: string | number | null = row.groupId;
    if (key === null) {
      table = bySender.get(sender);
      key = gift.index;
    }
    let open = table?.get(key);
    if (open !== undefined && (open.gift !== gift || open.sender !== sender)) {
      // One group id for two senders or gifts: rare, so the composite key is built only then.
      key = `${sender}\u0000${gift.index}\u0000${row.groupId}`;
      open = table?.get(key);
    }
    if (open !== undefined && giftCount < open.highest) {
      restarted++;
      closeAtHighest(open);
      table?.delete(key);
      spare.push(open);
      open = undefined;
    }
    if (row.isStreakEnd !== false) {
      if (open !== undefined) {
        table?.delete(key);
        spare.push(open);
      }
      counted++;
      count(gift, giftCount, row, true);
      return;
    }
    held++;
    if (open === undefined) {
      if (table === undefined) {
        table = new Map();
        bySender.set(sender, table);
      }
      const streak = spare.pop();
      if (streak === undefined) {
        table.set(key, {
          gift,
          sender,
          highest: giftCount,
          senderId: row.senderId,
          senderName: row.senderName,
          receiverId: row.receiverId,
          timestamp: row.timestamp,
          groupId: row.groupId,
        });
      } else {
        streak.gift = gift;
        streak.sender = sender;
        streak.highest = giftCount;
        streak.senderId = row.senderId;
        streak.senderName = row.senderName;
        streak.receiverId = row.receiverId;
        streak.timestamp = row.timestamp;
        streak.groupId = row.groupId;
        table.set(key, streak);
      }
    } else if (giftCount >= open.highest) {
      open.highest = giftCount;
      open.senderName = row.senderName;
      open.timestamp = row.timestamp;
    }
  };
  const rejectRow = (entry: LogReject) => {
    rows++;
    reject(entry);
  };

  const finish = (): LogCount => {
    let openCount = 0;
    let openCoins = 0;
    for (const table of [byGroup, ...bySender.values()]) {
      for (const streak of table.values()) {
        openCount++;
        openCoins += streak.highest * streak.gift.coinsEach;
        if (openStreakRule === "count") closeAtHighest(streak);
      }
    }
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
      .sort((a, b) => b.count * b.coinsEach - a.count * a.coinsEach || a.gift.localeCompare(b.gift));
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
  return { record, reject: rejectRow, knowsGiftId, finish };
}
