import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CoinStore, cheapestPurchase, type Purchase, pricePerCoin } from "../../src/core/coin-shop.js";
import { APP, WEB } from "./settings.js";

const cents = (usd: string) => Math.round(Number(usd) * 100);

function customCents(store: CoinStore, coins: number): number {
  // Exact enough for the small test prices: whole cents per coin times 10^4.
  const perCoin = BigInt(Math.round(Number(store.custom?.usdPerCoin ?? "0") * 1e6));
  const total = BigInt(coins) * perCoin;
  return Number(total / 10_000n + (total % 10_000n === 0n ? 0n : 1n));
}

/** Every combination, by enumeration: the cheapest price (in cents) of at least `wanted` coins. */
function bruteForce(store: CoinStore, wanted: number): { cents: number; leftover: number } {
  const packages = store.packages.map((entry) => ({ coins: entry.coins, cents: cents(entry.usd) }));
  const customs = [0];
  // More custom coins than wanted can only cost more, so the enumeration stops there.
  const customLimit = Math.min(store.custom?.maxCoins ?? 0, Math.max(store.custom?.minCoins ?? 0, wanted));
  if (store.custom) for (let c = store.custom.minCoins; c <= customLimit; c++) customs.push(c);
  let best = { cents: Number.POSITIVE_INFINITY, leftover: Number.POSITIVE_INFINITY };
  const visit = (index: number, coins: number, spent: number) => {
    if (index === packages.length) {
      for (const c of customs) {
        const total = coins + c;
        if (total < wanted) continue;
        const price = spent + (c > 0 ? customCents(store, c) : 0);
        const leftover = total - wanted;
        if (price < best.cents || (price === best.cents && leftover < best.leftover)) {
          best = { cents: price, leftover };
        }
      }
      return;
    }
    const entry = packages[index];
    if (entry === undefined) return;
    const most = Math.ceil(Math.max(0, wanted - coins) / entry.coins);
    for (let count = 0; count <= most; count++)
      visit(index + 1, coins + count * entry.coins, spent + count * entry.cents);
  };
  visit(0, 0, 0);
  return best;
}

/** The purchase is what it says: lines add up to its coins and price, and cover the wanted coins. */
function expectConsistent(purchase: Purchase): void {
  const coins = purchase.lines.reduce((sum, line) => sum + line.coins * line.quantity, 0);
  const spent = purchase.lines.reduce((sum, line) => sum + cents(line.usdEach) * line.quantity, 0);
  expect(coins).toBe(purchase.coins);
  expect(spent).toBe(cents(purchase.usd));
  expect(purchase.coins).toBeGreaterThanOrEqual(purchase.wantedCoins);
  expect(purchase.leftoverCoins).toBe(purchase.coins - purchase.wantedCoins);
}

const usdOf = (centsValue: number) => (centsValue / 100).toFixed(2);

const packageTable = (most: number) =>
  fc.array(fc.record({ coins: fc.integer({ min: 1, max: most }), cents: fc.integer({ min: 1, max: 400 }) }), {
    minLength: 1,
    maxLength: 3,
  });
const customAmount = (most: number) =>
  fc.option(
    fc.record({
      minCoins: fc.integer({ min: 1, max: 5 }),
      span: fc.integer({ min: 0, max: most }),
      perCoin: fc.integer({ min: 1, max: 40 }).map((tenths) => (tenths / 1000).toFixed(3)),
    }),
    { nil: undefined },
  );

function storeOf(
  packages: readonly { coins: number; cents: number }[],
  custom: { minCoins: number; span: number; perCoin: string } | undefined,
): CoinStore {
  return {
    name: "test",
    packages: packages.map((entry) => ({ coins: entry.coins, usd: usdOf(entry.cents) })),
    ...(custom && {
      custom: {
        minCoins: custom.minCoins,
        maxCoins: custom.minCoins + custom.span,
        usdPerCoin: custom.perCoin,
      },
    }),
  };
}

