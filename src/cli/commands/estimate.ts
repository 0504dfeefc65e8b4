/** `gift-calc estimate [TALLY...]`: the declaration; the work is in ../actions/estimate.ts. */
import type { Command } from "commander";
import type { CliIo } from "../io.js";
import { addModelOptions } from "../options.js";

export interface EstimateOptions {
  readonly coins?: string;
  readonly diamonds?: string;
  readonly tallyFile?: string;
  readonly balanceUsd?: string;
  readonly check?: boolean;
}

export function defineEstimate(program: Command, io: CliIo): Command {
  const command = program
    .command("estimate")
    .description("what gifts (or coins, diamonds, a stream log) are worth, step by step")
    .argument("[tally...]", 'gifts and counts: rose=100 lion*2 2xlion 5655=3 "tiktok universe=1"')
    .option("--coins <n>", "raw coins, added to the gifts")
    .option("--diamonds <n>", "raw diamonds, added after coins become diamonds")
    .option("--tally-file <file>", "YAML map `gift: count` or CSV `gift,count`")
    .option("--balance-usd <usd>", "wallet balance already there, added before the withdrawal check")
    .option("--check", "exit 1 when the result is below the withdrawal minimum");
  addModelOptions(command);
  command.action(async (tallies: string[], _options: EstimateOptions, self: Command) => {
    const { estimateAction } = await import("../actions/estimate.js");
    await estimateAction(tallies, self, io);
  });
  return command;
}
