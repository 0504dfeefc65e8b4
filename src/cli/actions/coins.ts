/** `gift-calc coins N`: the cheapest way for a viewer to buy at least N coins. */
import type { Command } from "commander";
import { quoteCoins } from "../../core/coin-shop.js";
import { closestNames } from "../../core/names.js";
import { GiftCalcError } from "../../errors.js";
import { coinsReport } from "../../render/coins-report.js";
import { render } from "../../render/format.js";
import type { CoinsOptions } from "../commands/coins.js";
import { modelContext } from "../context.js";
import type { CliIo } from "../io.js";
import { wholeCountOf } from "./amounts.js";

export async function coinsAction(coinsText: string, command: Command, io: CliIo): Promise<void> {
  const options = command.opts<CoinsOptions>();
  const wanted = wholeCountOf(coinsText, "coins");
  const context = await modelContext(command, io);
  const { stores } = context.resolved.settings;
  const store = stores[options.store];
  if (store === undefined) {
    const known = Object.keys(stores);
    const close = closestNames(options.store, known);
    throw new GiftCalcError("BAD_OPTION", `unknown store "${options.store}" (--store)`, {
      hint: close.length > 0 ? `did you mean ${close.join(", ")}?` : `known stores: ${known.join(", ")}`,
    });
  }
  const quote = quoteCoins(store, wanted);
  context.write(render(context.options.format, quote, () => coinsReport(quote), context.style));
}
