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
  /**
   * True only for a store table so coarse that no exact search fits (beyond `EXACT_LIMIT` coins
   * and below the point where the bulk provably goes to the best-value package): the bulk was then
   * bought in the best-value package first, and the price may exceed the optimum slightly.
   */
  readonly isBulkFilled: boolean;
}

/** The table search keeps one byte per coin up to this many coins. */
export const EXACT_LIMIT = 50_000_000;

interface PricedPackage {
  readonly coins: number;
  readonly cents: number;
}

interface PricedCustom {
  readonly minCoins: number;
  readonly maxCoins: number;
  /** Cents per coin as an exact fraction. */
  readonly numerator: bigint;
  readonly denominator: bigint;
}

/** A chosen combination: how many of each package, the custom coins, and what it all costs. */
interface Choice {
  readonly counts: readonly number[];
  readonly customCoins: number;
  readonly cents: number;
}

function toCents(usd: string, what: string): number {
  const cents = decimal(usd, what).times(decimal("100"));
  if (!cents.eq(cents.round(0)) || cents.lt(decimal("0"))) {
    throw new GiftCalcError("BAD_CONFIG", `${what} ${usd} is not a whole number of cents`, {
      hint: 'write package prices as the store shows them, e.g. "0.74"',
    });
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

function customCents(coins: number, custom: PricedCustom): number {
  // Whole-number arithmetic in doubles is exact below 2^53 and much faster than bigint in the search.
  const numerator = Number(custom.numerator);
  const denominator = Number(custom.denominator);
  const product = coins * numerator;
  if (Number.isSafeInteger(product) && Number.isSafeInteger(denominator)) {
    const remainder = product % denominator;
    return (product - remainder) / denominator + (remainder === 0 ? 0 : 1);
  }
  const total = BigInt(coins) * custom.numerator;
  const cents = total / custom.denominator + (total % custom.denominator === 0n ? 0n : 1n);
  return Number(cents);
}

function centsText(cents: number): string {
  return decimal(cents).div(decimal("100")).toFixed(2);
}

/** Ties on price prefer fewer leftover coins. */
function isBetter(cents: number, leftover: number, bestCents: number, bestLeftover: number): boolean {
  return cents < bestCents || (cents === bestCents && leftover < bestLeftover);
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * Exact for any `wanted`: cheapest packages summing to exactly x for every x up to wanted + the
 * largest package (an optimum never needs more: dropping any package would still cover), plus at
 * most one custom amount topping up a package sum below `wanted`. Only multiples of the packages'
 * greatest common divisor are sums (70 on the web store), so the search steps by it. Costs live in
 * a ring buffer, the last package per step in one byte.
 */
function searchByTable(wanted: number, packages: readonly PricedPackage[], custom?: PricedCustom): Choice {
  const step = packages.reduce((divisor, entry) => gcd(divisor, entry.coins), 0) || 1;
  const sizes = packages.map((entry) => entry.coins / step);
  const largest = Math.max(0, ...sizes);
  const last = Math.floor(
    Math.min(wanted + largest * step, packageCoinsBound(wanted, packages, custom)) / step,
  );
  // Lookups reach back at most one package; the custom top-up reads only the current sum.
  const window = Math.min(last, largest) + 1;
  const cost = new Float64Array(window).fill(Number.POSITIVE_INFINITY);
  const via = packages.length < 128 ? new Int8Array(last + 1) : new Int16Array(last + 1);
  via.fill(-1);
  let bestCents = Number.POSITIVE_INFINITY;
  let bestLeftover = Number.POSITIVE_INFINITY;
  let bestPackageCoins = -1;
  let bestCustomCoins = 0;
  for (let at = 0; at <= last; at++) {
    const x = at * step;
    let cents = at === 0 ? 0 : Number.POSITIVE_INFINITY;
    for (let index = 0; index < sizes.length; index++) {
      const size = sizes[index] as number;
      if (size > at) continue;
      const candidate = (cost[(at - size) % window] as number) + (packages[index] as PricedPackage).cents;
      if (candidate < cents) {
        cents = candidate;
        via[at] = index;
      }
    }
    cost[at % window] = cents;
    if (cents === Number.POSITIVE_INFINITY) continue;
    if (x >= wanted) {
      if (isBetter(cents, x - wanted, bestCents, bestLeftover)) {
        [bestCents, bestLeftover, bestPackageCoins, bestCustomCoins] = [cents, x - wanted, x, 0];
      }
    } else if (custom && wanted - x <= custom.maxCoins) {
      const customCoins = Math.max(wanted - x, custom.minCoins);
      if (customCoins > custom.maxCoins) continue;
      const total = cents + customCents(customCoins, custom);
      const leftover = x + customCoins - wanted;
      if (isBetter(total, leftover, bestCents, bestLeftover)) {
        [bestCents, bestLeftover, bestPackageCoins, bestCustomCoins] = [total, leftover, x, customCoins];
      }
    }
  }
  if (bestPackageCoins < 0) return { counts: [], customCoins: 0, cents: Number.POSITIVE_INFINITY };
  const counts = packages.map(() => 0);
  for (let at = bestPackageCoins / step; at > 0; ) {
    const index = via[at] as number;
    counts[index] = (counts[index] ?? 0) + 1;
    at -= sizes[index] as number;
  }
  return { counts, customCoins: bestCustomCoins, cents: bestCents };
}

/**
 * The most package coins an optimum can hold: no dearer than buying one package kind only (or the
 * custom amount only), and every package coin costs at least the best value's price. Larger sums
 * cost more than that purchase, so the table search stops there with the same answer, ties
 * included (a few dozen sums instead of 16,500 for 2 coins in the app store).
 */
function packageCoinsBound(
  wanted: number,
  packages: readonly PricedPackage[],
  custom?: PricedCustom,
): number {
  const base = packages[bestValueIndex(packages)];
  if (base === undefined) return 0;
  let feasible = Number.POSITIVE_INFINITY;
  for (const entry of packages) feasible = Math.min(feasible, Math.ceil(wanted / entry.coins) * entry.cents);
  if (custom && wanted <= custom.maxCoins) {
    feasible = Math.min(feasible, customCents(Math.max(wanted, custom.minCoins), custom));
  }
  // Rounding could only raise the bound, unless the product is beyond exact integers.
  const scaled = feasible * base.coins;
  return base.cents > 0 && Number.isSafeInteger(scaled)
    ? Math.floor(scaled / base.cents)
    : Number.POSITIVE_INFINITY;
}

/** The package with the lowest price per coin (the smallest such on a tie). */
function bestValueIndex(packages: readonly PricedPackage[]): number {
  let best = 0;
  for (let index = 1; index < packages.length; index++) {
    const entry = packages[index] as PricedPackage;
    const current = packages[best] as PricedPackage;
    const left = BigInt(entry.cents) * BigInt(current.coins);
    const right = BigInt(current.cents) * BigInt(entry.coins);
    if (left < right || (left === right && entry.coins < current.coins)) best = index;
  }
  return best;
}

/**
 * Above this many coins an optimum exists that buys everything beyond a bounded remainder in the
 * best-value package (m coins): any m other packages contain a subset whose coins are a multiple
 * of m, which m-packs replace at no extra cost, so fewer than m others remain; a custom amount
 * adds at most its maximum.
 */
function residueBound(packages: readonly PricedPackage[], baseIndex: number, custom?: PricedCustom): number {
  const base = packages[baseIndex] as PricedPackage;
  const largestOther = packages.reduce(
    (most, entry, index) => (index === baseIndex ? most : Math.max(most, entry.coins)),
    0,
  );
  return (base.coins - 1) * largestOther + (custom?.maxCoins ?? 0) + 1;
}

/** The custom amounts an optimum can use once the bulk goes to the base package. */
function customCandidates(base: PricedPackage, custom: PricedCustom | undefined): number[] {
  if (custom === undefined) return [0];
  const isCheaperThanBase = custom.numerator * BigInt(base.coins) < BigInt(base.cents) * custom.denominator;
  // Cheaper: a base pack swapped for m more custom coins never costs more, so the custom amount is
  // within one pack of its maximum. Not cheaper: m custom coins swapped for a base pack never cost
  // more, so it is within one pack of its minimum.
  const low = isCheaperThanBase
    ? Math.max(custom.minCoins, custom.maxCoins - base.coins + 1)
    : custom.minCoins;
  const high = isCheaperThanBase
    ? custom.maxCoins
    : Math.min(custom.maxCoins, custom.minCoins + base.coins - 1);
  const candidates = [0];
  for (let coins = low; coins <= high; coins++) candidates.push(coins);
  return candidates;
}

/**
 * Exact for `wanted` ≥ `residueBound`: the other packages only matter through their coins modulo
 * m (the base package's coins), so a shortest-path search over the m residues (Dijkstra, with
 * weights m × cents − coins × base cents ≥ 0) finds the cheapest remainder for each residue; the
 * base package fills the rest.
 */
function searchByResidue(
  wanted: number,
  packages: readonly PricedPackage[],
  baseIndex: number,
  custom?: PricedCustom,
): Choice {
  const base = packages[baseIndex] as PricedPackage;
  const m = base.coins;
  const distance = new Float64Array(m).fill(Number.POSITIVE_INFINITY);
  const parent = new Int32Array(m).fill(-1);
  const parentPackage = new Int32Array(m).fill(-1);
  const isDone = new Uint8Array(m);
  distance[0] = 0;
  // Weights per package (the base's own is skipped); plain loops, as this runs cold at start-up.
  const weights = packages.map((entry) => m * entry.cents - entry.coins * base.cents);
  const heap = new MinHeap();
  heap.push(0, 0);
  for (let residue = heap.pop(); residue >= 0; residue = heap.pop()) {
    if (isDone[residue]) continue;
    isDone[residue] = 1;
    const here = distance[residue] as number;
    for (let index = 0; index < packages.length; index++) {
      if (index === baseIndex) continue;
      const next = (residue + (packages[index] as PricedPackage).coins) % m;
      const reached = here + (weights[index] as number);
      if (reached < (distance[next] as number)) {
        distance[next] = reached;
        parent[next] = residue;
        parentPackage[next] = index;
        heap.push(reached, next);
      }
    }
  }

  const countsOf = (residue: number): number[] => {
    const counts = packages.map(() => 0);
    for (let at = residue; at !== 0; at = parent[at] as number) {
      const index = parentPackage[at] as number;
      counts[index] = (counts[index] ?? 0) + 1;
    }
    return counts;
  };
  const candidates = customCandidates(base, custom);
  let best: { residue: number; customCoins: number; cents: number; leftover: number } | undefined;
  for (let residue = 0; residue < m; residue++) {
    const reached = distance[residue] as number;
    if (reached === Number.POSITIVE_INFINITY) continue;
    // m × (cost of the others − base cents per whole m of their coins); exact in integers.
    const reducedCents = (reached + residue * base.cents) / m;
    for (const customCoins of candidates) {
      const packs = Math.ceil((wanted - customCoins - residue) / m);
      const cents =
        reducedCents +
        (custom && customCoins > 0 ? customCents(customCoins, custom) : 0) +
        packs * base.cents;
      const leftover = residue + customCoins + packs * m - wanted;
      if (best === undefined || isBetter(cents, leftover, best.cents, best.leftover)) {
        best = { residue, customCoins, cents, leftover };
      }
    }
  }
  if (best === undefined) return { counts: [], customCoins: 0, cents: Number.POSITIVE_INFINITY };
  const counts = countsOf(best.residue);
  const otherCoins = counts.reduce(
    (sum, count, index) => sum + count * (packages[index] as PricedPackage).coins,
    0,
  );
  counts[baseIndex] = Math.ceil((wanted - best.customCoins - otherCoins) / m);
  return { counts, customCoins: best.customCoins, cents: best.cents };
}

/** A binary min-heap of (priority, key) pairs, enough for Dijkstra over residues; keys are ≥ 0. */
class MinHeap {
  private readonly priorities: number[] = [];
  private readonly keys: number[] = [];

  push(priority: number, key: number): void {
    const { priorities, keys } = this;
    let at = priorities.length;
    priorities.push(priority);
    keys.push(key);
    while (at > 0) {
      const up = (at - 1) >> 1;
      if ((priorities[up] as number) <= priority) break;
      this.swap(at, up);
      at = up;
    }
  }

  /** The key of least priority, removed; -1 when empty. */
  pop(): number {
    const { priorities, keys } = this;
    const top = keys[0];
    if (top === undefined) return -1;
    const lastPriority = priorities.pop() as number;
    const lastKey = keys.pop() as number;
    if (keys.length === 0) return top;
    priorities[0] = lastPriority;
    keys[0] = lastKey;
    for (let at = 0; ; ) {
      const left = 2 * at + 1;
      const right = left + 1;
      let least = at;
      if (left < keys.length && (priorities[left] as number) < (priorities[least] as number)) least = left;
      if (right < keys.length && (priorities[right] as number) < (priorities[least] as number)) least = right;
      if (least === at) break;
      this.swap(at, least);
      at = least;
    }
    return top;
  }

  private swap(a: number, b: number): void {
    const { priorities, keys } = this;
    const priority = priorities[a] as number;
    priorities[a] = priorities[b] as number;
    priorities[b] = priority;
    const key = keys[a] as number;
    keys[a] = keys[b] as number;
    keys[b] = key;
  }
}

/**
 * The cheapest purchase of at least `wantedCoins` coins, exact: a residue search where the
 * best-value package provably takes the bulk (or where its answer is feasible anyway), else a
 * table search. Ties prefer fewer leftover coins.
 */
export function cheapestPurchase(store: CoinStore, wantedCoins: number): Purchase {
  if (!Number.isSafeInteger(wantedCoins) || wantedCoins < 0) {
    throw new GiftCalcError("BAD_NUMBER", `coins must be a whole number ≥ 0, got ${wantedCoins}`);
  }
  const packages: PricedPackage[] = store.packages
    .filter((entry) => Number.isSafeInteger(entry.coins) && entry.coins > 0)
    .map((entry) => ({ coins: entry.coins, cents: toCents(entry.usd, `${store.name} package price`) }));
  if (packages.length === 0 && store.custom === undefined) {
    throw new GiftCalcError("BAD_CONFIG", `store "${store.name}" has no coin packages`, {
      hint: "list its packages under stores: in gift-calc.yaml",
    });
  }
  const custom: PricedCustom | undefined = store.custom && {
    minCoins: store.custom.minCoins,
    maxCoins: store.custom.maxCoins,
    ...centsFraction(store.custom.usdPerCoin),
  };

  let choice: Choice;
  let bulk = 0;
  const baseIndex = bestValueIndex(packages);
  const base = packages[baseIndex];
  if (base !== undefined && wantedCoins >= residueBound(packages, baseIndex, custom)) {
    choice = searchByResidue(wantedCoins, packages, baseIndex, custom);
  } else {
    // Below the bound the residue search still gives a lower bound for every residue (any purchase
    // in a residue class costs at least its reduced cost plus base packs for the coins); when its
    // best answer needs no negative number of base packs, it is the optimum, found without a
    // table. The custom amount's candidates assume base packs to trade, so stores with one skip it.
    const quick =
      custom === undefined && base !== undefined
        ? searchByResidue(wantedCoins, packages, baseIndex)
        : undefined;
    if (quick && (quick.counts[baseIndex] ?? -1) >= 0 && quick.cents !== Number.POSITIVE_INFINITY) {
      choice = quick;
    } else {
      // Only a coarse custom table can get here above the limit; fill the bulk first, and say so.
      if (base !== undefined && wantedCoins > EXACT_LIMIT)
        bulk = Math.floor((wantedCoins - EXACT_LIMIT) / base.coins);
      choice = searchByTable(wantedCoins - bulk * (base?.coins ?? 0), packages, custom);
    }
  }
  if (choice.cents === Number.POSITIVE_INFINITY) {
    throw new GiftCalcError("OUT_OF_RANGE", `store "${store.name}" cannot sell ${wantedCoins} coins`, {
      hint: "check the store's packages under stores: in gift-calc.yaml",
    });
  }

  const lines: PurchaseLine[] = [];
  let coins = choice.customCoins;
  let cents = choice.cents;
  packages.forEach((entry, index) => {
    const quantity = (choice.counts[index] ?? 0) + (index === baseIndex ? bulk : 0);
    if (quantity === 0) return;
    lines.push({ kind: "package", coins: entry.coins, usdEach: centsText(entry.cents), quantity });
    coins += quantity * entry.coins;
  });
  if (bulk > 0 && base) cents += bulk * base.cents;
  lines.sort((a, b) => b.coins - a.coins);
  if (choice.customCoins > 0 && custom) {
    lines.push({
      kind: "custom",
      coins: choice.customCoins,
      usdEach: centsText(customCents(choice.customCoins, custom)),
      quantity: 1,
    });
  }
  return {
    store: store.name,
    wantedCoins,
    lines,
    coins,
    usd: centsText(cents),
    leftoverCoins: coins - wantedCoins,
    isBulkFilled: bulk > 0,
  };
}

/** Price per coin of a purchase (exact when it terminates, else 40 places rounded down). */
export function pricePerCoin(purchase: Purchase): Decimal {
  return purchase.coins === 0 ? decimal("0") : decimal(purchase.usd).div(decimal(purchase.coins));
}

export const COINS_SCHEMA = "gift-calc.coins/1";

/** A purchase as the `coins` command reports it: lines with their totals, price per coin, the table used. */
export interface CoinsQuote {
  readonly schema: typeof COINS_SCHEMA;
  readonly store: string;
  readonly wantedCoins: number;
  readonly lines: readonly (PurchaseLine & { readonly usd: string })[];
  readonly coins: number;
  readonly usd: string;
  /** Exact when it terminates within 10 places, else rounded down to 10. */
  readonly usdPerCoin: string;
  readonly leftoverCoins: number;
  /** False only for a bulk-filled purchase (see `Purchase.isBulkFilled`). */
  readonly isExact: boolean;
  readonly assumptions: Record<string, string>;
}

/** The store's table as assumption text. */
export function describeStore(store: CoinStore): Record<string, string> {
  return {
    store: store.name,
    packages: store.packages.map((entry) => `${entry.coins} = $${entry.usd}`).join(", "),
    custom:
      store.custom === undefined
        ? "none"
        : `${store.custom.minCoins}–${store.custom.maxCoins} coins at $${store.custom.usdPerCoin} a coin, rounded up to the cent`,
    optimisation:
      "exact: the cheapest combination of packages (and one custom amount) giving at least N coins",
  };
}

/** The cheapest way to buy at least `wantedCoins` coins in `store`, ready to report. */
export function quoteCoins(store: CoinStore, wantedCoins: number): CoinsQuote {
  const purchase = cheapestPurchase(store, wantedCoins);
  const perCoin = pricePerCoin(purchase);
  return {
    schema: COINS_SCHEMA,
    store: purchase.store,
    wantedCoins,
    lines: purchase.lines.map((line) => ({
      ...line,
      usd: decimal(line.usdEach).times(decimal(line.quantity)).toFixed(2),
    })),
    coins: purchase.coins,
    usd: purchase.usd,
    usdPerCoin: perCoin.round(10, 0).toFixed(),
    leftoverCoins: purchase.leftoverCoins,
    isExact: !purchase.isBulkFilled,
    assumptions: describeStore(store),
  };
}
