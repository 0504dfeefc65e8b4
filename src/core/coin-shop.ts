/**
 * The viewer side: the cheapest way to buy at least N coins from a store's packages (and, on the
 * web, one custom amount). Prices are handled in whole cents, so the optimisation is exact.
 */
import { GiftCalcError } from "../errors.js";
import { type Decimal, decimal } from "./money.js";

export interface CoinPackage {
  readonly coins: number;
  /** Price in US dollars, a decimal string with at most two decimals. */
  readonly usd: string;
}

export interface CustomAmount {
  readonly minCoins: number;
  readonly maxCoins: number;
  /** Price per coin in US dollars; a custom purchase costs coins × this, rounded up to the cent. */
  readonly usdPerCoin: string;
}

export interface CoinStore {
  readonly name: string;
  readonly packages: readonly CoinPackage[];
  readonly custom?: CustomAmount | undefined;
}

export interface PurchaseLine {
  readonly kind: "package" | "custom";
  readonly coins: number;
  readonly usdEach: string;
  readonly quantity: number;
}

export interface Purchase {
  readonly store: string;
  readonly wantedCoins: number;
  readonly lines: readonly PurchaseLine[];
  readonly coins: number;
  readonly usd: string;
  readonly leftoverCoins: number;
  /** True when the bulk above `EXACT_LIMIT` was filled with the best-value package first. */
  readonly isBulkFilled: boolean;
}

/** Above this many coins the bulk is bought in the best-value package and the rest optimised. */
export const EXACT_LIMIT = 2_000_000;

function toCents(usd: string, what: string): number {
  const cents = decimal(usd, what).times(decimal("100"));
  if (!cents.eq(cents.round(0))) {
    throw new GiftCalcError("BAD_CONFIG", `${what} ${usd} is not a whole number of cents`);
  }
  return Number(cents.toFixed(0));
}

/** Price per coin as an exact fraction of cents: numerator / denominator. */
function centsFraction(usdPerCoin: string): { numerator: bigint; denominator: bigint } {
  const text = decimal(usdPerCoin, "custom price per coin").times(decimal("100")).toFixed();
  const dot = text.indexOf(".");
  if (dot === -1) return { numerator: BigInt(text), denominator: 1n };
  const scale = text.length - dot - 1;
  return { numerator: BigInt(text.replace(".", "")), denominator: 10n ** BigInt(scale) };
}

function customCents(coins: number, custom: { numerator: bigint; denominator: bigint }): number {
  const total = BigInt(coins) * custom.numerator;
  const cents = total / custom.denominator + (total % custom.denominator === 0n ? 0n : 1n);
  return Number(cents);
}

function centsText(cents: number): string {
  return decimal(cents).div(decimal("100")).toFixed(2);
}

function greatestCommonDivisor(a: number, b: number): number {
  return b === 0 ? a : greatestCommonDivisor(b, a % b);
}