describe("cheapestPurchase", () => {
  /** Random tables of packages up to `most` coins, a custom amount up to `span` wide, N in `range`. */
  const matchesBruteForce = (most: number, span: number, range: { min: number; max: number }) =>
    fc.assert(
      fc.property(packageTable(most), customAmount(span), fc.integer(range), (packages, custom, wanted) => {
        const store = storeOf(packages, custom);
        const purchase = cheapestPurchase(store, wanted);
        const expected = bruteForce(store, wanted);
        expect(cents(purchase.usd)).toBe(expected.cents);
        expect(purchase.leftoverCoins).toBe(expected.leftover);
        expectConsistent(purchase);
      }),
      { numRuns: 300 },
    );

  it("matches brute force on small N over random package tables (table search)", () => {
    matchesBruteForce(40, 20, { min: 0, max: 90 });
  });

  it("matches brute force where the best-value package takes the bulk (residue search)", () => {
    // Tiny packages put the residue search's threshold below 60 coins; N runs past it.
    matchesBruteForce(6, 8, { min: 40, max: 110 });
  });

  it("matches brute force on both default stores for small N", () => {
    for (const wanted of [0, 1, 64, 65, 66, 129, 131, 330, 331, 700, 999, 1321, 1400]) {
      for (const store of [WEB, APP]) {
        const purchase = cheapestPurchase(store, wanted);
        expect(cents(purchase.usd)).toBe(bruteForce(store, wanted).cents);
        expectConsistent(purchase);
      }
    }
  });

  it("buys 30,000 coins in the app no dearer than any combination of app packages", () => {
    const purchase = cheapestPurchase(APP, 30_000);
    expectConsistent(purchase);
    const [p65, p330, p660, p1321, p3303, p6607, p16500] = APP.packages.map((entry) => ({
      coins: entry.coins,
      cents: cents(entry.usd),
    })) as { coins: number; cents: number }[] as [
      { coins: number; cents: number },
      { coins: number; cents: number },
      { coins: number; cents: number },
      { coins: number; cents: number },
      { coins: number; cents: number },
      { coins: number; cents: number },
      { coins: number; cents: number },
    ];
    let cheapest = Number.POSITIVE_INFINITY;
    const wanted = 30_000;
    const upTo = (coins: number, size: number) => Math.ceil(Math.max(0, wanted - coins) / size);
    for (let a = 0; a <= upTo(0, p16500.coins); a++) {
      const c1 = a * p16500.coins;
      for (let b = 0; b <= upTo(c1, p6607.coins); b++) {
        const c2 = c1 + b * p6607.coins;
        for (let c = 0; c <= upTo(c2, p3303.coins); c++) {
          const c3 = c2 + c * p3303.coins;
          for (let d = 0; d <= upTo(c3, p1321.coins); d++) {
            const c4 = c3 + d * p1321.coins;
            for (let e = 0; e <= upTo(c4, p660.coins); e++) {
              const c5 = c4 + e * p660.coins;
              for (let f = 0; f <= upTo(c5, p330.coins); f++) {
                const c6 = c5 + f * p330.coins;
                const g = upTo(c6, p65.coins);
                const price =
                  a * p16500.cents +
                  b * p6607.cents +
                  c * p3303.cents +
                  d * p1321.cents +
                  e * p660.cents +
                  f * p330.cents +
                  g * p65.cents;
                if (price < cheapest) cheapest = price;
              }
            }
          }
        }
      }
    }
    expect(cents(purchase.usd)).toBe(cheapest);
  });

  it("stays exact and fast past the residue threshold of the default stores", () => {
    for (const wanted of [1_709_999, 1_710_000, 1_710_001, 5_000_000, 1_000_000_007]) {
      const purchase = cheapestPurchase(WEB, wanted);
      expectConsistent(purchase);
      expect(purchase.isBulkFilled).toBe(false);
    }
    // Either side of the app's threshold ((1321 − 1) × 16500 + 1) the price per extra 1321 coins is one pack.
    const below = cheapestPurchase(APP, 21_780_000);
    const above = cheapestPurchase(APP, 21_780_000 + 1321);
    expectConsistent(below);
    expectConsistent(above);
    expect(cents(above.usd) - cents(below.usd)).toBeLessThanOrEqual(1999);
    expect(cheapestPurchase(APP, 100_000_000).isBulkFilled).toBe(false);
  });

  it("prices per coin exactly and rejects what it cannot buy", () => {
    const purchase = cheapestPurchase(WEB, 70);
    expect(pricePerCoin(purchase).toFixed()).toMatch(/^0\.0105714285714285714285/);
    expect(() => cheapestPurchase(WEB, -1)).toThrow(expect.objectContaining({ code: "BAD_NUMBER" }));
    expect(() => cheapestPurchase(WEB, 1.5)).toThrow(expect.objectContaining({ code: "BAD_NUMBER" }));
    expect(() => cheapestPurchase({ name: "none", packages: [] }, 5)).toThrow(
      expect.objectContaining({ code: "BAD_CONFIG" }),
    );
    expect(() =>
      cheapestPurchase(
        { name: "capped", packages: [], custom: { minCoins: 1, maxCoins: 10, usdPerCoin: "0.01" } },
        11,
      ),
    ).toThrow(expect.objectContaining({ code: "OUT_OF_RANGE" }));
  });
});
