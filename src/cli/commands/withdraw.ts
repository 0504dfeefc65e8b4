/** `gift-calc withdraw --usd N | --diamonds N`: the declaration; the work is in ../actions/withdraw.ts. */
import type { Command } from "commander";
import type { CliIo } from "../io.js";
import { addModelOptions } from "../options.js";

export interface WithdrawOptions {
  readonly usd?: string;
  readonly diamonds?: string;
  readonly start?: string;
  readonly check?: boolean;
}

export function defineWithdraw(program: Command, io: CliIo): Command {
  const command = program
    .command("withdraw")
    .description("a cash-out plan: withdrawals under the daily cap, fees, net, and when the money arrives")
    .option("--usd <n>", "wallet balance in US dollars")
    .option("--diamonds <n>", "wallet balance in diamonds")
    .option("--start <date>", "date of the first withdrawal, YYYY-MM-DD (default: today, UTC)")
    .option("--check", "exit 1 when the balance is below the withdrawal minimum");
  addModelOptions(command);
  command.addHelpText(
    "after",
    "\nExamples:\n  gift-calc withdraw --usd 3450\n  gift-calc withdraw --diamonds 690000 --method paypal --start 2026-03-01\n",
  );
  command.action(async (_options: WithdrawOptions, self: Command) => {
    const { withdrawAction } = await import("../actions/withdraw.js");
    await withdrawAction(self, io);
  });
  return command;
}
