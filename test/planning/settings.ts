/** A standalone copy of the default settings the planning tests run on (trimmed data/defaults.yaml). */
import type { CoinStore } from "../../src/core/coin-shop.js";
import { type EarningsModel, resolveModel } from "../../src/core/model.js";
import type { Choices, Settings } from "../../src/core/settings.js";

export const WEB: CoinStore = {
  name: "web",
  packages: [
    { coins: 70, usd: "0.74" },
    { coins: 350, usd: "3.70" },
    { coins: 700, usd: "7.40" },
    { coins: 1400, usd: "14.80" },
    { coins: 3500, usd: "37.00" },
    { coins: 7000, usd: "74.00" },
    { coins: 17500, usd: "185.00" },
  ],
  custom: { minCoins: 70, maxCoins: 500000, usdPerCoin: "0.0106" },
};

export const APP: CoinStore = {
  name: "app",
  packages: [
    { coins: 65, usd: "0.99" },
    { coins: 330, usd: "4.99" },
    { coins: 660, usd: "9.99" },
    { coins: 1321, usd: "19.99" },
    { coins: 3303, usd: "49.99" },
    { coins: 6607, usd: "99.99" },
    { coins: 16500, usd: "249.99" },
  ],
};

export const SETTINGS: Settings = {
  presets: {
    standard: { description: "1:1", diamondsPerCoin: "1", usdPerDiamond: "0.005" },
    half: { description: "2:1", diamondsPerCoin: "0.5", usdPerDiamond: "0.005" },
    "us-scaled": {
      description: "scaled",
      diamondsPerCoin: "1",
      faceValueUsd: "0.01",
      rewardsRate: { default: "0.5", min: "0.20", max: "0.53" },
    },
  },
  withdrawal: { minimumUsd: "100", maximumUsdPerDay: "1000", processingDays: 15 },
  payoutMethods: { bank: { percent: "0", fixedUsd: "0" }, paypal: { percent: "0", fixedUsd: "0" } },
  stores: { web: WEB, app: APP },
  currencies: { asOf: "2025-11-01", source: "test", perUsd: { EUR: "0.86", JPY: "154", KWD: "0.307" } },
  choices: {
    preset: "standard",
    agencyRate: "0",
    taxRate: "0",
    payoutMethod: "bank",
    currency: "USD",
    rateOverrides: {},
  },
};

/** The model for the defaults with some choices, withdrawal rules or a payout fee changed. */
export function modelWith(
  choices: Partial<Choices> = {},
  changes: { fee?: { percent: string; fixedUsd: string }; withdrawal?: Partial<Settings["withdrawal"]> } = {},
): EarningsModel {
  return resolveModel({
    ...SETTINGS,
    withdrawal: { ...SETTINGS.withdrawal, ...changes.withdrawal },
    payoutMethods: { ...SETTINGS.payoutMethods, ...(changes.fee ? { bank: changes.fee } : {}) },
    choices: { ...SETTINGS.choices, ...choices },
  });
}
