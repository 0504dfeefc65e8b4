import { describe, expect, it } from "vitest";
import { describeAssumptions, resolveModel } from "../../src/core/model.js";
import { toText } from "../../src/core/money.js";
import { modelWith, SETTINGS, settingsWith, thrown } from "../helpers/model.js";

const rates = (choices: Parameters<typeof modelWith>[0]) => {
  const model = modelWith(choices);
  return { diamondsPerCoin: toText(model.diamondsPerCoin), usdPerDiamond: toText(model.usdPerDiamond) };
};

describe("presets", () => {
  it.each([
    ["standard", "1", "0.005"],
    ["half", "0.5", "0.005"],
    ["us-scaled", "1", "0.005"],
  ])("%s: %s diamond per coin, $%s per diamond", (preset, diamondsPerCoin, usdPerDiamond) => {
    expect(rates({ preset })).toEqual({ diamondsPerCoin, usdPerDiamond });
  });

  it("us-scaled is the $0.01 face value times rewardsRate", () => {
    const model = modelWith({ preset: "us-scaled", rewardsRate: "0.4" });
    expect(toText(model.usdPerDiamond)).toBe("0.004");
    expect(toText(model.faceValueUsd ?? model.usdPerDiamond)).toBe("0.01");
    expect(describeAssumptions(model)).toMatchObject({ rewardsRate: "0.4", faceValueUsd: "0.01" });
  });

  it.each(["0.20", "0.2", "0.53"])("us-scaled takes rewardsRate %s (inside 0.20–0.53)", (rewardsRate) => {
    expect(() => modelWith({ preset: "us-scaled", rewardsRate })).not.toThrow();
  });

  it.each(["0.19", "0.54", "1"])("us-scaled refuses rewardsRate %s", (rewardsRate) => {
    expect(thrown(() => modelWith({ preset: "us-scaled", rewardsRate })).code).toBe("OUT_OF_RANGE");
  });

  it("refuses rewardsRate with a preset that has no face value", () => {
    expect(thrown(() => modelWith({ rewardsRate: "0.4" })).code).toBe("BAD_OPTION");
  });

  it("lets diamondsPerCoin and usdPerDiamond override the preset", () => {
    expect(rates({ preset: "half", diamondsPerCoin: "0.7" })).toEqual({
      diamondsPerCoin: "0.7",
      usdPerDiamond: "0.005",
    });
    expect(rates({ usdPerDiamond: "0.0045" })).toEqual({ diamondsPerCoin: "1", usdPerDiamond: "0.0045" });
  });

  it.each([
    [{ diamondsPerCoin: "0" }, "OUT_OF_RANGE"],
    [{ usdPerDiamond: "-0.005" }, "OUT_OF_RANGE"],
    [{ usdPerDiamond: "abc" }, "BAD_NUMBER"],
    [{ agencyRate: "1.5" }, "OUT_OF_RANGE"],
    [{ taxRate: "-0.1" }, "OUT_OF_RANGE"],
    [{ currency: "XXX" }, "BAD_OPTION"],
  ])("refuses %j with %s", (choices, code) => {
    expect(thrown(() => modelWith(choices)).code).toBe(code);
  });
});

describe("unknown names", () => {
  it("suggests the preset meant", () => {
    const error = thrown(() => modelWith({ preset: "hlaf" }));
    expect(error.code).toBe("BAD_OPTION");
    expect(error.hint).toContain("half");
  });

  it("suggests the payout method meant", () => {
    const error = thrown(() => modelWith({ payoutMethod: "paypl" }));
    expect(error.code).toBe("BAD_OPTION");
    expect(error.hint).toContain("paypal");
  });

  it("lists the known presets when nothing is close", () => {
    expect(thrown(() => modelWith({ preset: "zzzzzzzz" })).hint).toContain("standard, half, us-scaled");
  });
});

describe("currency", () => {
  it("USD is the base, at 1", () => {
    expect(modelWith().currency).toMatchObject({ code: "USD", digits: 2, rateSource: "base" });
  });

  it("takes the dated table's rate", () => {
    const model = modelWith({ currency: "JPY" });
    expect(toText(model.currency.perUsd)).toBe("154");
    expect(model.currency).toMatchObject({ digits: 0, rateSource: "table", asOf: "2025-11-01" });
    expect(describeAssumptions(model).currencyRateSource).toBe("table of 2025-11-01");
  });

  it("an override replaces the table, and the assumptions say so", () => {
    const model = modelWith({ currency: "EUR", rateOverrides: { EUR: "0.9" } });
    expect(toText(model.currency.perUsd)).toBe("0.9");
    expect(model.currency.rateSource).toBe("override");
    expect(describeAssumptions(model).currencyRateSource).toContain("0.86");
  });

  it("an override can add a currency the table lacks", () => {
    const model = resolveModel(settingsWith({ currency: "XXX", rateOverrides: { XXX: "2" } }));
    expect(describeAssumptions(model).currencyRateSource).toBe("override (not in the table)");
  });
});

describe("describeAssumptions", () => {
  it("names every parameter of the chain as exact text", () => {
    expect(describeAssumptions(modelWith())).toEqual({
      preset: "standard",
      diamondsPerCoin: "1",
      usdPerDiamond: "0.005",
      withdrawalMinimumUsd: "100",
      withdrawalMaximumUsdPerDay: "1000",
      withdrawalProcessingDays: 15,
      agencyRate: "0",
      payoutMethod: "bank",
      payoutFeePercent: "0",
      payoutFeeFixedUsd: "0",
      taxRate: "0",
      currency: "USD",
      currencyPerUsd: "1",
      currencyRateSource: "base",
      rounding: "down to 2 decimal places, once, at the end",
    });
  });

  it("the settings are not changed by resolving them", () => {
    const before = JSON.stringify(SETTINGS);
    modelWith({ preset: "half" });
    expect(JSON.stringify(SETTINGS)).toBe(before);
  });
});
