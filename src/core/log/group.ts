/**
 * Grouping of counted gifts: by gift, sender, receiver, day, hour or minute (in a time zone), or
 * one row per counted event (the normalised log). Fed by the counter's `onCounted` callback.
 */
import { coinsToDiamonds, diamondsToUsd } from "../chain.js";
import type { EarningsModel } from "../model.js";
import { type Decimal, decimal, toText } from "../money.js";
import type { CountedEvent } from "./count.js";

export const GROUP_BYS = ["gift", "sender", "receiver", "day", "hour", "minute", "event"] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

/** One group: its key (an id or a time bucket), a label to show, and what it is worth. */
export interface LogGroupRow {
  readonly key: string;
  readonly label: string;
  readonly gifts: number;
  readonly coins: number;
  readonly diamonds: string;
  readonly walletUsd: string;
  /** Share of the counted coins, in percent, to one decimal (display only). */
  readonly share: string;
}

/** A row of the normalised log: one counted gift after streak collapse. */
export interface LogEventRow {
  readonly timestamp: string | null;
  readonly senderId: string | null;
  readonly sender: string | null;
  readonly giftId: number | null;
  readonly gift: string;
  readonly count: number;
  readonly coins: number;
  readonly streakable: boolean;
  readonly groupId: string | number | null;
  readonly receiverId: string | null;
}

export type LogGroups =
  | {
      readonly by: Exclude<GroupBy, "event">;
      /** The zone of day, hour and minute buckets. */
      readonly zone?: string;
      readonly rows: readonly LogGroupRow[];
      /** What `--top` left out. */
      readonly others?: { readonly groups: number; readonly gifts: number; readonly coins: number };
    }
  | {
      readonly by: "event";
      readonly events: readonly LogEventRow[];
      /** The events after the first `eventsKept` (GrouperOptions): counted, not kept. */
      readonly others?: { readonly events: number; readonly gifts: number; readonly coins: number };
    };

export interface Grouper {
  /** Counts one event; it copies what it keeps, so the counter may reuse the event object. */
  readonly add: (event: CountedEvent) => void;
  finish(model: EarningsModel, top?: number): LogGroups;
}

interface Bucket {
  /** The map key: a time bucket's number is needed to sort time groups. */
  readonly bucket: string | number;
  readonly key: string;
  label: string;
  gifts: number;
  coins: number;
  order: number;
}

const UNIT_MS = { day: 86_400_000, hour: 3_600_000, minute: 60_000 } as const;
const NO_TIME = "(no time)";

