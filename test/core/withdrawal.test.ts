import { describe, expect, it } from "vitest";
import { findGift } from "../../src/core/catalog.js";
import { decimal } from "../../src/core/money.js";
import { checkWithdrawal } from "../../src/core/withdrawal.js";
import { CATALOG, modelWith } from "../helpers/model.js";

const rose = findGift(CATALOG, "rose");

describe("checkWithdrawal", () => {
  it("is eligible above the minimum, over the days the daily cap needs", () => {
    expect(checkWithdrawal(decimal("150.495"), modelWith(), rose)).toEqual({
      eligible: true,
      balanceUsd: "150.495",
      minimumUsd: "100",
      shortfallUsd: "0",
      shortfallDiamonds: "0",
      shortfallCoins: "0",
      shortfallGifts: { gift: "Rose", giftId: 5655, count: "0" },
      maximumUsdPerDay: "1000",
      daysNeeded: 1,
      processingDays: 15,
    });
  });

  it("exactly the minimum is enough", () => {
    expect(checkWithdrawal(decimal("100"), modelWith()).eligible).toBe(true);
  });

  it("spreads a large balance over days", () => {
    expect(checkWithdrawal(decimal("2500"), modelWith()).daysNeeded).toBe(3);
  });

  it("says the shortfall in USD, whole diamonds, coins and roses (standard)", () => {
    expect(checkWithdrawal(decimal("75.2475"), modelWith(), rose)).toMatchObject({
      eligible: false,
      shortfallUsd: "24.7525",
      shortfallDiamonds: "4951",
      shortfallCoins: "4951",
      shortfallGifts: { gift: "Rose", count: "4951" },
      daysNeeded: null,
    });
  });

  it("under half, a coin is worth half as much, so twice the roses", () => {
    expect(checkWithdrawal(decimal("75.2475"), modelWith({ preset: "half" }), rose)).toMatchObject({
      shortfallDiamonds: "4951",
      shortfallCoins: "9901",
      shortfallGifts: { count: "9901" },
    });
  });

  it("counts the shortfall in a pricier reference gift, rounded up", () => {
    const heart = findGift(CATALOG, "heart 10");
    expect(checkWithdrawal(decimal("99.99"), modelWith(), heart).shortfallGifts).toMatchObject({
      count: "1",
    });
    expect(checkWithdrawal(decimal("99.90"), modelWith(), heart).shortfallGifts).toMatchObject({
      count: "2",
    });
  });

  it("has no gift shortfall without a reference gift", () => {
    expect(checkWithdrawal(decimal("1"), modelWith()).shortfallGifts).toBeNull();
  });

  it("an empty wallet is never eligible, even with no minimum", () => {
    expect(checkWithdrawal(decimal("0"), modelWith({}, { minimumUsd: "0" })).eligible).toBe(false);
  });
});
