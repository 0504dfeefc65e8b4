/**
 * The effective configuration the model runs on: the built-in defaults (data/defaults.yaml),
 * overlaid by a config file, environment variables and flags. Rates are decimal strings.
 */
import type { CoinStore } from "./coin-shop.js";

/** Steps 2–3 of the chain bundled under a name. */
export interface Preset {
  readonly description: string;
  readonly diamondsPerCoin: string;
  /** Fixed wallet value of a diamond; absent when it is `faceValueUsd × rewardsRate`. */
  readonly usdPerDiamond?: string | undefined;
  readonly faceValueUsd?: string | undefined;
  readonly rewardsRate?: { readonly default: string; readonly min: string; readonly max: string } | undefined;
}

export interface WithdrawalRules {
  readonly minimumUsd: string;
  readonly maximumUsdPerDay: string;
  readonly processingDays: number;
}

export interface PayoutMethod {
  /** Percentage of each withdrawal kept by the bank or PayPal (2.5 = 2.5 %). */
  readonly percent: string;
  /** Fixed US-dollar fee per withdrawal. */
  readonly fixedUsd: string;
}

export interface CurrencyTable {
  readonly asOf: string;
  readonly source: string;
  /** Units of each currency per US dollar. */
  readonly perUsd: Readonly<Record<string, string>>;
}

/** What the user chose (or the defaults chose for them). */
export interface Choices {
  readonly preset: string;
  readonly diamondsPerCoin?: string;
  readonly usdPerDiamond?: string | undefined;
  readonly rewardsRate?: string;
  /** Fractions between 0 and 1. */
  readonly agencyRate: string;
  readonly taxRate: string;
  readonly payoutMethod: string;
  readonly currency: string;
  /** `--rate CODE=RATE` overrides of the currency table. */
  readonly rateOverrides: Readonly<Record<string, string>>;
}

export interface Settings {
  readonly presets: Readonly<Record<string, Preset>>;
  readonly withdrawal: WithdrawalRules;
  readonly payoutMethods: Readonly<Record<string, PayoutMethod>>;
  readonly stores: Readonly<Record<string, CoinStore>>;
  readonly currencies: CurrencyTable;
  readonly choices: Choices;
}