function bucketLabel(by: "day" | "hour" | "minute", bucket: number): string {
  const iso = new Date(bucket * UNIT_MS[by]).toISOString();
  if (by === "day") return iso.slice(0, 10);
  if (by === "hour") return `${iso.slice(0, 10)} ${iso.slice(11, 13)}:00`;
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

let isoSecond = Number.NaN;
let isoPrefix = "";

/**
 * Epoch milliseconds as `Date#toISOString` writes them. Events come in time order, so the text up
 * to the second is kept from the last call: most cost one template, not a Date and its formatting.
 */
export function isoTimestamp(epochMs: number): string {
  const second = Math.floor(epochMs / 1000);
  if (second !== isoSecond || !Number.isInteger(epochMs)) {
    const text = new Date(epochMs).toISOString();
    // Years past 9999 (or before 0) are written with a sign and six digits: not kept.
    if (text.length !== 24 || !Number.isInteger(epochMs)) return text;
    isoSecond = second;
    isoPrefix = text.slice(0, 20);
  }
  const milli = epochMs - second * 1000;
  return `${isoPrefix}${milli < 10 ? "00" : milli < 100 ? "0" : ""}${milli}Z`;
}

/** A counted event as a row of the normalised log. */
export function eventRowOf(event: CountedEvent): LogEventRow {
  return {
    timestamp: event.timestamp === null ? null : isoTimestamp(event.timestamp),
    senderId: event.senderId,
    sender: event.senderName,
    giftId: event.gift.giftId,
    gift: event.gift.name,
    count: event.count,
    coins: event.count * event.gift.coinsEach,
    streakable: event.isStreakable,
    groupId: event.groupId,
    receiverId: event.receiverId,
  };
}

/** A positive rate as whole units of a power of ten: "0.005" → 5 × 10^-3. */
interface ScaledRate {
  readonly units: bigint;
  readonly scale: number;
}

function scaledRate(rate: Decimal): ScaledRate | undefined {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(toText(rate));
  if (match === null) return undefined;
  const fraction = match[2] ?? "";
  return { units: BigInt(`${match[1]}${fraction}`), scale: fraction.length };
}

/** The text `toText` gives `units × 10^-scale` (units ≥ 0): plain digits, no trailing zeros. */
function scaledText(units: bigint, scale: number): string {
  const digits = units.toString().padStart(scale + 1, "0");
  const point = digits.length - scale;
  let end = digits.length;
  while (end > point && digits.charCodeAt(end - 1) === 48) end--;
  return end === point ? digits.slice(0, point) : `${digits.slice(0, point)}.${digits.slice(point, end)}`;
}

export interface GrouperOptions {
  /**
   * By event: keep the first this many events, and only count the rest (a table of a long log's
   * every event would take gigabytes to build). All by default.
   */
  readonly eventsKept?: number;
  readonly zone?: string;
  /** Offset of the zone at an instant, in milliseconds (UTC when absent). */
  readonly offsetOf?: (epochMs: number) => number;
}

/** A grouping of counted events; `add` is the counter's `onCounted`, `finish` values the groups. */
export function createGrouper(by: GroupBy, options: GrouperOptions = {}): Grouper {
  if (by === "event") {
    const events: CountedEvent[] = [];
    const kept = options.eventsKept ?? Number.POSITIVE_INFINITY;
    const others = { events: 0, gifts: 0, coins: 0 };
    return {
      add: (event) => {
        if (events.length >= kept) {
          others.events++;
          others.gifts += event.count;
          others.coins += event.count * event.gift.coinsEach;
          return;
        }
        events.push({
          gift: event.gift,
          count: event.count,
          isStreakable: event.isStreakable,
          senderId: event.senderId,
          senderName: event.senderName,
          receiverId: event.receiverId,
          timestamp: event.timestamp,
          groupId: event.groupId,
        });
      },
      finish: () => ({
        by,
        events: events.map(eventRowOf),
        ...(others.events > 0 ? { others: { ...others } } : {}),
      }),
    };
  }
  const buckets = new Map<string | number, Bucket>();
  const offsetOf = options.offsetOf ?? (() => 0);
  const keyOf = (event: CountedEvent): string | number => {
    switch (by) {
      case "gift":
        return event.gift.index;
      case "sender":
        return event.senderId ?? event.senderName ?? "(unknown)";
      case "receiver":
        return event.receiverId ?? "(host)";
      default: {
        if (event.timestamp === null) return NO_TIME;
        return Math.floor((event.timestamp + offsetOf(event.timestamp)) / UNIT_MS[by]);
      }
    }
  };
  const labelOf = (event: CountedEvent, key: string | number): string => {
    switch (by) {
      case "gift":
        return event.gift.name;
      case "sender":
        return event.senderName ?? String(key);
      case "receiver":
        return String(key);
      default:
        return typeof key === "number" ? bucketLabel(by, key) : key;
    }
  };
  let order = 0;
  const bucketOf = (event: CountedEvent): Bucket => {
    const key = keyOf(event);
    let bucket = buckets.get(key);
    if (bucket === undefined) {
      const shownKey = by === "gift" ? String(event.gift.giftId ?? event.gift.name) : labelOf(event, key);
      bucket = {
        bucket: key,
        key: by === "sender" || by === "receiver" ? String(key) : shownKey,
        label: labelOf(event, key),
        gifts: 0,
        coins: 0,
        order: order++,
      };
      buckets.set(key, bucket);
    }
    return bucket;
  };
  // Senders' buckets by the reader's sender hint (an array index, not a string-keyed lookup per
  // event); a hint is trusted only when its bucket is that very sender's, so a clash costs a lookup.
  const bySenderHint: (Bucket | undefined)[] = [];
  const senderBucketOf = (event: CountedEvent): Bucket => {
    const hint = event.senderKey ?? -1;
    const senderId = event.senderId;
    if (hint < 0 || senderId === null) return bucketOf(event);
    const known = bySenderHint[hint];
    if (known !== undefined && known.bucket === senderId) return known;
    const bucket = bucketOf(event);
    while (bySenderHint.length <= hint) bySenderHint.push(undefined);
    bySenderHint[hint] = bucket;
    return bucket;
  };
  return {
    add: (event) => {
      let bucket: Bucket;
      if (by === "sender") {
        bucket = senderBucketOf(event);
        if (event.senderName !== null) bucket.label = event.senderName;
      } else bucket = bucketOf(event);
      bucket.gifts += event.count;
      bucket.coins += event.count * event.gift.coinsEach;
    },
    finish: (model, top) => {
      const isTime = by === "day" || by === "hour" || by === "minute";
      // Buckets, not [key, bucket] pairs: with ~50k senders the pairs were a visible share of the
      // peak memory, which falls at the end of a run, when the output is built.
      const all = [...buckets.values()];
      const totalCoins = all.reduce((sum, bucket) => sum + bucket.coins, 0);
      all.sort((a, b) => b.coins - a.coins || a.order - b.order);
      const kept = top === undefined ? all : all.slice(0, top);
      const left = all.slice(kept.length);
      if (isTime) {
        kept.sort((a, b) =>
          typeof a.bucket === "number" && typeof b.bucket === "number"
            ? a.bucket - b.bucket
            : typeof a.bucket === "number"
              ? -1
              : 1,
        );
      }
      // Values depend on the coins alone, and many groups (small senders) share a coin total: each
      // total is valued once. Whole coins times the rates are whole numbers of the rates' last
      // decimal places, which BigInt multiplies exactly and far faster than a cold big.js.
      const perCoin = scaledRate(model.diamondsPerCoin);
      const perDiamond = scaledRate(model.usdPerDiamond);
      const perCoinUsd =
        perCoin === undefined || perDiamond === undefined
          ? undefined
          : { units: perCoin.units * perDiamond.units, scale: perCoin.scale + perDiamond.scale };
      const values = new Map<number, { diamonds: string; walletUsd: string; share: string }>();
      // Groups with the same coins are neighbours, but for time groups.
      let lastCoins: number | undefined;
      let lastValue = { diamonds: "", walletUsd: "", share: "" };
      const valueAt = (coins: number) => {
        if (coins === lastCoins) return lastValue;
        let value = values.get(coins);
        if (value === undefined) {
          const share = totalCoins === 0 ? "0" : ((coins * 100) / totalCoins).toFixed(1);
          if (
            perCoin !== undefined &&
            perCoinUsd !== undefined &&
            Number.isSafeInteger(coins) &&
            coins >= 0
          ) {
            const whole = BigInt(coins);
            value = {
              diamonds: scaledText(whole * perCoin.units, perCoin.scale),
              walletUsd: scaledText(whole * perCoinUsd.units, perCoinUsd.scale),
              share,
            };
          } else {
            const diamonds = coinsToDiamonds(decimal(coins, "coins"), model);
            value = { diamonds: toText(diamonds), walletUsd: toText(diamondsToUsd(diamonds, model)), share };
          }
          values.set(coins, value);
        }
        lastCoins = coins;
        lastValue = value;
        return value;
      };
      const rows = kept.map((bucket): LogGroupRow => {
        const { diamonds, walletUsd, share } = valueAt(bucket.coins);
        return {
          key: bucket.key,
          label: bucket.label,
          gifts: bucket.gifts,
          coins: bucket.coins,
          diamonds,
          walletUsd,
          share,
        };
      });
      const groups = {
        by,
        ...(isTime ? { zone: options.zone ?? "UTC" } : {}),
        rows,
        ...(left.length > 0
          ? {
              others: {
                groups: left.length,
                gifts: left.reduce((sum, bucket) => sum + bucket.gifts, 0),
                coins: left.reduce((sum, bucket) => sum + bucket.coins, 0),
              },
            }
          : {}),
      };
      return groups;
    },
  };
}
