/** `gift-calc withdraw`: the cash-out plan for a wallet balance. */
import type { Command } from "commander";
import { diamondsToUsd } from "../../core/chain.js";
import { parseCalendarDate, planWithdrawals } from "../../core/withdrawal-plan.js";
import { CheckFailedError, GiftCalcError } from "../../errors.js";
import { render } from "../../render/format.js";
import { withdrawReport } from "../../render/withdraw-report.js";
import type { WithdrawOptions } from "../commands/withdraw.js";
import { modelContext } from "../context.js";
import type { CliIo } from "../io.js";
import { amountOf } from "./amounts.js";

export async function withdrawAction(command: Command, io: CliIo): Promise<void> {
  const options = command.opts<WithdrawOptions>();
  if ((options.usd === undefined) === (options.diamonds === undefined)) {
    throw new GiftCalcError(
      "BAD_OPTION",
      options.usd === undefined ? "withdraw needs a balance" : "give --usd or --diamonds, not both",
      { hint: "gift-calc withdraw --usd 3450, or gift-calc withdraw --diamonds 690000" },
    );
  }
  const startDay = parseCalendarDate(options.start ?? io.now().toISOString().slice(0, 10));
  const context = await modelContext(command, io);
  const balanceDiamonds =
    options.diamonds === undefined ? undefined : amountOf(options.diamonds, "--diamonds");
  const balanceUsd =
    balanceDiamonds === undefined
      ? amountOf(options.usd as string, "--usd")
      : diamondsToUsd(balanceDiamonds, context.model);
  const plan = planWithdrawals(
    { balanceUsd, startDay, ...(balanceDiamonds === undefined ? {} : { balanceDiamonds }) },
    context.model,
  );
  context.write(render(context.options.format, plan, () => withdrawReport(plan), context.style));
  if (options.check && !plan.withdrawal.eligible) {
    const { withdrawal } = plan;
    throw new CheckFailedError(
      `$${withdrawal.balanceUsd} is below the $${withdrawal.minimumUsd} withdrawal minimum by $${withdrawal.shortfallUsd}`,
      `${withdrawal.shortfallDiamonds} more diamonds (${withdrawal.shortfallCoins} coins of gifts) reach it`,
    );
  }
}
