/**
 * The model's inputs for core tests, built in code so the tests do not depend on the shipped data:
 * the test catalog (test/fixtures/catalog.yaml) and settings mirroring data/defaults.yaml.
 */
import { readFileSync } from "node:fs";
import type { Catalog } from "../../src/core/catalog.js";
import { type EstimateContext, referenceGiftOf } from "../../src/core/estimate.js";
import { type EarningsModel, resolveModel } from "../../src/core/model.js";
import type { Choices, Settings } from "../../src/core/settings.js";
import { catalogFromText } from "../../src/io/catalog-file.js";

export const FIXTURES = new URL("../fixtures/", import.meta.url);

export function fixturePath(name: string): string {
  return new URL(name, FIXTURES).pathname;
}

export const CATALOG: Catalog = catalogFromText(
  readFileSync(new URL("catalog.yaml", FIXTURES), "utf8"),
  "test/fixtures/catalog.yaml",
);

export const SETTINGS: Settings = {
  presets: {
    standard: { description: "standard", diamondsPerCoin: "1", usdPerDiamond: "0.005" },
    half: { description: "half", diamondsPerCoin: "0.5", usdPerDiamond: "0.005" },
    "us-scaled": {
      description: "us-scaled",
      diamondsPerCoin: "1",
      faceValueUsd: "0.01",
      rewardsRate: { default: "0.5", min: "0.20", max: "0.53" },
    },
  },
  withdrawal: { minimumUsd: "100", maximumUsdPerDay: "1000", processingDays: 15 },
  payoutMethods: {
    bank: { percent: "0", fixedUsd: "0" },
    paypal: { percent: "0", fixedUsd: "0" },
    wire: { percent: "2.5", fixedUsd: "1" },
  },
  stores: {
    web: {
      name: "web",
      packages: [{ coins: 70, usd: "0.74" }],
      custom: { minCoins: 70, maxCoins: 500000, usdPerCoin: "0.0106" },
    },
    app: {
      name: "app",
      packages: [
        { coins: 65, usd: "0.99" },
        { coins: 330, usd: "4.99" },
      ],
    },
  },
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

/** The test settings with some choices changed. */
export function settingsWith(
  choices: Partial<Choices> = {},
  withdrawal: Partial<Settings["withdrawal"]> = {},
): Settings {
  return {
    ...SETTINGS,
    withdrawal: { ...SETTINGS.withdrawal, ...withdrawal },
    choices: { ...SETTINGS.choices, ...choices },
  };
}

export function modelWith(
  choices: Partial<Choices> = {},
  withdrawal: Partial<Settings["withdrawal"]> = {},
): EarningsModel {
  return resolveModel(settingsWith(choices, withdrawal));
}

export function contextWith(choices: Partial<Choices> = {}): EstimateContext {
  const referenceGift = referenceGiftOf(CATALOG);
  return {
    model: modelWith(choices),
    stores: SETTINGS.stores,
    ...(referenceGift === undefined ? {} : { referenceGift }),
  };
}

/** The error a function throws (fails the test when it does not throw). */
export function thrown(action: () => unknown): {
  code?: string;
  message: string;
  hint?: string;
  exitCode?: number;
} {
  try {
    action();
  } catch (error) {
    return error as { code?: string; message: string; hint?: string };
  }
  throw new Error("expected an error, none was thrown");
}

export async function rejected(
  action: () => Promise<unknown>,
): Promise<{ code?: string; message: string; hint?: string }> {
  try {
    await action();
  } catch (error) {
    return error as { code?: string; message: string; hint?: string };
  }
  throw new Error("expected an error, none was thrown");
}
