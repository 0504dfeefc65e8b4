import { describe, expect, it } from "vitest";
import {
  currencyCode,
  formatCurrencyAmount,
  minorUnitDigits,
  parseRateOverride,
} from "../../src/core/currency.js";
import { decimal } from "../../src/core/money.js";
import { thrown } from "../helpers/model.js";

describe("minor units (ISO 4217)", () => {
  it.each([
    ["JPY", 0],
    ["KRW", 0],
    ["USD", 2],
    ["EUR", 2],
    ["KWD", 3],
    ["BHD", 3],
    ["CLF", 4],
  ])("%s has %d decimals", (code, digits) => {
    expect(minorUnitDigits(code)).toBe(digits);
  });

  it("rounds an amount down to the currency's minor unit", () => {
    expect(formatCurrencyAmount(decimal("23099.23"), "JPY")).toBe("23099");
    expect(formatCurrencyAmount(decimal("46.04846"), "KWD")).toBe("46.048");
    expect(formatCurrencyAmount(decimal("134.9955"), "EUR")).toBe("134.99");
  });
});

describe("currencyCode", () => {
  it("upper-cases and trims", () => {
    expect(currencyCode(" eur ")).toBe("EUR");
  });

  it.each(["EURO", "E1R", "", "€"])("refuses %j", (text) => {
    expect(thrown(() => currencyCode(text)).code).toBe("BAD_OPTION");
  });
});

describe("parseRateOverride", () => {
  it.each([
    ["EUR=0.9", { code: "EUR", rate: "0.9" }],
    [" eur = 0.92 ", { code: "EUR", rate: "0.92" }],
    ["JPY=154.5", { code: "JPY", rate: "154.5" }],
  ])("reads %j", (text, expected) => {
    expect(parseRateOverride(text)).toEqual(expected);
  });

  it.each([
    ["EUR", "BAD_OPTION"],
    ["=0.9", "BAD_OPTION"],
    ["EURO=0.9", "BAD_OPTION"],
    ["EUR=abc", "BAD_NUMBER"],
    ["EUR=0", "OUT_OF_RANGE"],
    ["EUR=-1", "OUT_OF_RANGE"],
  ])("refuses %j with %s", (text, code) => {
    expect(thrown(() => parseRateOverride(text)).code).toBe(code);
  });
});
