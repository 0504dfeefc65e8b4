/** Reading the amounts the planning commands take: checked here, once, with a hint each. */
import { type Decimal, decimal, ZERO } from "../../core/money.js";
import { GiftCalcError } from "../../errors.js";

/** A decimal amount ≥ 0 (or > 0 when `isZeroAllowed` is false); "1_000" reads as 1000. */
export function amountOf(text: string, what: string, isZeroAllowed = true): Decimal {
  let value: Decimal;
  try {
    value = decimal(text, what);
  } catch {
    throw new GiftCalcError("BAD_NUMBER", `${what} "${text}" is not a number`, {
      hint: "write plain decimals without currency signs or thousands commas, e.g. 3450 or 499.99",
    });
  }
  if (value.lt(ZERO) || (!isZeroAllowed && value.eq(ZERO))) {
    throw new GiftCalcError(
      "OUT_OF_RANGE",
      `${what} must be ${isZeroAllowed ? "0 or more" : "more than 0"}, got ${text}`,
      { hint: "amounts are plain positive decimals, e.g. 3450 or 499.99" },
    );
  }
  return value;
}

/** A count of coins beyond 2^53 − 1: no real log or purchase comes near it, and it cannot be held exactly. */
export function tooLarge(what: string, text: string): GiftCalcError {
  return new GiftCalcError("OUT_OF_RANGE", `${what} ${text.trim()} is too large to count exactly`, {
    hint: `use at most ${Number.MAX_SAFE_INTEGER} coins`,
  });
}

/** A whole number ≥ 1 that fits exactly in a JavaScript number. */
export function wholeCountOf(text: string, what: string): number {
  const digits = text.trim().replaceAll("_", "");
  const value = Number(digits);
  if (/^\d+$/.test(digits) && !Number.isSafeInteger(value)) throw tooLarge(what, text);
  if (!/^\d+$/.test(digits) || value < 1) {
    throw new GiftCalcError("BAD_NUMBER", `${what} "${text}" is not a whole number of 1 or more`, {
      hint: "coins are whole numbers, e.g. 30000",
    });
  }
  return value;
}
