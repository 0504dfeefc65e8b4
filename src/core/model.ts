/**
 * The earnings model: every parameter of the chain (SPEC §1) resolved from the settings into exact
 * decimals, checked for range, and named so it can be printed as an assumption.
 */
import { GiftCalcError } from "../errors.js";
import { minorUnitDigits } from "./currency.js";
import { type Decimal, decimal, ONE, toText, ZERO } from "./money.js";
import { closestNames } from "./names.js";
import type { Settings } from "./settings.js";

export interface EarningsModel {
  readonly preset: string;
  readonly diamondsPerCoin: Decimal;
  readonly usdPerDiamond: Decimal;
  /** Only for presets that scale a face value (us-scaled). */
  readonly rewardsRate?: Decimal;
  readonly faceValueUsd?: Decimal;
  readonly withdrawal: {
    readonly minimumUsd: Decimal;
    readonly maximumUsdPerDay: Decimal;
    readonly processingDays: number;
  };
  readonly agencyRate: Decimal;
  readonly payoutMethod: { readonly name: string; readonly percent: Decimal; readonly fixedUsd: Decimal };
  readonly taxRate: Decimal;
  readonly currency: {
    readonly code: string;
    readonly perUsd: Decimal;
    readonly digits: number;
    /** "base" for USD itself, "table" for the dated table, "override" for `--rate`. */
    readonly rateSource: "base" | "table" | "override";
    readonly asOf: string;
    /** The dated table's rate when an override replaced it. */
    readonly tableRate?: Decimal;
  };
}

function unknownName(kind: string, name: string, known: readonly string[], flag: string): GiftCalcError {
  const close = closestNames(name, known);
  const hint = close.length > 0 ? `did you mean ${close.join(", ")}?` : `known ${kind}s: ${known.join(", ")}`;
  return new GiftCalcError("BAD_OPTION", `unknown ${kind} "${name}" (${flag})`, { hint });
}

/** A model value can come from a flag, the environment or a file; say where to look. */
const SETTING_HINT =
  "fix the flag, GIFT_CALC_* variable or gift-calc.yaml key that sets it (`gift-calc config show` says which)";

function rateBetween(value: Decimal, low: Decimal, high: Decimal, what: string): Decimal {
  if (value.lt(low) || value.gt(high)) {
    throw new GiftCalcError(
      "OUT_OF_RANGE",
      `${what} must be between ${toText(low)} and ${toText(high)}, got ${toText(value)}`,
      { hint: SETTING_HINT },
    );
  }
  return value;
}

function positive(value: Decimal, what: string): Decimal {
  if (value.lte(ZERO))
    throw new GiftCalcError("OUT_OF_RANGE", `${what} must be positive, got ${toText(value)}`, {
      hint: SETTING_HINT,
    });
  return value;
}

/**
 * Where a choice came from, for error messages ("--preset", "GIFT_CALC_PRESET", a config file);
 * the flag by default.
 */
export type ChoiceSource = (key: "preset" | "payoutMethod" | "rewardsRate", flag: string) => string;

const byFlag: ChoiceSource = (_key, flag) => flag;

