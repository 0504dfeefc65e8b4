import { describe, expect, it } from "vitest";
import { countTallies, ESTIMATE_SCHEMA, estimate, referenceGiftOf } from "../../src/core/estimate.js";
import { parseTally } from "../../src/core/tally.js";
import { CATALOG, contextWith, thrown } from "../helpers/model.js";

const gifts = (...tallies: string[]) => countTallies(CATALOG, tallies.map(parseTally));

describe("countTallies", () => {
  it("prices each tally from the catalog and merges the same gift, first seen first", () => {
    expect(gifts("lion=1", "rose=1", "ROSE*2", "6369=1")).toEqual([
      { gift: "Lion", giftId: 6369, count: 2, coinsEach: 29999 },
      { gift: "Rose", giftId: 5655, count: 3, coinsEach: 1 },
    ]);
  });

  it("fails on the first unknown gift", () => {
    expect(thrown(() => gifts("rose=1", "lino=1")).code).toBe("UNKNOWN_GIFT");
  });
});

describe("estimate", () => {
  it("values a Lion and 100 Roses along the whole chain", () => {
    const result = estimate({ gifts: gifts("lion=1", "rose=100") }, contextWith());
    expect(result.schema).toBe(ESTIMATE_SCHEMA);
    expect(result.lines).toEqual([
      {
        gift: "Lion",
        giftId: 6369,
        count: 1,
        coinsEach: 29999,
        coins: 29999,
        diamonds: "29999",
        walletUsd: "149.995",
      },
      { gift: "Rose", giftId: 5655, count: 100, coinsEach: 1, coins: 100, diamonds: "100", walletUsd: "0.5" },
    ]);
    expect(result.totals).toEqual({ coins: 30099, diamonds: "30099", walletUsd: "150.495", balanceUsd: "0" });
    expect(result.payout.net).toBe("150.49");
    expect(result.withdrawal).toMatchObject({ eligible: true, daysNeeded: 1 });
    expect(Object.keys(result.viewerSpend)).toEqual(["web", "app"]);
    expect(result.assumptions).toMatchObject({ preset: "standard", usdPerDiamond: "0.005" });
  });

  it("under half, the same gifts are worth half", () => {
    const result = estimate({ gifts: gifts("lion=1", "rose=100") }, contextWith({ preset: "half" }));
    expect(result.totals).toMatchObject({ diamonds: "15049.5", walletUsd: "75.2475" });
    expect(result.withdrawal).toMatchObject({ eligible: false, shortfallUsd: "24.7525" });
  });

  it("adds raw coins as a line of their own, and raw diamonds after step 2", () => {
    const result = estimate(
      { gifts: gifts("rose=100"), coins: 900, diamonds: "1000" },
      contextWith({ preset: "half" }),
    );
    expect(result.lines.map((line) => line.gift)).toEqual(["Rose", "coins", "diamonds"]);
    expect(result.lines[1]).toMatchObject({
      giftId: null,
      count: 900,
      coinsEach: 1,
      coins: 900,
      diamonds: "450",
    });
    expect(result.lines[2]).toMatchObject({ coins: 0, diamonds: "1000", walletUsd: "5" });
    expect(result.totals).toEqual({ coins: 1000, diamonds: "1500", walletUsd: "7.5", balanceUsd: "0" });
  });

  it("a wallet balance counts for the withdrawal and the payout, not for the gifts' totals", () => {
    const result = estimate({ gifts: gifts("rose=100"), balanceUsd: "99.5" }, contextWith());
    expect(result.totals).toMatchObject({ walletUsd: "0.5", balanceUsd: "99.5" });
    expect(result.withdrawal).toMatchObject({ eligible: true, balanceUsd: "100" });
    expect(result.payout.grossUsd).toBe("100");
  });

  it("prices the viewers' side per store", () => {
    const result = estimate({ gifts: gifts("rose=70") }, contextWith());
    expect(result.viewerSpend).toEqual({ web: "0.74", app: "1.98" });
  });

  it("an empty estimate is zero everywhere, and not eligible", () => {
    const result = estimate({ gifts: [] }, contextWith());
    expect(result.totals).toEqual({ coins: 0, diamonds: "0", walletUsd: "0", balanceUsd: "0" });
    expect(result.payout.net).toBe("0.00");
    expect(result.withdrawal.eligible).toBe(false);
  });

  it("the reference gift is Rose", () => {
    expect(referenceGiftOf(CATALOG)?.id).toBe(5655);
  });
});

describe("estimate limits", () => {
  it("refuses more coins than a JSON number holds exactly, instead of rounding them", () => {
    const error = thrown(() => estimate({ gifts: gifts("lion=999999999999999") }, contextWith()));
    expect(error.code).toBe("OUT_OF_RANGE");
  });
});
