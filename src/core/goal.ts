/**
 * The reverse of the chain: the fewest coins whose payout reaches a goal, and what that takes in
 * gifts and in viewer spend. The answer is an exact minimum: one coin less falls short.
 *
 * The net is not monotone in coins: a fixed fee per withdrawal makes it drop by that fee each time
 * the wallet crosses a multiple of the daily cap. Within one such segment (k withdrawals) it is
 * monotone, and the best net a segment can give is its value at k × cap, so the first segment that
 * can reach the goal is known from the inverse of the chain; a binary search on whole coins, checked
 * with the forward `payoutChain`, then finds the minimum inside it.
 */
import type { Catalog, Gift } from "./catalog.js";
import { coinsToDiamonds, coinsToUsd } from "./chain.js";
import { type CoinStore, cheapestPurchase } from "./coin-shop.js";
import { describeAssumptions, type EarningsModel } from "./model.js";
import {
  ceilQuotient,
  type Decimal,
  decimal,
  floorToInteger,
  ONE,
  roundDown,
  toMoneyText,
  toText,
  ZERO,
} from "./money.js";
import { type Payout, payoutChain } from "./payout.js";
import { checkWithdrawal, type WithdrawalCheck } from "./withdrawal.js";

export const GOAL_SCHEMA = "gift-calc.goal/1";

/** Rose, Finger Heart, Lion and TikTok Universe: the gifts a goal is shown in by default. */
export const DEFAULT_GOAL_GIFT_IDS: readonly number[] = [5655, 5487, 6369, 9072];

export interface GoalInput {
  /** The goal in the model's currency, a positive decimal. */
  readonly amount: Decimal;
  /** True: the goal is the wallet value before any deduction; false: the net after all of them. */
  readonly isGross: boolean;
  readonly gifts: readonly Gift[];
}

export interface GoalContext {
  readonly model: EarningsModel;
  readonly stores: Readonly<Record<string, CoinStore>>;
}

export interface GoalGift {
  readonly gift: string;
  readonly giftId: number;
  readonly coinsEach: number;
  /** The fewest of this gift whose coins reach the coin minimum. */
  readonly count: number;
  readonly coins: number;
}

/** Why no number of coins reaches the goal; codes are stable, messages are for people. */
export interface Unreachable {
  readonly code: "AGENCY_TAKES_ALL" | "FEES_TAKE_ALL" | "TAX_TAKES_ALL" | "TOO_LARGE";
  readonly message: string;
}

export interface Goal {
  readonly schema: typeof GOAL_SCHEMA;
  readonly goal: { readonly amount: string; readonly currency: string; readonly basis: "net" | "gross" };
  readonly reachable: boolean;
  readonly unreachable: Unreachable | null;
  /** The fewest coins reaching the goal (null when unreachable). */
  readonly coins: number | null;
  readonly diamonds: string | null;
  readonly walletUsd: string | null;
  /** What the minimum gives, in the currency, rounded down; and what one coin less gives. */
  readonly reached: string | null;
  readonly oneCoinLess: string | null;
  readonly payout: Payout | null;
  readonly withdrawal: WithdrawalCheck | null;
  readonly gifts: readonly GoalGift[];
  /** What the viewers pay for the coin minimum, per store, in US dollars. */
  readonly viewerSpend: Readonly<Record<string, string>>;
  readonly assumptions: Record<string, string | number>;
}

/** The amount `coins` give under the goal's basis, rounded down to the currency's minor unit. */
export function goalValue(coins: bigint, isGross: boolean, model: EarningsModel): Decimal {
  const walletUsd = coinsToUsd(decimal(coins), model);
  if (isGross) return roundDown(walletUsd.times(model.currency.perUsd), model.currency.digits);
  return decimal(payoutChain(walletUsd, model).net);
}

/** The fewest coins in [low, high] meeting `reaches`, which is monotone there; null if none. */
function firstReaching(low: bigint, high: bigint, reaches: (coins: bigint) => boolean): bigint | null {
  if (low > high || !reaches(high)) return null;
  let [lo, hi] = [low, high];
  while (lo < hi) {
    const middle = (lo + hi) / 2n;
    if (reaches(middle)) hi = middle;
    else lo = middle + 1n;
  }
  return lo;
}

function unreachableReason(model: EarningsModel): Unreachable | null {
  if (model.agencyRate.gte(ONE)) {
    return {
      code: "AGENCY_TAKES_ALL",
      message: "the agency cut is 100%, so nothing is left to reach a net goal",
    };
  }
  if (model.taxRate.gte(ONE)) {
    return {
      code: "TAX_TAKES_ALL",
      message: "the tax reserve is 100%, so nothing is left to reach a net goal",
    };
  }
  // What one full withdrawal keeps after the agency and the fees; if nothing, no wallet is enough.
  const keptPerWithdrawal = model.withdrawal.maximumUsdPerDay
    .times(ONE.minus(model.agencyRate))
    .times(ONE.minus(model.payoutMethod.percent.div(decimal("100"))))
    .minus(model.payoutMethod.fixedUsd);
  if (keptPerWithdrawal.lte(ZERO)) {
    return {
      code: "FEES_TAKE_ALL",
      message: `the ${model.payoutMethod.name} fees take a whole day's withdrawal, so no balance nets anything`,
    };
  }
  return null;
}

