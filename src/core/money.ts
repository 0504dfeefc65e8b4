/**
 * Exact decimal arithmetic for money and rates. Every rate enters as a decimal string and every
 * step is exact; rounding happens once, at the end, and always down (a creator can never withdraw
 * more than they hold). big.js runs in strict mode, so a binary float can never become a Decimal.
 */
import BigConstructor from "big.js";
import { GiftCalcError } from "../errors.js";

const Big = BigConstructor();
Big.strict = true;
Big.DP = 40;
Big.RM = Big.roundDown;

export type Decimal = InstanceType<typeof Big>;

const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A decimal from its text, or from a safe integer (coins, counts). Throws BAD_NUMBER otherwise. */
export function decimal(value: string | number | bigint, what = "number"): Decimal {
  if (typeof value === "bigint") return new Big(value.toString());
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) {
      throw new GiftCalcError(
        "BAD_NUMBER",
        `${what} ${value} is not a whole number that can be held exactly`,
      );
    }
    return new Big(String(value));
  }
  const text = value.trim().replaceAll("_", "");
  const exponent = Number(/e([+-]?\d+)$/i.exec(text)?.[1] ?? 0);
  // big.js refuses a leading "+"; an absurd exponent would make a gigantic plain-text number.
  if (!DECIMAL_TEXT.test(text) || Math.abs(exponent) > MAX_EXPONENT) {
    throw new GiftCalcError("BAD_NUMBER", `${what} "${value}" is not a decimal number`, {
      hint: "write it like 0.005 or 12.5",
    });
  }
  return new Big(text.startsWith("+") ? text.slice(1) : text);
}

const MAX_EXPONENT = 100;

export const ZERO = decimal("0");
export const ONE = decimal("1");

/** Plain decimal text, never exponent notation, never "-0". */
export function toText(value: Decimal): string {
  const text = value.toFixed();
  return text === "-0" ? "0" : text;
}

/** Round down (towards zero) to `digits` decimal places; the one rounding the model allows. */
export function roundDown(value: Decimal, digits: number): Decimal {
  return value.round(digits, Big.roundDown);
}

/** Text of `value` rounded down to `digits` places, with exactly that many decimals. */
export function toMoneyText(value: Decimal, digits: number): string {
  const text = roundDown(value, digits).toFixed(digits);
  return text.startsWith("-") && /^-[0.]+$/.test(text) ? text.slice(1) : text;
}

export function max(a: Decimal, b: Decimal): Decimal {
  return a.gte(b) ? a : b;
}

export function min(a: Decimal, b: Decimal): Decimal {
  return a.lte(b) ? a : b;
}

/** The exact value as a fraction of two bigints: numerator / 10^scale. */
function toScaledBigint(value: Decimal): { units: bigint; scale: number } {
  const text = toText(value);
  const dot = text.indexOf(".");
  if (dot === -1) return { units: BigInt(text), scale: 0 };
  return { units: BigInt(text.slice(0, dot) + text.slice(dot + 1)), scale: text.length - dot - 1 };
}

/** The smallest integer n with n × divisor ≥ dividend (exact; divisor must be positive). */
export function ceilQuotient(dividend: Decimal, divisor: Decimal): bigint {
  if (divisor.lte(ZERO)) throw new RangeError("ceilQuotient: divisor must be positive");
  const a = toScaledBigint(dividend);
  const b = toScaledBigint(divisor);
  // a/b = (a.units × 10^b.scale) / (b.units × 10^a.scale)
  const numerator = a.units * 10n ** BigInt(b.scale);
  const denominator = b.units * 10n ** BigInt(a.scale);
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  return remainder > 0n ? quotient + 1n : quotient;
}

/** The largest integer n with n ≤ value. */
export function floorToInteger(value: Decimal): bigint {
  const { units, scale } = toScaledBigint(value);
  const divisor = 10n ** BigInt(scale);
  const quotient = units / divisor;
  return units < 0n && units % divisor !== 0n ? quotient - 1n : quotient;
}

/** Exact quotient when it terminates within big.js's 40 places; used for display, not decisions. */
export function divide(dividend: Decimal, divisor: Decimal): Decimal {
  return dividend.div(divisor);
}

/** A percentage flag ("10", "10%", "12.5") as a rate between 0 and 1. */
export function percentToRate(text: string, what: string): Decimal {
  const trimmed = text.trim();
  const body = (trimmed.endsWith("%") ? trimmed.slice(0, -1) : trimmed).trim();
  if (!DECIMAL_TEXT.test(body.replaceAll("_", ""))) {
    throw new GiftCalcError("BAD_NUMBER", `${what} "${body}" is not a percentage`, {
      hint: "give a percentage from 0 to 100, e.g. --agency 20 or --tax 12.5",
    });
  }
  const percent = decimal(body, what);
  if (percent.lt(ZERO) || percent.gt(decimal("100"))) {
    throw new GiftCalcError("OUT_OF_RANGE", `${what} must be between 0 and 100 percent, got ${text}`, {
      hint: "give a percentage from 0 to 100, e.g. --agency 20 or --tax 12.5",
    });
  }
  return percent.div(decimal("100"));
}
