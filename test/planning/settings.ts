/** The settings the planning tests run on: the shared test settings with the real store tables. */
import type { CoinStore } from "../../src/core/coin-shop.js";
import { type EarningsModel, resolveModel } from "../../src/core/model.js";
import type { Choices, Settings } from "../../src/core/settings.js";
import { SETTINGS as BASE_SETTINGS } from "../helpers/model.js";

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

/** The shared test settings (test/helpers/model.ts) with the full store tables of data/defaults.yaml. */
export const SETTINGS: Settings = { ...BASE_SETTINGS, stores: { web: WEB, app: APP } };

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
