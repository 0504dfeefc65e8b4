import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { configFromText, defaultsFromText } from "../../src/io/config-file.js";
import { resolveSettings } from "../../src/io/settings.js";
import { SETTINGS, thrown } from "../helpers/model.js";

const defaults = defaultsFromText(
  readFileSync(new URL("../../data/defaults.yaml", import.meta.url), "utf8"),
  "data/defaults.yaml",
);
const file = (text: string) => ({
  path: "/home/me/gift-calc.yaml",
  config: configFromText(text, "gift-calc.yaml"),
});

describe("resolveSettings", () => {
  it("uses the built-in defaults, and says so", () => {
    const { settings, origins } = resolveSettings({ defaults });
    // The core tests' settings (test/helpers/model.ts) mirror these defaults.
    expect(settings.choices).toEqual(SETTINGS.choices);
    expect(origins.preset).toEqual({ value: "standard", origin: "default" });
    expect(origins["withdrawal.minimumUsd"]).toEqual({ value: "100", origin: "default" });
  });

  it("a file overrides a default, an env variable the file, a flag the env variable", () => {
    const sources = { defaults, file: file("preset: half\ntaxRate: 0.2\ncurrency: eur\n") };
    const fromFile = resolveSettings(sources);
    expect(fromFile.origins.preset).toEqual({
      value: "half",
      origin: "file",
      from: "/home/me/gift-calc.yaml",
    });
    expect(fromFile.settings.choices.currency).toBe("EUR");

    const fromEnv = resolveSettings({
      ...sources,
      overrides: { preset: { value: "us-scaled", origin: "env", from: "GIFT_CALC_PRESET" } },
    });
    expect(fromEnv.origins.preset).toEqual({ value: "us-scaled", origin: "env", from: "GIFT_CALC_PRESET" });
    expect(fromEnv.origins.taxRate?.origin).toBe("file");

    const fromFlag = resolveSettings({
      ...sources,
      overrides: { preset: { value: "standard", origin: "flag" } },
    });
    expect(fromFlag.origins.preset).toEqual({ value: "standard", origin: "flag" });
    expect(fromFlag.settings.choices.preset).toBe("standard");
  });

  it('reads agencyRate "10%" as the fraction 0.1', () => {
    const { settings, origins } = resolveSettings({ defaults, file: file('agencyRate: "10%"\n') });
    expect(settings.choices.agencyRate).toBe("0.1");
    expect(origins.agencyRate).toMatchObject({ value: "0.1", origin: "file" });
  });

  it("a flag's percentage becomes a fraction too", () => {
    const { settings } = resolveSettings({
      defaults,
      overrides: { taxRate: { value: "12.5%", origin: "flag" } },
    });
    expect(settings.choices.taxRate).toBe("0.125");
  });

  it("refuses a percentage over 100 (as a bad config value, with its place in the file)", () => {
    expect(thrown(() => resolveSettings({ defaults, file: file('agencyRate: "120%"\n') })).code).toBe(
      "BAD_CONFIG",
    );
  });

  it("refuses a currency that is not a code", () => {
    expect(
      thrown(() => resolveSettings({ defaults, overrides: { currency: { value: "euro", origin: "flag" } } }))
        .code,
    ).toBe("BAD_OPTION");
  });

  it("merges withdrawal rules, payout methods and rates from the file, flag rates winning", () => {
    const { settings, origins } = resolveSettings({
      defaults,
      file: file(
        "withdrawal: { minimumUsd: 50 }\npayoutMethods: { wise: { percent: 0.5, fixedUsd: 1 } }\nrates: { EUR: 0.9, GBP: 0.8 }\n",
      ),
      rateOverrides: { EUR: "0.95" },
    });
    expect(settings.withdrawal).toEqual({ minimumUsd: "50", maximumUsdPerDay: "1000", processingDays: 15 });
    expect(origins["withdrawal.minimumUsd"]?.origin).toBe("file");
    expect(origins["withdrawal.maximumUsdPerDay"]?.origin).toBe("default");
    expect(Object.keys(settings.payoutMethods)).toEqual(["bank", "paypal", "wise"]);
    expect(settings.choices.rateOverrides).toEqual({ EUR: "0.95", GBP: "0.8" });
    expect(origins["rates.EUR"]?.origin).toBe("flag");
    expect(origins["rates.GBP"]?.origin).toBe("file");
  });

  it("names each store", () => {
    const { settings } = resolveSettings({ defaults });
    expect(settings.stores.web?.name).toBe("web");
    expect(settings.stores.app?.name).toBe("app");
  });
});
