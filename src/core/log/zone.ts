/**
 * Time-zone offsets for day/hour/minute buckets and zone-less timestamps. Intl is slow per call,
 * so offsets are cached per quarter hour (zone transitions fall on quarter hours).
 */
import { GiftCalcError } from "../../errors.js";

const QUARTER_HOUR = 15 * 60 * 1000;

/** Offset of `zone` from UTC in milliseconds at an instant; throws BAD_OPTION for an unknown zone. */
export function zoneOffsets(zone: string): (epochMs: number) => number {
  if (/^(utc|z|gmt|etc\/utc)$/i.test(zone)) return () => 0;
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
  } catch {
    throw new GiftCalcError("BAD_OPTION", `unknown time zone "${zone}"`, {
      hint: "use an IANA zone name, e.g. --tz Europe/Berlin or --tz America/New_York",
    });
  }
  const cache = new Map<number, number>();
  return (epochMs) => {
    const slot = Math.floor(epochMs / QUARTER_HOUR);
    let offset = cache.get(slot);
    if (offset === undefined) {
      const at = slot * QUARTER_HOUR;
      const parts: Record<string, number> = {};
      for (const part of format.formatToParts(at)) parts[part.type] = Number(part.value);
      const wall = Date.UTC(
        parts.year ?? 1970,
        (parts.month ?? 1) - 1,
        parts.day ?? 1,
        parts.hour ?? 0,
        parts.minute ?? 0,
        parts.second ?? 0,
      );
      offset = wall - at;
      if (cache.size > 100_000) cache.clear();
      cache.set(slot, offset);
    }
    return offset;
  };
}
