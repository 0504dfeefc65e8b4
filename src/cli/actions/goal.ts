/** `gift-calc goal AMOUNT`: the exact minimum of coins, gifts and viewer spend for a goal. */
import type { Command } from "commander";
import { findGift } from "../../core/catalog.js";
import { defaultGoalGifts, goal } from "../../core/goal.js";
import { CheckFailedError } from "../../errors.js";
import { render } from "../../render/format.js";
import { goalReport } from "../../render/goal-report.js";
import type { GoalOptions } from "../commands/goal.js";
import { modelContext } from "../context.js";
import type { CliIo } from "../io.js";
import { amountOf } from "./amounts.js";

export async function goalAction(amountText: string, command: Command, io: CliIo): Promise<void> {
  const options = command.opts<GoalOptions>();
  const amount = amountOf(amountText, "goal", false);
  const context = await modelContext(command, io);
  const gifts =
    options.gift === undefined
      ? defaultGoalGifts(context.catalog)
      : options.gift.map((name) => findGift(context.catalog, name));
  const result = goal(
    { amount, isGross: options.gross === true, gifts },
    { model: context.model, stores: context.resolved.settings.stores },
  );
  context.write(render(context.options.format, result, () => goalReport(result), context.style));
  if (options.check && !result.reachable) {
    throw new CheckFailedError(
      `${result.goal.amount} ${result.goal.currency} cannot be reached: ${result.unreachable?.message ?? ""}`,
      "lower the agency cut, tax or payout fees (--agency, --tax, --method)",
    );
  }
}
