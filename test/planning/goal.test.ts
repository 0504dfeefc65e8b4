import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Gift } from "../../src/core/catalog.js";
import { coinsToUsd } from "../../src/core/chain.js";
import { goal } from "../../src/core/goal.js";
import type { EarningsModel } from "../../src/core/model.js";
import { decimal } from "../../src/core/money.js";
import { payoutChain } from "../../src/core/payout.js";
import { APP, modelWith, WEB } from "./settings.js";

const LION: Gift = { id: 6369, name: "Lion", coins: 29999, isStreakable: false, aliases: [] };
const ROSE: Gift = { id: 5655, name: "Rose", coins: 1, isStreakable: true, aliases: [] };
const stores = { web: WEB, app: APP };

/** The forward chain, independent of goal.ts: what `coins` give, rounded down, in the currency. */
function forward(coins: number, model: EarningsModel, isGross: boolean) {
  const walletUsd = coinsToUsd(decimal(coins), model);
  if (isGross)
    return decimal(walletUsd.times(model.currency.perUsd).round(model.currency.digits, 0).toFixed());
  return decimal(payoutChain(walletUsd, model).net);
}

const modelArbitrary = fc
  .record({
    preset: fc.constantFrom("standard", "half", "us-scaled"),
    rewardsRate: fc.constantFrom(undefined, "0.2", "0.37", "0.53"),
    agency: fc.constantFrom("0", "0.1", "0.35", "0.333"),
    tax: fc.constantFrom("0", "0.19", "0.5"),
    currency: fc.constantFrom("USD", "EUR", "JPY", "KWD"),
    percent: fc.constantFrom("0", "1", "2.9"),
    fixedUsd: fc.constantFrom("0", "0.3", "5", "25"),
    cap: fc.constantFrom("1000", "150", "7.5"),
  })
  .map((pick) =>
    modelWith(
      {
        preset: pick.preset,
        ...(pick.preset === "us-scaled" && pick.rewardsRate ? { rewardsRate: pick.rewardsRate } : {}),
        agencyRate: pick.agency,
        taxRate: pick.tax,
        currency: pick.currency,
      },
      { fee: { percent: pick.percent, fixedUsd: pick.fixedUsd }, withdrawal: { maximumUsdPerDay: pick.cap } },
    ),
  );

