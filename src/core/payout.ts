/**
 * Steps 4–8 of the chain: what a wallet balance becomes once withdrawn — after the agency's cut,
 * the payout method's fee per withdrawal, the tax reserve, and conversion to the chosen currency.
 * Every step is exact; only `net` is rounded, down, to the currency's minor unit.
 */
import type { EarningsModel } from "./model.js";
import { ceilQuotient, type Decimal, decimal, min, toMoneyText, toText, ZERO } from "./money.js";

export type PayoutStep =
  | { readonly name: "agency"; readonly rate: string; readonly amount: string; readonly after: string }
  | {
      readonly name: "payoutFee";
      readonly method: string;
      readonly percent: string;
      readonly fixedUsd: string;
      readonly withdrawals: number;
      readonly amount: string;
      readonly after: string;
    }
  | { readonly name: "tax"; readonly rate: string; readonly amount: string; readonly after: string }
  | { readonly name: "currency"; readonly code: string; readonly rate: string; readonly after: string };

export interface Payout {
  /** Wallet US dollars going in. */
  readonly grossUsd: string;
  readonly steps: readonly PayoutStep[];
  readonly currency: string;
  /** Exact, before the final rounding. */
  readonly netExact: string;
  /** Rounded down to the currency's minor unit. */
  readonly net: string;
}

/** How many withdrawals the daily cap forces for this many US dollars (at least one if > 0). */
export function withdrawalsNeeded(usd: Decimal, model: EarningsModel): number {
  if (usd.lte(ZERO)) return 0;
  return Number(ceilQuotient(usd, model.withdrawal.maximumUsdPerDay));
}

/** The exact net amount in the target currency (before the final rounding) and its steps. */
export function payoutChain(grossUsd: Decimal, model: EarningsModel): Payout {
  const agency = grossUsd.times(model.agencyRate);
  const afterAgency = grossUsd.minus(agency);

  const withdrawals = withdrawalsNeeded(grossUsd, model);
  const hundred = decimal("100");
  const feeWanted = afterAgency
    .times(model.payoutMethod.percent)
    .div(hundred)
    .plus(model.payoutMethod.fixedUsd.times(decimal(withdrawals)));
  // A fee can take everything but never more than there is.
  const fee = min(feeWanted, afterAgency);
  const afterFee = afterAgency.minus(fee);

  const tax = afterFee.times(model.taxRate);
  const afterTax = afterFee.minus(tax);

  const converted = afterTax.times(model.currency.perUsd);
  return {
    grossUsd: toText(grossUsd),
    steps: [
      { name: "agency", rate: toText(model.agencyRate), amount: toText(agency), after: toText(afterAgency) },
      {
        name: "payoutFee",
        method: model.payoutMethod.name,
        percent: toText(model.payoutMethod.percent),
        fixedUsd: toText(model.payoutMethod.fixedUsd),
        withdrawals,
        amount: toText(fee),
        after: toText(afterFee),
      },
      { name: "tax", rate: toText(model.taxRate), amount: toText(tax), after: toText(afterTax) },
      {
        name: "currency",
        code: model.currency.code,
        rate: toText(model.currency.perUsd),
        after: toText(converted),
      },
    ],
    currency: model.currency.code,
    netExact: toText(converted),
    net: toMoneyText(converted, model.currency.digits),
  };
}