/**
 * The goal on the currency's grid: a rounded-down amount reaches `amount` exactly when the exact
 * amount reaches this (¥1,000.5 needs ¥1,001).
 */
function onCurrencyGrid(amount: Decimal, digits: number): Decimal {
  const down = roundDown(amount, digits);
  return down.eq(amount) ? down : down.plus(ONE.div(decimal(10 ** digits)));
}

/** Fewest coins whose wallet value, in the currency and rounded down, reaches `target` (on the grid). */
function grossMinimum(target: Decimal, model: EarningsModel): bigint {
  const perCoin = model.diamondsPerCoin.times(model.usdPerDiamond).times(model.currency.perUsd);
  return ceilQuotient(target, perCoin);
}

/** Fewest coins whose net (every deduction, rounded down) reaches `amount`; null if none can. */
function netMinimum(target: Decimal, model: EarningsModel): bigint | null {
  const cap = model.withdrawal.maximumUsdPerDay;
  const usdPerCoin = model.diamondsPerCoin.times(model.usdPerDiamond);
  const keepRate = ONE.minus(model.agencyRate).times(
    ONE.minus(model.payoutMethod.percent.div(decimal("100"))),
  );
  const toCurrency = ONE.minus(model.taxRate).times(model.currency.perUsd);
  // Segment k (k withdrawals) nets at most (k × cap × keepRate − k × fixed) × toCurrency, so the
  // first segment that can reach the goal is the smallest k with k × perSegment ≥ amount.
  const perSegment = cap.times(keepRate).minus(model.payoutMethod.fixedUsd).times(toCurrency);
  const firstSegment = ceilQuotient(target, perSegment);
  const reaches = (coins: bigint) => goalValue(coins, false, model).gte(target);
  // Whole coins rarely land exactly on a segment's end, so a later segment may be the first to
  // reach; each one nets more than the last at its end, so the search soon stops.
  for (let k = firstSegment > 1n ? firstSegment - 1n : 1n; k <= firstSegment + 1000n; k++) {
    const low = floorToInteger(cap.times(decimal(k - 1n)).div(usdPerCoin)) + 1n;
    const high = floorToInteger(cap.times(decimal(k)).div(usdPerCoin));
    const found = firstReaching(low, high, reaches);
    if (found !== null) return found;
  }
  return null;
}

/** The fewest of `gift` whose coins reach `coins`. */
function giftsFor(gift: Gift, coins: bigint): GoalGift {
  const count = ceilQuotient(decimal(coins), decimal(gift.coins));
  return {
    gift: gift.name,
    giftId: gift.id,
    coinsEach: gift.coins,
    count: Number(count),
    coins: Number(count * BigInt(gift.coins)),
  };
}

/** The default gifts a goal is shown in: those of `DEFAULT_GOAL_GIFT_IDS` the catalog has, active. */
export function defaultGoalGifts(catalog: Catalog): Gift[] {
  return DEFAULT_GOAL_GIFT_IDS.map((id) => catalog.byId.get(id)).filter(
    (gift): gift is Gift => gift !== undefined && gift.retired === undefined,
  );
}

/** The exact minimum of coins (and diamonds, gifts, viewer spend) reaching a goal. */
export function goal(input: GoalInput, context: GoalContext): Goal {
  const { model } = context;
  const { amount, isGross } = input;
  const base = {
    schema: GOAL_SCHEMA,
    goal: { amount: toText(amount), currency: model.currency.code, basis: isGross ? "gross" : "net" },
    assumptions: describeAssumptions(model),
  } as const;
  let unreachable = isGross ? null : unreachableReason(model);
  let minimum: bigint | null = null;
  if (unreachable === null) {
    const target = onCurrencyGrid(amount, model.currency.digits);
    minimum = amount.lte(ZERO) ? 0n : isGross ? grossMinimum(target, model) : netMinimum(target, model);
    if (minimum !== null && minimum > BigInt(Number.MAX_SAFE_INTEGER)) {
      unreachable = { code: "TOO_LARGE", message: "the goal needs more coins than can be counted exactly" };
    }
  }
  if (unreachable !== null || minimum === null) {
    return {
      ...base,
      reachable: false,
      unreachable: unreachable ?? {
        code: "TOO_LARGE",
        message: "no balance within a thousand withdrawals of the estimate nets this amount",
      },
      coins: null,
      diamonds: null,
      walletUsd: null,
      reached: null,
      oneCoinLess: null,
      payout: null,
      withdrawal: null,
      gifts: [],
      viewerSpend: {},
    };
  }
  const coins = decimal(minimum);
  const walletUsd = coinsToUsd(coins, model);
  const viewerSpend: Record<string, string> = {};
  for (const [name, store] of Object.entries(context.stores)) {
    viewerSpend[name] = cheapestPurchase(store, Number(minimum)).usd;
  }
  return {
    ...base,
    reachable: true,
    unreachable: null,
    coins: Number(minimum),
    diamonds: toText(coinsToDiamonds(coins, model)),
    walletUsd: toText(walletUsd),
    reached: toMoneyText(goalValue(minimum, isGross, model), model.currency.digits),
    oneCoinLess:
      minimum > 0n ? toMoneyText(goalValue(minimum - 1n, isGross, model), model.currency.digits) : null,
    payout: payoutChain(walletUsd, model),
    withdrawal: checkWithdrawal(walletUsd, model),
    gifts: input.gifts.map((gift) => giftsFor(gift, minimum)),
    viewerSpend,
  };
}
