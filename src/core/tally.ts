/**
 * Tallies: how many of which gift, as a creator types them — `rose=100`, `Lion=2`,
 * `"tiktok universe=1"`, `5655=3` (gift id), `lion*2`, `2xlion`, or a bare `lion` for one.
 */
import { GiftCalcError } from "../errors.js";

export interface Tally {
  /** A gift id (digits) or a name or alias, as written. */
  readonly gift: string;
  readonly count: number;
  /** Where it was written (`tallies.csv:3`), for errors about the gift; absent on the command line. */
  readonly origin?: string;
}

const FORMS = "write GIFT=COUNT, GIFT*COUNT or COUNTxGIFT, e.g. rose=100, lion*2, 2xlion or 5655=3";

function parseCount(text: string, tally: string): number {
  const digits = text.trim().replaceAll("_", "");
  if (!/^\d+$/.test(digits)) {
    throw new GiftCalcError("BAD_TALLY", `"${tally}": count "${text.trim()}" is not a whole number`, {
      hint: FORMS,
    });
  }
  const count = Number(digits);
  if (!Number.isSafeInteger(count)) {
    throw new GiftCalcError("BAD_TALLY", `"${tally}": count ${digits} is too large`, { hint: FORMS });
  }
  return count;
}

function giftPart(text: string, tally: string): string {
  const gift = text.trim();
  if (gift === "") throw new GiftCalcError("BAD_TALLY", `"${tally}" names no gift`, { hint: FORMS });
  return gift;
}

/** Parse one tally. Throws BAD_TALLY (never anything else) when it is not one. */
export function parseTally(text: string): Tally {
  const tally = text.trim();
  if (tally === "") throw new GiftCalcError("BAD_TALLY", "empty tally", { hint: FORMS });
  const equals = tally.lastIndexOf("=");
  if (equals !== -1) {
    return {
      gift: giftPart(tally.slice(0, equals), tally),
      count: parseCount(tally.slice(equals + 1), tally),
    };
  }
  const times = /^(.*\S)\s*\*\s*([\d_]+)$/u.exec(tally);
  if (times?.[1] && times[2]) return { gift: giftPart(times[1], tally), count: parseCount(times[2], tally) };
  const prefixed = /^([\d_]+)\s*[x×*]\s*(\S.*)$/iu.exec(tally);
  if (prefixed?.[1] && prefixed[2]) {
    return { gift: giftPart(prefixed[2], tally), count: parseCount(prefixed[1], tally) };
  }
  if (tally.includes("*")) {
    throw new GiftCalcError("BAD_TALLY", `"${tally}" is not a tally`, { hint: FORMS });
  }
  return { gift: tally, count: 1 };
}

/** Canonical text of a tally; `parseTally(formatTally(t))` gives `t` back. */
export function formatTally(tally: Tally): string {
  return `${tally.gift}=${tally.count}`;
}
