/**
 * A cash-out plan for a wallet balance: one withdrawal a calendar day under the daily cap, each
 * one's fee and net, and the date by which the money arrives.
 *
 * The minimum: TikTok states a minimum balance to withdraw, without saying whether a final small
 * remainder may go out on its own. The plan keeps every withdrawal at or above the minimum, which
 * satisfies either reading: a remainder below it is paired with the day before (…, $950, $100
 * instead of …, $1,000, $50), which takes no extra day; only when the cap is too small for that
 * does the remainder stay in the wallet, and the plan says so.
 */
import { GiftCalcError } from "../errors.js";
import { describeAssumptions, type EarningsModel } from "./model.js";
import { type Decimal, decimal, min, toMoneyText, toText, ZERO } from "./money.js";
import { payoutChain } from "./payout.js";
import { checkWithdrawal, type WithdrawalCheck } from "./withdrawal.js";

export const WITHDRAW_SCHEMA = "gift-calc.withdraw/1";

/** How the withdrawal minimum is applied, stated in every plan. */
export const MINIMUM_RULE =
  "every withdrawal is at least the minimum: a smaller last remainder is paired with the day before";

export interface PlannedWithdrawal {
  /** 1-based. */
  readonly number: number;
  /** Calendar date, YYYY-MM-DD. */
  readonly date: string;
  readonly usd: string;
  readonly agencyUsd: string;
  readonly feeUsd: string;
  readonly taxUsd: string;
  /** In the currency, exact, and rounded down to its minor unit. */
  readonly netExact: string;
  readonly net: string;
}

export interface WithdrawalPlan {
  readonly schema: typeof WITHDRAW_SCHEMA;
  readonly balanceUsd: string;
  /** The diamonds the balance was given in (`--diamonds`), else null. */
  readonly balanceDiamonds: string | null;
  readonly withdrawal: WithdrawalCheck;
  readonly rule: string;
  readonly start: string;
  readonly withdrawals: readonly PlannedWithdrawal[];
  readonly totals: {
    readonly withdrawals: number;
    readonly days: number;
    readonly usd: string;
    readonly agencyUsd: string;
    readonly feeUsd: string;
    readonly taxUsd: string;
    readonly currency: string;
    readonly netExact: string;
    /** Rounded down once, from the exact sum. */
    readonly net: string;
    /** Below the minimum and not pairable under the cap: stays in the wallet. */
    readonly keptInWalletUsd: string;
  };
  readonly fee: { readonly method: string; readonly percent: string; readonly fixedUsd: string };
  /** The last withdrawal's date, and that date plus the processing days; null when not eligible. */
  readonly lastWithdrawal: string | null;
  readonly arrivesBy: string | null;
  readonly assumptions: Record<string, string | number>;
}

const DAY_MS = 86_400_000;

/** A strict calendar date YYYY-MM-DD (a real day: no 2025-02-29), as days since 1970-01-01. */
export function parseCalendarDate(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const time = Date.UTC(year, month - 1, day);
  const back = new Date(time);
  if (
    !match ||
    back.getUTCFullYear() !== year ||
    back.getUTCMonth() !== month - 1 ||
    back.getUTCDate() !== day ||
    year < 1970
  ) {
    throw new GiftCalcError("BAD_OPTION", `"${text}" is not a calendar date`, {
      hint: "write dates as YYYY-MM-DD, e.g. --start 2026-03-01",
    });
  }
  return time / DAY_MS;
}

