/**
 * Step 4: can the wallet be withdrawn, and if not, how far short is it — in dollars, diamonds,
 * coins and in a reference gift (roses) — and how many days the daily cap stretches it over.
 */

import type { Gift } from "./catalog.js";
import { coinsForUsd, diamondsForUsd } from "./chain.js";
import type { EarningsModel } from "./model.js";
import { ceilQuotient, type Decimal, decimal, max, toText, ZERO } from "./money.js";
import { withdrawalsNeeded } from "./payout.js";

export interface WithdrawalCheck {
  readonly eligible: boolean;
  readonly balanceUsd: string;
  readonly minimumUsd: string;
  readonly shortfallUsd: string;
  /** Whole diamonds still needed to reach the minimum. */
  readonly shortfallDiamonds: string;
  /** Whole coins of gifts still needed to reach the minimum. */
  readonly shortfallCoins: string;
  /** The same shortfall in the reference gift, when the catalog has one. */
  readonly shortfallGifts: { readonly gift: string; readonly giftId: number; readonly count: string } | null;
  readonly maximumUsdPerDay: string;
  /** Days the daily cap spreads the whole balance over; null while not eligible. */
  readonly daysNeeded: number | null;
  readonly processingDays: number;
}

export function checkWithdrawal(
  balanceUsd: Decimal,
  model: EarningsModel,
  referenceGift?: Gift,
): WithdrawalCheck {
  const { minimumUsd } = model.withdrawal;
  const eligible = balanceUsd.gte(minimumUsd) && balanceUsd.gt(ZERO);
  const shortfallUsd = max(minimumUsd.minus(balanceUsd), ZERO);
  const shortfallCoins = coinsForUsd(shortfallUsd, model);
  return {
    eligible,
    balanceUsd: toText(balanceUsd),
    minimumUsd: toText(minimumUsd),
    shortfallUsd: toText(shortfallUsd),
    shortfallDiamonds: diamondsForUsd(shortfallUsd, model).toString(),
    shortfallCoins: shortfallCoins.toString(),
    shortfallGifts:
      referenceGift === undefined
        ? null
        : {
            gift: referenceGift.name,
            giftId: referenceGift.id,
            count: ceilQuotient(decimal(shortfallCoins), decimal(referenceGift.coins)).toString(),
          },
    maximumUsdPerDay: toText(model.withdrawal.maximumUsdPerDay),
    daysNeeded: eligible ? withdrawalsNeeded(balanceUsd, model) : null,
    processingDays: model.withdrawal.processingDays,
  };
}
