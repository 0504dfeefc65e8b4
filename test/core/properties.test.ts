/** The algebra of the model, checked on random inputs (fast-check). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coinsForUsd, coinsToUsd } from "../../src/core/chain.js";
import { countTallies, estimate } from "../../src/core/estimate.js";
import { type Decimal, decimal, roundDown, toMoneyText, toText } from "../../src/core/money.js";
import { payoutChain } from "../../src/core/payout.js";
import type { Tally } from "../../src/core/tally.js";
import { CATALOG, contextWith, modelWith } from "../helpers/model.js";

/** Every gift of the test catalog by id, so no tally is ambiguous. */
const tally: fc.Arbitrary<Tally> = fc.record({
  gift: fc.constantFrom(...CATALOG.gifts.map((gift) => String(gift.id))),
  count: fc.integer({ min: 0, max: 1_000_000 }),
});
const tallies = fc.array(tally, { maxLength: 8 });
const preset = fc.constantFrom("standard", "half", "us-scaled");
/** A non-negative decimal with up to 6 places, as exact text. */
const amount = fc
  .tuple(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 6 }))
  .map(([units, scale]) => decimal(units.toString()).div(decimal((10n ** BigInt(scale)).toString())));
const percent = fc.integer({ min: 0, max: 100 }).map((value) => toText(decimal(value).div(decimal(100))));

/** No coin stores: the viewer side (an optimisation per store) is not the algebra under test. */
const run = (input: readonly Tally[], choices: Parameters<typeof contextWith>[0] = {}, coins?: number) =>
  estimate(
    { gifts: countTallies(CATALOG, input), ...(coins === undefined ? {} : { coins }) },
    { ...contextWith(choices), stores: {} },
  );

const sum = (a: string, b: string): string => toText(decimal(a).plus(decimal(b)));

describe("estimates are additive", () => {
  it("estimate of a ∪ b is the sum of the estimates (before rounding)", () => {
    fc.assert(
      fc.property(tallies, tallies, preset, (a, b, name) => {
        const whole = run([...a, ...b], { preset: name });
        const left = run(a, { preset: name });
        const right = run(b, { preset: name });
        expect(whole.totals.coins).toBe(left.totals.coins + right.totals.coins);
        expect(whole.totals.diamonds).toBe(sum(left.totals.diamonds, right.totals.diamonds));
        expect(whole.totals.walletUsd).toBe(sum(left.totals.walletUsd, right.totals.walletUsd));
        // With no fixed fee per withdrawal the exact net is additive too.
        expect(whole.payout.netExact).toBe(sum(left.payout.netExact, right.payout.netExact));
      }),
    );
  });

  it("raw coins add like gifts of one coin", () => {
    fc.assert(
      fc.property(tallies, fc.integer({ min: 0, max: 10_000_000 }), (a, coins) => {
        const withCoins = run(a, {}, coins);
        expect(withCoins.totals.coins).toBe(run(a).totals.coins + coins);
      }),
    );
  });
});

describe("order does not matter", () => {
  it("shuffling the tallies changes no total", () => {
    fc.assert(
      fc.property(
        tallies.chain((list) =>
          fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length })),
        ),
        ([list, shuffled]) => {
          const a = run(list);
          const b = run(shuffled);
          expect(b.totals).toEqual(a.totals);
          expect(b.payout).toEqual(a.payout);
          expect(b.withdrawal).toEqual(a.withdrawal);
        },
      ),
    );
  });
});

describe("rounding", () => {
  it("never rounds up, and loses less than one minor unit", () => {
    fc.assert(
      fc.property(amount, fc.integer({ min: 0, max: 4 }), (value, digits) => {
        const rounded = roundDown(value, digits);
        expect(rounded.lte(value)).toBe(true);
        expect(value.minus(rounded).lt(decimal(1).div(decimal(10 ** digits)))).toBe(true);
      }),
    );
  });

  it("net ≤ exact net, and net is the exact net rounded down to the minor unit", () => {
    const currency = fc.constantFrom("USD", "EUR", "JPY", "KWD");
    const method = fc.constantFrom("bank", "wire");
    fc.assert(
      fc.property(
        amount,
        percent,
        percent,
        currency,
        method,
        (gross, agencyRate, taxRate, code, payoutMethod) => {
          const model = modelWith({ agencyRate, taxRate, currency: code, payoutMethod });
          const payout = payoutChain(gross, model);
          const net: Decimal = decimal(payout.net);
          const exact = decimal(payout.netExact);
          expect(net.lte(exact)).toBe(true);
          expect(net.gte(decimal(0))).toBe(true);
          expect(payout.net).toBe(toMoneyText(exact, model.currency.digits));
          expect(exact.minus(net).lt(decimal(1).div(decimal(10 ** model.currency.digits)))).toBe(true);
          expect(payout.net.split(".")[1]?.length ?? 0).toBe(model.currency.digits);
        },
      ),
    );
  });
});

describe("coinsForUsd", () => {
  it("is the exact minimum: one coin less falls short", () => {
    fc.assert(
      fc.property(amount, preset, (usd, name) => {
        const model = modelWith({ preset: name });
        const coins = coinsForUsd(usd, model);
        if (usd.lte(decimal(0))) {
          expect(coins).toBe(0n);
        } else {
          expect(coinsToUsd(decimal(coins), model).gte(usd)).toBe(true);
          expect(coinsToUsd(decimal(coins - 1n), model).lt(usd)).toBe(true);
        }
      }),
    );
  });
});
