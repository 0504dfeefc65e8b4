/**
 * The one place where errors become words and exit codes: a known error is one line plus a hint
 * (exit 1 for a failed check, 2 for usage and input); anything else is a bug and shows its stack.
 */
import { CommanderError } from "commander";
import { GiftCalcError } from "../errors.js";
import { forTerminal } from "../render/sanitise.js";
import type { CliIo } from "./io.js";

/** Exit code of an internal error (a bug), outside the 0/1/2 contract on purpose. */
export const BUG_EXIT_CODE = 3;

export function reportError(error: unknown, io: Pick<CliIo, "stderr">): number {
  if (error instanceof CommanderError) {
    if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return 0;
    // `gift-calc help estimate` asked for help (exit 0); a missing subcommand showed it instead (2).
    if (error.code === "commander.help") return error.exitCode === 0 ? 0 : 2;
    const message = error.message.replace(/^error: /, "");
    io.stderr.write(
      `gift-calc: error: ${forTerminal(message)}\n  hint: see \`gift-calc --help\` or \`gift-calc COMMAND --help\`\n`,
    );
    return 2;
  }
  if (error instanceof GiftCalcError) {
    const label = error.exitCode === 1 ? "check failed" : "error";
    io.stderr.write(`gift-calc: ${label}: ${forTerminal(error.message)}\n`);
    if (error.hint) io.stderr.write(`  hint: ${forTerminal(error.hint)}\n`);
    return error.exitCode;
  }
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.stderr.write(`gift-calc: internal error — this is a bug in gift-calc, please report it:\n${stack}\n`);
  return BUG_EXIT_CODE;
}