export function resolveModel(settings: Settings, sourceOf: ChoiceSource = byFlag): EarningsModel {
  const { choices } = settings;
  const preset = settings.presets[choices.preset];
  if (preset === undefined) {
    throw unknownName(
      "preset",
      choices.preset,
      Object.keys(settings.presets),
      sourceOf("preset", "--preset"),
    );
  }
  const diamondsPerCoin = positive(
    decimal(choices.diamondsPerCoin ?? preset.diamondsPerCoin, "diamondsPerCoin"),
    "diamondsPerCoin",
  );

  let usdPerDiamond: Decimal;
  let rewardsRate: Decimal | undefined;
  let faceValueUsd: Decimal | undefined;
  if (choices.usdPerDiamond !== undefined) {
    usdPerDiamond = positive(decimal(choices.usdPerDiamond, "usdPerDiamond"), "usdPerDiamond");
  } else if (preset.usdPerDiamond !== undefined) {
    usdPerDiamond = positive(decimal(preset.usdPerDiamond, "usdPerDiamond"), "usdPerDiamond");
  } else if (preset.faceValueUsd !== undefined && preset.rewardsRate !== undefined) {
    faceValueUsd = positive(decimal(preset.faceValueUsd, "faceValueUsd"), "faceValueUsd");
    rewardsRate = rateBetween(
      decimal(choices.rewardsRate ?? preset.rewardsRate.default, "rewardsRate"),
      decimal(preset.rewardsRate.min),
      decimal(preset.rewardsRate.max),
      `rewardsRate of preset ${choices.preset}`,
    );
    usdPerDiamond = faceValueUsd.times(rewardsRate);
  } else {
    throw new GiftCalcError(
      "BAD_CONFIG",
      `preset "${choices.preset}" sets neither usdPerDiamond nor faceValueUsd`,
    );
  }
  if (choices.rewardsRate !== undefined && rewardsRate === undefined) {
    const source = sourceOf("rewardsRate", "--rewards-rate");
    throw new GiftCalcError("BAD_OPTION", `${source} applies only to a preset with a face value`, {
      hint: "use --preset us-scaled --rewards-rate 0.4",
    });
  }

  const method = settings.payoutMethods[choices.payoutMethod];
  if (method === undefined) {
    throw unknownName(
      "payout method",
      choices.payoutMethod,
      Object.keys(settings.payoutMethods),
      sourceOf("payoutMethod", "--method"),
    );
  }
  const hundred = decimal("100");

  const code = choices.currency.toUpperCase();
  let perUsd = ONE;
  let rateSource: "base" | "table" | "override" = "base";
  const override = choices.rateOverrides[code];
  const listed = settings.currencies.perUsd[code];
  const tableRate =
    override !== undefined && listed !== undefined ? decimal(listed, `rate for ${code}`) : undefined;
  if (override !== undefined) {
    perUsd = positive(decimal(override, `rate for ${code}`), `rate for ${code}`);
    rateSource = "override";
  } else if (code !== "USD") {
    const tableRate = settings.currencies.perUsd[code];
    if (tableRate === undefined) {
      throw new GiftCalcError("BAD_OPTION", `no exchange rate for ${code} in the rates table`, {
        hint: `give one with --rate ${code}=RATE (units of ${code} per US dollar)`,
      });
    }
    perUsd = positive(decimal(tableRate, `rate for ${code}`), `rate for ${code}`);
    rateSource = "table";
  }

  return {
    preset: choices.preset,
    diamondsPerCoin,
    usdPerDiamond,
    ...(rewardsRate === undefined ? {} : { rewardsRate }),
    ...(faceValueUsd === undefined ? {} : { faceValueUsd }),
    withdrawal: {
      minimumUsd: decimal(settings.withdrawal.minimumUsd, "withdrawal.minimumUsd"),
      maximumUsdPerDay: positive(
        decimal(settings.withdrawal.maximumUsdPerDay, "withdrawal.maximumUsdPerDay"),
        "withdrawal.maximumUsdPerDay",
      ),
      processingDays: settings.withdrawal.processingDays,
    },
    agencyRate: rateBetween(decimal(choices.agencyRate, "agencyRate"), ZERO, ONE, "agencyRate"),
    payoutMethod: {
      name: choices.payoutMethod,
      percent: rateBetween(decimal(method.percent, "payout percent"), ZERO, hundred, "payout fee percent"),
      fixedUsd: decimal(method.fixedUsd, "payout fixed fee"),
    },
    taxRate: rateBetween(decimal(choices.taxRate, "taxRate"), ZERO, ONE, "taxRate"),
    currency: {
      code,
      perUsd,
      digits: minorUnitDigits(code),
      rateSource,
      asOf: settings.currencies.asOf,
      ...(tableRate === undefined ? {} : { tableRate }),
    },
  };
}

/** The assumptions block: every parameter by name, as exact decimal text. */
export function describeAssumptions(model: EarningsModel): Record<string, string | number> {
  return {
    preset: model.preset,
    diamondsPerCoin: toText(model.diamondsPerCoin),
    usdPerDiamond: toText(model.usdPerDiamond),
    ...(model.faceValueUsd === undefined ? {} : { faceValueUsd: toText(model.faceValueUsd) }),
    ...(model.rewardsRate === undefined ? {} : { rewardsRate: toText(model.rewardsRate) }),
    withdrawalMinimumUsd: toText(model.withdrawal.minimumUsd),
    withdrawalMaximumUsdPerDay: toText(model.withdrawal.maximumUsdPerDay),
    withdrawalProcessingDays: model.withdrawal.processingDays,
    agencyRate: toText(model.agencyRate),
    payoutMethod: model.payoutMethod.name,
    payoutFeePercent: toText(model.payoutMethod.percent),
    payoutFeeFixedUsd: toText(model.payoutMethod.fixedUsd),
    taxRate: toText(model.taxRate),
    currency: model.currency.code,
    currencyPerUsd: toText(model.currency.perUsd),
    currencyRateSource: rateSourceText(model.currency),
    rounding: `down to ${model.currency.digits} decimal place${model.currency.digits === 1 ? "" : "s"}, once, at the end`,
  };
}

function rateSourceText(currency: EarningsModel["currency"]): string {
  switch (currency.rateSource) {
    case "table":
      return `table of ${currency.asOf}`;
    case "override":
      return currency.tableRate === undefined
        ? "override (not in the table)"
        : `override (the table of ${currency.asOf} has ${toText(currency.tableRate)})`;
    default:
      return "base";
  }
}