/** The cheapest purchase of at least `wantedCoins` coins. Ties prefer fewer leftover coins. */
export function cheapestPurchase(store: CoinStore, wantedCoins: number): Purchase {
  if (!Number.isSafeInteger(wantedCoins) || wantedCoins < 0) {
    throw new GiftCalcError("BAD_NUMBER", `coins must be a whole number ≥ 0, got ${wantedCoins}`);
  }
  const packages = store.packages
    .map((entry) => ({ coins: entry.coins, cents: toCents(entry.usd, `${store.name} package price`) }))
    .filter((entry) => entry.coins > 0);
  if (packages.length === 0 && store.custom === undefined) {
    throw new GiftCalcError("BAD_CONFIG", `store "${store.name}" has no coin packages`);
  }
  const custom = store.custom
    ? { ...store.custom, price: centsFraction(store.custom.usdPerCoin) }
    : undefined;

  // Fill the bulk with the best-value package so the exact search stays bounded.
  const best = [...packages].sort((a, b) => a.cents * b.coins - b.cents * a.coins)[0];
  let bulkCount = 0;
  if (best && wantedCoins > EXACT_LIMIT) bulkCount = Math.floor((wantedCoins - EXACT_LIMIT) / best.coins);
  const rest = wantedCoins - bulkCount * (best?.coins ?? 0);

  const largest = packages.reduce((most, entry) => Math.max(most, entry.coins), 0);
  const limit = rest + largest;
  // Every sum of packages is a multiple of their greatest common divisor (70 coins on the web), so
  // only those amounts are searched: `unit` times less work, which start-up time notices.
  const unit = packages.reduce((divisor, entry) => greatestCommonDivisor(divisor, entry.coins), 0) || 1;
  const cells = Math.floor(limit / unit);
  // cost[k]: cheapest packages summing to exactly k × unit coins; via[k]: the last package used.
  const cost = new Float64Array(cells + 1).fill(Number.POSITIVE_INFINITY);
  const via = new Int16Array(cells + 1).fill(-1);
  cost[0] = 0;
  for (let k = 1; k <= cells; k++) {
    let bestCost = Number.POSITIVE_INFINITY;
    let bestIndex = -1;
    for (let index = 0; index < packages.length; index++) {
      const entry = packages[index];
      if (entry === undefined || entry.coins / unit > k) continue;
      const candidate = (cost[k - entry.coins / unit] ?? Number.POSITIVE_INFINITY) + entry.cents;
      if (candidate < bestCost) {
        bestCost = candidate;
        bestIndex = index;
      }
    }
    cost[k] = bestCost;
    via[k] = bestIndex;
  }
  const costOf = (coins: number) =>
    coins % unit === 0 ? (cost[coins / unit] ?? Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY;
  const firstMultiple = (coins: number) => Math.ceil(coins / unit) * unit;

  let bestTotal = Number.POSITIVE_INFINITY;
  let bestPackageCoins = -1;
  let bestCustomCoins = 0;
  const consider = (total: number, packageCoins: number, customCoins: number) => {
    const leftover = packageCoins + customCoins - rest;
    const bestLeftover = bestPackageCoins + bestCustomCoins - rest;
    if (total < bestTotal || (total === bestTotal && leftover < bestLeftover)) {
      bestTotal = total;
      bestPackageCoins = packageCoins;
      bestCustomCoins = customCoins;
    }
  };
  for (let x = firstMultiple(rest); x <= limit; x += unit) consider(costOf(x), x, 0);
  if (custom) {
    for (let x = firstMultiple(Math.max(0, rest - custom.maxCoins)); x < rest; x += unit) {
      const packagesCost = costOf(x);
      if (packagesCost === Number.POSITIVE_INFINITY) continue;
      const customCoins = Math.max(rest - x, custom.minCoins);
      if (customCoins > custom.maxCoins) continue;
      consider(packagesCost + customCents(customCoins, custom.price), x, customCoins);
    }
  }
  if (bestTotal === Number.POSITIVE_INFINITY) {
    throw new GiftCalcError("OUT_OF_RANGE", `store "${store.name}" cannot sell ${wantedCoins} coins`);
  }

  const counts = new Map<number, number>();
  if (best && bulkCount > 0) counts.set(packages.indexOf(best), bulkCount);
  for (let x = bestPackageCoins; x > 0; ) {
    const index = via[x / unit] ?? -1;
    const entry = packages[index];
    if (entry === undefined) break;
    counts.set(index, (counts.get(index) ?? 0) + 1);
    x -= entry.coins;
  }
  const lines: PurchaseLine[] = [...counts.entries()]
    .map(([index, quantity]) => {
      const entry = packages[index] as { coins: number; cents: number };
      return { kind: "package" as const, coins: entry.coins, usdEach: centsText(entry.cents), quantity };
    })
    .sort((a, b) => b.coins - a.coins);
  if (bestCustomCoins > 0 && custom) {
    lines.push({
      kind: "custom",
      coins: bestCustomCoins,
      usdEach: centsText(customCents(bestCustomCoins, custom.price)),
      quantity: 1,
    });
  }
  const totalCents = bestTotal + bulkCount * (best?.cents ?? 0);
  const coins = bestPackageCoins + bestCustomCoins + bulkCount * (best?.coins ?? 0);
  return {
    store: store.name,
    wantedCoins,
    lines,
    coins,
    usd: centsText(totalCents),
    leftoverCoins: coins - wantedCoins,
    isBulkFilled: bulkCount > 0,
  };
}

/** Price per coin of a purchase (exact when it terminates, else 40 places rounded down). */
export function pricePerCoin(purchase: Purchase): Decimal {
  return purchase.coins === 0 ? decimal("0") : decimal(purchase.usd).div(decimal(purchase.coins));
}
