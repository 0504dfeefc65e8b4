/**
 * Steps 1–3 of the earnings chain: gifts → coins → diamonds → wallet US dollars.
 */
import type { EarningsModel } from "./model.js";
import { ceilQuotient, type Decimal, decimal } from "./money.js";

/** Step 1: a gift count at a price in coins. */
export function giftsToCoins(count: number, coinsEach: number): Decimal {
  return decimal(count, "gift count").times(decimal(coinsEach, "coins"));
}

/** Step 2: coins → diamonds at `diamondsPerCoin`. */
export function coinsToDiamonds(coins: Decimal, model: EarningsModel): Decimal {
  return coins.times(model.diamondsPerCoin);
}

/** Step 3: diamonds → wallet US dollars at `usdPerDiamond`. */
export function diamondsToUsd(diamonds: Decimal, model: EarningsModel): Decimal {
  return diamonds.times(model.usdPerDiamond);
}

export function coinsToUsd(coins: Decimal, model: EarningsModel): Decimal {
  return diamondsToUsd(coinsToDiamonds(coins, model), model);
}

/** Fewest whole coins whose wallet value reaches `usd` (0 when `usd` ≤ 0). */
export function coinsForUsd(usd: Decimal, model: EarningsModel): bigint {
  if (usd.lte(decimal("0"))) return 0n;
  return ceilQuotient(usd, model.diamondsPerCoin.times(model.usdPerDiamond));
}

/** Fewest whole diamonds whose wallet value reaches `usd` (0 when `usd` ≤ 0). */
export function diamondsForUsd(usd: Decimal, model: EarningsModel): bigint {
  if (usd.lte(decimal("0"))) return 0n;
  return ceilQuotient(usd, model.usdPerDiamond);
}
