/**
 * The main job: gifts (and raw coins or diamonds) through the whole earnings chain, with the
 * withdrawal check, what the gifts cost the viewers, and the assumptions behind every figure.
 */
import { GiftCalcError } from "../errors.js";
import { type Catalog, findGift, type Gift } from "./catalog.js";
import { coinsToDiamonds, diamondsToUsd, giftsToCoins } from "./chain.js";
import { type CoinStore, cheapestPurchase } from "./coin-shop.js";
import type { LogAudit } from "./log/count.js";
import type { LogGroups } from "./log/group.js";
import { describeAssumptions, type EarningsModel } from "./model.js";
import { type Decimal, decimal, toText, ZERO } from "./money.js";
import { type Payout, payoutChain } from "./payout.js";
import type { Tally } from "./tally.js";
import { checkWithdrawal, type WithdrawalCheck } from "./withdrawal.js";

export const ESTIMATE_SCHEMA = "gift-calc.estimate/1";

/** A gift counted, from a tally or a log, with the price it is counted at. */
export interface CountedGift {
  readonly gift: string;
  /** Null for raw coins (`--coins`) and for log rows that name no id. */
  readonly giftId: number | null;
  readonly count: number;
  readonly coinsEach: number;
}

export interface EstimateInput {
  readonly gifts: readonly CountedGift[];
  /** Raw coins (`--coins`), counted after the gifts. */
  readonly coins?: number;
  /** Raw diamonds (`--diamonds`), added after step 2. */
  readonly diamonds?: string;
  /** Wallet balance already there, added before the withdrawal check. */
  readonly balanceUsd?: string;
}

export interface EstimateLine {
  readonly gift: string;
  readonly giftId: number | null;
  readonly count: number;
  readonly coinsEach: number;
  readonly coins: number;
  readonly diamonds: string;
  readonly walletUsd: string;
}

export interface Estimate {
  readonly schema: typeof ESTIMATE_SCHEMA;
  readonly lines: readonly EstimateLine[];
  readonly totals: {
    readonly coins: number;
    readonly diamonds: string;
    readonly walletUsd: string;
    readonly balanceUsd: string;
  };
  readonly payout: Payout;
  readonly withdrawal: WithdrawalCheck;
  /** What the counted coins cost the viewers, per store, in US dollars. */
  readonly viewerSpend: Readonly<Record<string, string>>;
  readonly assumptions: Record<string, string | number>;
  /** For stream logs: where every row went (SPEC §3). */
  readonly audit?: LogAudit;
  /** For stream logs with `--by`: the counted gifts grouped. */
  readonly groups?: LogGroups;
}

export interface EstimateContext {
  readonly model: EarningsModel;
  readonly stores: Readonly<Record<string, CoinStore>>;
  /** The gift shortfalls are also expressed in (Rose when the catalog has it). */
  readonly referenceGift?: Gift;
}

/** Tallies priced from the catalog; equal gifts are merged, in first-seen order. */
export function countTallies(catalog: Catalog, tallies: readonly Tally[]): CountedGift[] {
  const byId = new Map<number, CountedGift>();
  for (const tally of tallies) {
    const gift = findTalliedGift(catalog, tally);
    const seen = byId.get(gift.id);
    byId.set(gift.id, {
      gift: gift.name,
      giftId: gift.id,
      count: (seen?.count ?? 0) + tally.count,
      coinsEach: gift.coins,
    });
  }
  return [...byId.values()];
}

/** `findGift`, with the tally's place in its file (if any) in front of an error about it. */
function findTalliedGift(catalog: Catalog, tally: Tally): Gift {
  try {
    return findGift(catalog, tally.gift);
  } catch (error) {
    if (tally.origin === undefined || !(error instanceof GiftCalcError)) throw error;
    throw new GiftCalcError(error.code, `${tally.origin}: ${error.message}`, {
      ...(error.hint === undefined ? {} : { hint: error.hint }),
      exitCode: error.exitCode,
    });
  }
}

/** Rose (id 5655), the usual unit for "how many more". */
export function referenceGiftOf(catalog: Catalog): Gift | undefined {
  return catalog.byId.get(5655) ?? catalog.byName.get("rose")?.[0];
}

/** Coins as a JSON number, refused (not silently rounded) beyond what a number holds exactly. */
function coinCount(coins: Decimal): number {
  const count = Number(coins.toFixed(0));
  if (!Number.isSafeInteger(count)) {
    throw new GiftCalcError(
      "OUT_OF_RANGE",
      `${toText(coins)} coins is more than gift-calc counts exactly (${Number.MAX_SAFE_INTEGER})`,
      { hint: "check the counts" },
    );
  }
  return count;
}

function lineOf(gift: CountedGift, model: EarningsModel): { line: EstimateLine; coins: Decimal } {
  const coins = giftsToCoins(gift.count, gift.coinsEach);
  const diamonds = coinsToDiamonds(coins, model);
  return {
    coins,
    line: {
      gift: gift.gift,
      giftId: gift.giftId,
      count: gift.count,
      coinsEach: gift.coinsEach,
      coins: coinCount(coins),
      diamonds: toText(diamonds),
      walletUsd: toText(diamondsToUsd(diamonds, model)),
    },
  };
}

export function estimate(input: EstimateInput, context: EstimateContext): Estimate {
  const { model } = context;
  const lines: EstimateLine[] = [];
  let coins = ZERO;
  for (const gift of input.gifts) {
    const { line, coins: lineCoins } = lineOf(gift, model);
    lines.push(line);
    coins = coins.plus(lineCoins);
  }
  if (input.coins !== undefined) {
    const { line, coins: rawCoins } = lineOf(
      { gift: "coins", giftId: null, count: input.coins, coinsEach: 1 },
      model,
    );
    lines.push(line);
    coins = coins.plus(rawCoins);
  }
  let diamonds = coinsToDiamonds(coins, model);
  if (input.diamonds !== undefined) {
    const raw = decimal(input.diamonds, "--diamonds");
    lines.push({
      gift: "diamonds",
      giftId: null,
      count: 0,
      coinsEach: 0,
      coins: 0,
      diamonds: toText(raw),
      walletUsd: toText(diamondsToUsd(raw, model)),
    });
    diamonds = diamonds.plus(raw);
  }
  const walletUsd = diamondsToUsd(diamonds, model);
  const balanceUsd = decimal(input.balanceUsd ?? "0", "--balance-usd");
  const heldUsd = walletUsd.plus(balanceUsd);
  const totalCoins = coinCount(coins);

  const viewerSpend: Record<string, string> = {};
  for (const [name, store] of Object.entries(context.stores)) {
    viewerSpend[name] = cheapestPurchase(store, totalCoins).usd;
  }
  return {
    schema: ESTIMATE_SCHEMA,
    lines,
    totals: {
      coins: totalCoins,
      diamonds: toText(diamonds),
      walletUsd: toText(walletUsd),
      balanceUsd: toText(balanceUsd),
    },
    payout: payoutChain(heldUsd, model),
    withdrawal: checkWithdrawal(heldUsd, model, context.referenceGift),
    viewerSpend,
    assumptions: describeAssumptions(model),
  };
}
