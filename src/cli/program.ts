/**
 * The commander program: global options and every command's declaration. Each command's work is in
 * src/cli/actions/ and is imported only when that command runs, so `--help` stays fast.
 */
import { createRequire } from "node:module";
import { Command, Option } from "commander";
import { defineCatalog } from "./commands/catalog.js";
import { defineCoins } from "./commands/coins.js";
import { defineConfig } from "./commands/config.js";
import { defineEstimate } from "./commands/estimate.js";
import { defineGoal } from "./commands/goal.js";
import { defineWithdraw } from "./commands/withdraw.js";
import { CLI_FORMATS, checkFormatSupported } from "./formats.js";
import type { CliIo } from "./io.js";

const { version } = createRequire(import.meta.url)("../../package.json") as { version: string };

export function buildProgram(io: CliIo): Command {
  const program = new Command("gift-calc")
    .description("What TikTok LIVE gifts are really worth, after every cut, in your currency.")
    .version(version, "-V, --version")
    .option("--catalog <file>", "gift catalog YAML (env GIFT_CALC_CATALOG; default: the shipped catalog)")
    .option("--config <file>", "config file (env GIFT_CALC_CONFIG; default: ./gift-calc.yaml if present)")
    .addOption(new Option("--format <format>", "output format").choices(CLI_FORMATS).default("table"))
    .option("--no-color", "no colour (also NO_COLOR=1; FORCE_COLOR=1 forces it)")
    .option("-q, --quiet", "no notes or progress on stderr")
    .hook("preAction", checkFormatSupported)
    .showSuggestionAfterError(true)
    // `gift-calc estimate --help` also lists --format, --config and the other global options.
    .configureHelp({ showGlobalOptions: true })
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // Asked of io, not of process.stdout, which the main job would otherwise make just for this.
      getOutHelpWidth: () => (io.stdout.isTTY === true ? io.stdout.columns : undefined) ?? 80,
      getErrHelpWidth: () => (io.stderr.isTTY === true ? io.stderr.columns : undefined) ?? 80,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
      // Errors are printed once, in one format, by reportError.
      outputError: () => {},
    });
  program.addHelpText(
    "after",
    "\nExamples:\n  gift-calc estimate lion=1 rose=500\n  gift-calc estimate rose=100 --check\n" +
      "  gift-calc estimate lion=2 --agency 20 --currency EUR --format json\n",
  );
  defineEstimate(program, io);
  defineConfig(program, io);
  defineGoal(program, io);
  defineWithdraw(program, io);
  defineCoins(program, io);
  defineCatalog(program, io);
  return program;
}
