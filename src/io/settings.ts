/**
 * The effective settings: built-in defaults, overlaid by a config file, then by environment
 * variables and flags. Each choice remembers where it came from, for `config show`.
 */

import { currencyCode } from "../core/currency.js";
import { percentToRate, toText } from "../core/money.js";
import type { Settings } from "../core/settings.js";
import type { ConfigFile, DefaultsFile } from "./schema/index.js";

export type Origin = "default" | "file" | "env" | "flag";

/** Keys a user can set from a file, an environment variable or a flag. */
export type ChoiceKey =
  | "preset"
  | "diamondsPerCoin"
  | "usdPerDiamond"
  | "rewardsRate"
  | "agencyRate"
  | "taxRate"
  | "payoutMethod"
  | "currency";

export interface Override {
  readonly value: string;
  readonly origin: "env" | "flag";
}

export interface SettingOrigin {
  readonly value: string;
  readonly origin: Origin;
  /** The config file, when the origin is "file"; the variable, when "env". */
  readonly from?: string;
}

export interface ResolvedSettings {
  readonly settings: Settings;
  /** Every tracked setting by dotted name, with its value and where it came from. */
  readonly origins: Readonly<Record<string, SettingOrigin>>;
}

export interface SettingsSources {
  readonly defaults: DefaultsFile;
  readonly file?: { readonly path: string; readonly config: ConfigFile };
  readonly overrides?: Partial<Record<ChoiceKey, Override & { readonly from?: string }>>;
  /** `--rate CODE=RATE`, flags only. */
  readonly rateOverrides?: Readonly<Record<string, string>>;
}

/** "10%" → "0.1"; "0.1" stays. */
function fraction(text: string, what: string): string {
  return text.endsWith("%") ? toText(percentToRate(text, what)) : text;
}

export function resolveSettings(sources: SettingsSources): ResolvedSettings {
  const { defaults, file } = sources;
  const config = file?.config ?? {};
  const origins: Record<string, SettingOrigin> = {};
  const fileOrigin = (value: string): SettingOrigin => ({ value, origin: "file", from: file?.path ?? "" });

  const choice = (key: ChoiceKey, fallback: string | undefined): string | undefined => {
    const override = sources.overrides?.[key];
    const fromFile = config[key];
    let result: SettingOrigin | undefined;
    if (override !== undefined) {
      result = {
        value: override.value,
        origin: override.origin,
        ...(override.from ? { from: override.from } : {}),
      };
    } else if (fromFile !== undefined) {
      result = fileOrigin(fromFile);
    } else if (fallback !== undefined) {
      result = { value: fallback, origin: "default" };
    }
    if (result === undefined) return undefined;
    const value = key === "agencyRate" || key === "taxRate" ? fraction(result.value, key) : result.value;
    origins[key] = { ...result, value };
    return value;
  };

  const preset = choice("preset", defaults.choices.preset) ?? defaults.choices.preset;
  const diamondsPerCoin = choice("diamondsPerCoin", undefined);
  const usdPerDiamond = choice("usdPerDiamond", undefined);
  const rewardsRate = choice("rewardsRate", undefined);
  const agencyRate = choice("agencyRate", defaults.choices.agencyRate) ?? "0";
  const taxRate = choice("taxRate", defaults.choices.taxRate) ?? "0";
  const payoutMethod = choice("payoutMethod", defaults.choices.payoutMethod) ?? "bank";
  const currency = currencyCode(choice("currency", defaults.choices.currency) ?? "USD");

  const withdrawal = {
    minimumUsd: config.withdrawal?.minimumUsd ?? defaults.withdrawal.minimumUsd,
    maximumUsdPerDay: config.withdrawal?.maximumUsdPerDay ?? defaults.withdrawal.maximumUsdPerDay,
    processingDays: config.withdrawal?.processingDays ?? defaults.withdrawal.processingDays,
  };
  for (const key of ["minimumUsd", "maximumUsdPerDay", "processingDays"] as const) {
    const value = String(withdrawal[key]);
    origins[`withdrawal.${key}`] =
      config.withdrawal?.[key] !== undefined ? fileOrigin(value) : { value, origin: "default" };
  }

  const rateOverrides: Record<string, string> = { ...config.rates, ...sources.rateOverrides };
  for (const [code, value] of Object.entries(rateOverrides)) {
    origins[`rates.${code}`] =
      sources.rateOverrides?.[code] !== undefined ? { value, origin: "flag" } : fileOrigin(value);
  }

  return {
    origins,
    settings: {
      presets: { ...defaults.presets, ...config.presets },
      withdrawal,
      payoutMethods: { ...defaults.payoutMethods, ...config.payoutMethods },
      stores: Object.fromEntries(
        Object.entries({ ...defaults.stores, ...config.stores }).map(([name, store]) => [
          name,
          { name, ...store },
        ]),
      ),
      currencies: defaults.currencies,
      choices: {
        preset,
        ...(diamondsPerCoin === undefined ? {} : { diamondsPerCoin }),
        ...(usdPerDiamond === undefined ? {} : { usdPerDiamond }),
        ...(rewardsRate === undefined ? {} : { rewardsRate }),
        agencyRate,
        taxRate,
        payoutMethod,
        currency,
        rateOverrides,
      },
    },
  };
}
