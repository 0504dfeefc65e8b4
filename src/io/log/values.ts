/**
 * Value quirks of real logs: numbers as strings, booleans as true/false/1/0/True/False, epoch
 * milliseconds or seconds or ISO 8601 timestamps (zone-less ones read in the chosen zone).
 */
import type { RejectCode } from "../../core/log/record.js";
import type { Coercion } from "./fields.js";

/** Why a value could not be read; readers turn it into a reject. */
export class ValueProblem {
  constructor(
    readonly code: RejectCode,
    readonly reason: string,
  ) {}
}

/** Epoch values below this are seconds (this is 5138 in seconds, 1973 in milliseconds). */
const SECONDS_BELOW = 1e11;

export function epochToMs(value: number): number {
  return value < SECONDS_BELOW ? value * 1000 : value;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Epoch milliseconds of an ISO 8601 text, or NaN. Zone-less text is wall time in `offsetOf`'s zone. */
export function parseIsoTimestamp(text: string, offsetOf: (epochMs: number) => number): number {
  const match = ISO.exec(text);
  if (match === null) return Number.NaN;
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const wall = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour ?? 0),
    Number(minute ?? 0),
    Number(second ?? 0),
    fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000),
  );
  if (Number.isNaN(wall) || Number(month) > 12 || Number(day) > 31) return Number.NaN;
  if (zone === undefined) {
    const guess = wall - offsetOf(wall);
    return wall - offsetOf(guess);
  }
  if (zone === "Z" || zone === "z") return wall;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || "0");
  return wall - sign * minutes * 60_000;
}

const TRUE = new Set(["true", "1", "yes", "y", "t"]);
const FALSE = new Set(["false", "0", "no", "n", "f"]);

function wholeNumber(value: unknown): number | null | ValueProblem {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") {
    if (Number.isSafeInteger(value) && value >= 0) return value;
    return new ValueProblem("BAD_NUMBER", `${value} is not a whole number`);
  }
  if (typeof value === "string") {
    const text = value.trim();
    if (text === "") return null;
    if (/^\d+$/.test(text) && Number.isSafeInteger(Number(text))) return Number(text);
    return new ValueProblem("BAD_NUMBER", `"${value}" is not a whole number`);
  }
  return new ValueProblem("BAD_NUMBER", `${JSON.stringify(value)} is not a whole number`);
}

function truth(value: unknown): boolean | null | ValueProblem {
  if (value === null || value === undefined) return null;
  if (typeof value === "boolean") return value;
  if (typeof value === "number" && (value === 0 || value === 1)) return value === 1;
  if (typeof value === "string") {
    const text = value.trim().toLowerCase();
    if (text === "") return null;
    if (TRUE.has(text)) return true;
    if (FALSE.has(text)) return false;
  }
  return new ValueProblem("BAD_BOOLEAN", `${JSON.stringify(value)} is not true or false`);
}

/** Read one value as its canonical field wants it. */
export function coerce(
  value: unknown,
  coercion: Coercion,
  offsetOf: (epochMs: number) => number,
): string | number | boolean | null | ValueProblem {
  switch (coercion) {
    case "text": {
      if (value === null || value === undefined) return null;
      const text = typeof value === "string" ? value : typeof value === "object" ? null : String(value);
      return text === null || text.trim() === "" ? null : text;
    }
    case "integer":
      return wholeNumber(value);
    case "boolean":
      return truth(value);
    case "inverted": {
      const flag = truth(value);
      return typeof flag === "boolean" ? !flag : flag;
    }
    case "giftType": {
      const type = wholeNumber(value);
      return typeof type === "number" ? type === 1 : type;
    }
    case "timestamp": {
      if (value === null || value === undefined || value === "") return null;
      if (typeof value === "number" && Number.isFinite(value) && value >= 0)
        return epochToMs(Math.floor(value));
      if (typeof value === "string") {
        const text = value.trim();
        if (text === "") return null;
        if (/^\d+(\.\d+)?$/.test(text)) return epochToMs(Math.floor(Number(text)));
        const ms = parseIsoTimestamp(text, offsetOf);
        if (!Number.isNaN(ms)) return ms;
      }
      return new ValueProblem("BAD_TIMESTAMP", `${JSON.stringify(value)} is not epoch time or ISO 8601`);
    }
  }
}
