/**
 * Currency codes and their minor units (ISO 4217 exponent): JPY has none, USD two, KWD three.
 * Every currency not listed as an exception has two.
 */
import { GiftCalcError } from "../errors.js";
import { type Decimal, decimal, toMoneyText } from "./money.js";

const MINOR_UNIT_EXCEPTIONS: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

/** Decimal places of the currency's minor unit (ISO 4217). */
export function minorUnitDigits(code: string): number {
  return MINOR_UNIT_EXCEPTIONS[code] ?? 2;
}

/** An upper-case three-letter code, or a BAD_OPTION error. */
export function currencyCode(text: string): string {
  const code = text.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) {
    throw new GiftCalcError("BAD_OPTION", `"${text}" is not a currency code`, {
      hint: "use a three-letter ISO 4217 code such as USD, EUR or JPY",
    });
  }
  return code;
}

/** Parse `CODE=RATE` (units of CODE per US dollar), as given to `--rate`. */
export function parseRateOverride(text: string): { code: string; rate: string } {
  const match = /^\s*([A-Za-z]{3})\s*=\s*(\S+)\s*$/.exec(text);
  if (!match?.[1] || !match[2]) {
    throw new GiftCalcError("BAD_OPTION", `--rate "${text}" is not CODE=RATE`, {
      hint: "for example --rate EUR=0.92 (euros per US dollar)",
    });
  }
  const rate = decimal(match[2], `rate for ${match[1].toUpperCase()}`);
  if (rate.lte(decimal("0"))) {
    throw new GiftCalcError("OUT_OF_RANGE", `the rate for ${match[1].toUpperCase()} must be positive`, {
      hint: "for example --rate EUR=0.92 (euros per US dollar)",
    });
  }
  return { code: currencyCode(match[1]), rate: match[2] };
}

/** Money in a currency, rounded down to its minor unit. */
export function formatCurrencyAmount(amount: Decimal, code: string): string {
  return toMoneyText(amount, minorUnitDigits(code));
}