/** Days since 1970-01-01 as YYYY-MM-DD. */
export function calendarDate(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

/** The amounts to withdraw, a day each, in order; and what has to stay in the wallet. */
export function splitBalance(
  balanceUsd: Decimal,
  model: EarningsModel,
): { amounts: Decimal[]; keptUsd: Decimal } {
  const { minimumUsd, maximumUsdPerDay: cap } = model.withdrawal;
  if (cap.lt(minimumUsd)) {
    throw new GiftCalcError("BAD_CONFIG", "withdrawal.maximumUsdPerDay is below withdrawal.minimumUsd", {
      hint: "no withdrawal could ever be made; check the withdrawal rules in your config",
    });
  }
  if (balanceUsd.lte(ZERO) || balanceUsd.lt(minimumUsd)) return { amounts: [], keptUsd: balanceUsd };
  const amounts: Decimal[] = [];
  let left = balanceUsd;
  while (left.gt(ZERO)) {
    const amount = min(left, cap);
    amounts.push(amount);
    left = left.minus(amount);
  }
  const last = amounts.at(-1) as Decimal;
  if (last.gte(minimumUsd)) return { amounts, keptUsd: ZERO };
  // The last remainder is below the minimum: the day before gives it what it lacks, if it can.
  const lacking = minimumUsd.minus(last);
  const before = amounts.at(-2) as Decimal;
  if (before.minus(lacking).gte(minimumUsd)) {
    amounts.splice(-2, 2, before.minus(lacking), minimumUsd);
    return { amounts, keptUsd: ZERO };
  }
  amounts.pop();
  return { amounts, keptUsd: last };
}

export interface WithdrawalInput {
  readonly balanceUsd: Decimal;
  readonly balanceDiamonds?: Decimal;
  /** Days since 1970-01-01 of the first withdrawal. */
  readonly startDay: number;
}

/** The plan for withdrawing a balance from `startDay` on, one withdrawal a calendar day. */
export function planWithdrawals(input: WithdrawalInput, model: EarningsModel): WithdrawalPlan {
  const { balanceUsd, startDay } = input;
  const check = checkWithdrawal(balanceUsd, model);
  const { amounts, keptUsd } = check.eligible
    ? splitBalance(balanceUsd, model)
    : { amounts: [], keptUsd: balanceUsd };
  let [usd, agencyUsd, feeUsd, taxUsd, netExact] = [ZERO, ZERO, ZERO, ZERO, ZERO];
  const withdrawals = amounts.map((amount, index): PlannedWithdrawal => {
    // Each withdrawal is its own payout: the fee per withdrawal is exactly payout.ts's.
    const payout = payoutChain(amount, model);
    const amountOf = (name: string) => {
      const step = payout.steps.find((entry) => entry.name === name);
      return decimal(step && "amount" in step ? step.amount : "0");
    };
    usd = usd.plus(amount);
    agencyUsd = agencyUsd.plus(amountOf("agency"));
    feeUsd = feeUsd.plus(amountOf("payoutFee"));
    taxUsd = taxUsd.plus(amountOf("tax"));
    netExact = netExact.plus(decimal(payout.netExact));
    return {
      number: index + 1,
      date: calendarDate(startDay + index),
      usd: toText(amount),
      agencyUsd: toText(amountOf("agency")),
      feeUsd: toText(amountOf("payoutFee")),
      taxUsd: toText(amountOf("tax")),
      netExact: payout.netExact,
      net: payout.net,
    };
  });
  const lastDay = withdrawals.length > 0 ? startDay + withdrawals.length - 1 : null;
  return {
    schema: WITHDRAW_SCHEMA,
    balanceUsd: toText(balanceUsd),
    balanceDiamonds: input.balanceDiamonds === undefined ? null : toText(input.balanceDiamonds),
    withdrawal: check,
    rule: MINIMUM_RULE,
    start: calendarDate(startDay),
    withdrawals,
    totals: {
      withdrawals: withdrawals.length,
      days: withdrawals.length,
      usd: toText(usd),
      agencyUsd: toText(agencyUsd),
      feeUsd: toText(feeUsd),
      taxUsd: toText(taxUsd),
      currency: model.currency.code,
      netExact: toText(netExact),
      net: toMoneyText(netExact, model.currency.digits),
      keptInWalletUsd: toText(keptUsd),
    },
    fee: {
      method: model.payoutMethod.name,
      percent: toText(model.payoutMethod.percent),
      fixedUsd: toText(model.payoutMethod.fixedUsd),
    },
    lastWithdrawal: lastDay === null ? null : calendarDate(lastDay),
    arrivesBy: lastDay === null ? null : calendarDate(lastDay + model.withdrawal.processingDays),
    assumptions: describeAssumptions(model),
  };
}
