/** `gift-calc coins N [--store web|app]`: the declaration; the work is in ../actions/coins.ts. */
import type { Command } from "commander";
import type { CliIo } from "../io.js";

export interface CoinsOptions {
  readonly store: string;
}

export function defineCoins(program: Command, io: CliIo): Command {
  return program
    .command("coins")
    .description("the cheapest way for a viewer to buy at least N coins")
    .argument("<n>", "coins wanted, a whole number")
    .option("--store <name>", "coin store: web or app (or one from your config)", "web")
    .addHelpText(
      "after",
      "\nExamples:\n  gift-calc coins 30000 --store app\n  gift-calc coins 1000 --format json\n",
    )
    .action(async (coins: string, _options: CoinsOptions, self: Command) => {
      const { coinsAction } = await import("../actions/coins.js");
      await coinsAction(coins, self, io);
    });
}
