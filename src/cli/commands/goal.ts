/** `gift-calc goal AMOUNT`: the declaration; the work is in ../actions/goal.ts. */
import type { Command } from "commander";
import type { CliIo } from "../io.js";
import { addModelOptions } from "../options.js";

export interface GoalOptions {
  readonly gift?: string[];
  readonly gross?: boolean;
  readonly check?: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function defineGoal(program: Command, io: CliIo): Command {
  const command = program
    .command("goal")
    .description("the fewest coins (and gifts, and viewer spend) that reach an amount")
    .argument("<amount>", "the goal in --currency: net of every deduction, or the wallet value with --gross")
    .option(
      "--gift <name>",
      "show the goal in this gift (repeatable; default Rose, Finger Heart, Lion, TikTok Universe)",
      collect,
    )
    .option("--gross", "the goal is the wallet value before agency, fees and tax")
    .option("--check", "exit 1 when no number of coins reaches the goal");
  addModelOptions(command);
  command.addHelpText(
    "after",
    "\nExamples:\n  gift-calc goal 500 --currency EUR --agency 20\n  gift-calc goal 100 --gross --gift lion --preset half\n",
  );
  command.action(async (amount: string, _options: GoalOptions, self: Command) => {
    const { goalAction } = await import("../actions/goal.js");
    await goalAction(amount, self, io);
  });
  return command;
}