describe("goal", () => {
  it("needs 20,000 coins and one Lion for $100 gross (standard), 40,000 and two under half", () => {
    const standard = goal(
      { amount: decimal("100"), isGross: true, gifts: [LION] },
      { model: modelWith(), stores },
    );
    expect(standard.coins).toBe(20000);
    expect(standard.gifts).toEqual([
      { gift: "Lion", giftId: 6369, coinsEach: 29999, count: 1, coins: 29999 },
    ]);
    expect(standard.oneCoinLess).toBe("99.99");
    const half = goal(
      { amount: decimal("100"), isGross: true, gifts: [LION] },
      { model: modelWith({ preset: "half" }), stores },
    );
    expect(half.coins).toBe(40000);
    expect(half.gifts[0]?.count).toBe(2);
  });

  it("nets €500 after a 20% cut and a $5 fee per withdrawal at the exact minimum", () => {
    const model = modelWith({ agencyRate: "0.2", currency: "EUR" }, { fee: { percent: "0", fixedUsd: "5" } });
    const result = goal({ amount: decimal("500"), isGross: false, gifts: [ROSE] }, { model, stores });
    const coins = result.coins as number;
    expect(forward(coins, model, false).gte(decimal("500"))).toBe(true);
    expect(forward(coins - 1, model, false).lt(decimal("500"))).toBe(true);
    expect(result.reached).toBe(forward(coins, model, false).toFixed(2));
    expect(result.viewerSpend).toHaveProperty("web");
  });

  it("crosses into the next withdrawal when a fixed fee makes the net step back", () => {
    // $1,000 a day and $5 a withdrawal: $995 is the most one withdrawal nets; $996 needs two.
    const model = modelWith({}, { fee: { percent: "0", fixedUsd: "5" } });
    const result = goal({ amount: decimal("996"), isGross: false, gifts: [] }, { model, stores });
    expect(result.coins).toBe(201_200); // $1,006 in the wallet − 2 × $5 = $996
    expect(result.payout?.steps[1]).toMatchObject({ withdrawals: 2 });
  });

  it("rounds a goal finer than the currency up to its minor unit (JPY, KWD)", () => {
    const yen = modelWith({ currency: "JPY" });
    const result = goal({ amount: decimal("1000.5"), isGross: true, gifts: [] }, { model: yen, stores });
    expect(result.reached).toBe("1001");
    const dinar = modelWith({ currency: "KWD" });
    const kwd = goal({ amount: decimal("30.7005"), isGross: false, gifts: [] }, { model: dinar, stores });
    expect(kwd.reached).toBe("30.701");
  });

  it("says a goal is unreachable when the agency, the tax or the fees take everything", () => {
    const agency = goal(
      { amount: decimal("10"), isGross: false, gifts: [] },
      { model: modelWith({ agencyRate: "1" }), stores },
    );
    expect(agency).toMatchObject({
      reachable: false,
      coins: null,
      unreachable: { code: "AGENCY_TAKES_ALL" },
    });
    const tax = goal(
      { amount: decimal("10"), isGross: false, gifts: [] },
      { model: modelWith({ taxRate: "1" }), stores },
    );
    expect(tax.unreachable?.code).toBe("TAX_TAKES_ALL");
    const fees = goal(
      { amount: decimal("10"), isGross: false, gifts: [] },
      { model: modelWith({}, { fee: { percent: "0", fixedUsd: "1000" } }), stores },
    );
    expect(fees.unreachable?.code).toBe("FEES_TAKE_ALL");
    // Gross goals ignore deductions, so they stay reachable.
    const gross = goal(
      { amount: decimal("10"), isGross: true, gifts: [] },
      { model: modelWith({ agencyRate: "1" }), stores },
    );
    expect(gross.coins).toBe(2000);
  });

  it("flags a goal below the withdrawal minimum", () => {
    const result = goal({ amount: decimal("20"), isGross: false, gifts: [] }, { model: modelWith(), stores });
    expect(result.withdrawal).toMatchObject({ eligible: false, shortfallUsd: "80" });
  });

  it("is the exact minimum: its coins reach the goal and one coin less does not (property)", () => {
    fc.assert(
      fc.property(
        modelArbitrary,
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.integer({ min: 0, max: 3 }),
        fc.boolean(),
        (model, units, scale, isGross) => {
          const amount = decimal(units).div(decimal(10 ** scale));
          const result = goal({ amount, isGross, gifts: [LION, ROSE] }, { model, stores: {} });
          if (!result.reachable) {
            expect(isGross).toBe(false);
            return;
          }
          const coins = result.coins as number;
          expect(forward(coins, model, isGross).gte(amount)).toBe(true);
          expect(forward(coins - 1, model, isGross).lt(amount)).toBe(true);
          for (const gift of result.gifts) {
            expect(gift.count * gift.coinsEach).toBeGreaterThanOrEqual(coins);
            expect((gift.count - 1) * gift.coinsEach).toBeLessThan(coins);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it("has no smaller coin count anywhere that reaches the goal, despite fee steps (property)", () => {
    // A $7.50 daily cap with fixed fees makes many steps below a small goal; scan every coin count.
    fc.assert(
      fc.property(modelArbitrary, fc.integer({ min: 1, max: 4000 }), (model, cents) => {
        const amount = decimal(cents).div(decimal("100"));
        const result = goal({ amount, isGross: false, gifts: [] }, { model, stores: {} });
        if (!result.reachable || (result.coins as number) > 6000) return;
        for (let coins = 0; coins < (result.coins as number); coins++) {
          expect(forward(coins, model, false).lt(amount)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});
