import { describe, expect, it } from "vitest";
import {
  ceilQuotient,
  decimal,
  floorToInteger,
  percentToRate,
  roundDown,
  toMoneyText,
  toText,
} from "../../src/core/money.js";
import { thrown } from "../helpers/model.js";

describe("decimal", () => {
  it.each([
    ["0.005", "0.005"],
    [" 12.5 ", "12.5"],
    ["1_000", "1000"],
    ["1e3", "1000"],
    ["1e-10", "0.0000000001"],
    [".5", "0.5"],
    ["-0", "0"],
    ["+7", "7"],
  ])("reads %j exactly as %s", (text, expected) => {
    expect(toText(decimal(text))).toBe(expected);
  });

  it("takes safe integers (coins, counts)", () => {
    expect(toText(decimal(29999))).toBe("29999");
    expect(toText(decimal(12345678901234567890n))).toBe("12345678901234567890");
  });

  it.each([0.1, 0.005, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])("refuses the float %d", (value) => {
    expect(thrown(() => decimal(value)).code).toBe("BAD_NUMBER");
  });

  it.each(["", "abc", "1.2.3", "0x10", "1e", "1,5", "€5", "NaN", "Infinity", "--1"])(
    "refuses the text %j with BAD_NUMBER",
    (text) => {
      expect(thrown(() => decimal(text, "rate")).code).toBe("BAD_NUMBER");
    },
  );

  it("names the value in its message", () => {
    expect(thrown(() => decimal("abc", "usdPerDiamond")).message).toContain("usdPerDiamond");
  });
});

describe("rounding", () => {
  it.each([
    ["150.495", 2, "150.49"],
    ["1.999", 2, "1.99"],
    ["75.2475", 2, "75.24"],
    ["23099.23", 0, "23099"],
    ["46.0484", 3, "46.048"],
    ["5", 2, "5.00"],
    ["0.001", 2, "0.00"],
  ])("toMoneyText(%s, %d) = %s (always down)", (value, digits, expected) => {
    expect(toMoneyText(decimal(value), digits)).toBe(expected);
  });

  it("rounds towards zero and never prints -0", () => {
    expect(toText(roundDown(decimal("-1.999"), 2))).toBe("-1.99");
    expect(toMoneyText(decimal("-0.001"), 2)).toBe("0.00");
  });
});

describe("ceilQuotient", () => {
  it.each([
    ["99.5", "0.005", 19900n],
    ["24.7525", "0.005", 4951n],
    ["24.7525", "0.0025", 9901n],
    ["0", "0.005", 0n],
    ["10", "3", 4n],
    ["9", "3", 3n],
    ["1", "0.0000001", 10000000n],
  ])("the fewest n with n × %s ≥ … : ceil(%s / %s)", (dividend, divisor, expected) => {
    expect(ceilQuotient(decimal(dividend), decimal(divisor))).toBe(expected);
  });

  it("refuses a divisor that is not positive", () => {
    expect(() => ceilQuotient(decimal("1"), decimal("0"))).toThrow(RangeError);
  });
});

describe("floorToInteger", () => {
  it.each([
    ["2.7", 2n],
    ["-1.5", -2n],
    ["-2", -2n],
    ["0.0001", 0n],
  ])("floor(%s) = %d", (value, expected) => {
    expect(floorToInteger(decimal(value))).toBe(expected);
  });
});

describe("percentToRate", () => {
  it.each([
    ["10", "0.1"],
    ["10%", "0.1"],
    [" 12.5 % ", "0.125"],
    ["0", "0"],
    ["100", "1"],
  ])("%j percent is the rate %s", (text, expected) => {
    expect(toText(percentToRate(text, "--agency"))).toBe(expected);
  });

  it.each(["101", "-1"])("refuses %s percent", (text) => {
    expect(thrown(() => percentToRate(text, "--agency")).code).toBe("OUT_OF_RANGE");
  });
});

describe("decimal edge cases", () => {
  it("refuses absurd exponents instead of building huge numbers", () => {
    expect(thrown(() => decimal("1e999999999")).code).toBe("BAD_NUMBER");
    expect(toText(decimal("1e100"))).toHaveLength(101);
  });
});
