/** `gift-calc estimate`: tallies, raw coins and diamonds through the whole chain. */
import type { Command } from "commander";
import { countTallies, type Estimate, estimate, referenceGiftOf } from "../../core/estimate.js";
import { decimal, toText, ZERO } from "../../core/money.js";
import { parseTally, type Tally } from "../../core/tally.js";
import type { WithdrawalCheck } from "../../core/withdrawal.js";
import { CheckFailedError, GiftCalcError } from "../../errors.js";
import type { ScanThread } from "../../io/log/scan-thread.js";
import { estimateReport } from "../../render/estimate-report.js";
import { render } from "../../render/format.js";
import type { EstimateOptions } from "../commands/estimate.js";
import { modelContext } from "../context.js";
import type { CliIo } from "../io.js";
import { tooLarge } from "./amounts.js";

function wholeCoins(text: string): number {
  const digits = text.trim().replaceAll("_", "");
  if (/^\d+$/.test(digits) && !Number.isSafeInteger(Number(digits))) throw tooLarge("--coins", text);
  if (!/^\d+$/.test(digits)) {
    throw new GiftCalcError("BAD_NUMBER", `--coins "${text}" is not a whole number of coins`, {
      hint: "coins are whole numbers, e.g. --coins 1500",
    });
  }
  return Number(digits);
}

function nonNegative(text: string, flag: string): string {
  const value = decimal(text, flag);
  if (value.lt(ZERO)) {
    throw new GiftCalcError("OUT_OF_RANGE", `${flag} cannot be negative, got ${text}`, {
      hint: `give ${flag} 0 or more, e.g. ${flag} 500`,
    });
  }
  return toText(value);
}

export async function estimateAction(
  tallyArgs: readonly string[],
  command: Command,
  io: CliIo,
  firstLogThread?: ScanThread,
): Promise<void> {
  const options = command.opts<EstimateOptions>();
  const tallies: Tally[] = tallyArgs.map(parseTally);
  if (options.tallyFile !== undefined) {
    const { loadTallyFile } = await import("../../io/tally-file.js");
    const { resolve } = await import("node:path");
    const fromFile = await loadTallyFile(resolve(io.cwd, options.tallyFile));
    // An empty file must not fall through to reading stdin as a log (a hang in cron, a surprise in a pipe).
    if (fromFile.length === 0) {
      throw new GiftCalcError("BAD_TALLY", `tally file ${options.tallyFile} lists no gifts`, {
        hint: "write one gift,count (CSV) or gift: count (YAML) per line, e.g. rose,100",
      });
    }
    tallies.push(...fromFile);
  }
  const coins = options.coins === undefined ? undefined : wholeCoins(options.coins);
  const diamonds = options.diamonds === undefined ? undefined : nonNegative(options.diamonds, "--diamonds");
  const balanceUsd =
    options.balanceUsd === undefined ? undefined : nonNegative(options.balanceUsd, "--balance-usd");
  const logs = options.log ?? [];
  const hasOtherInput =
    tallies.length > 0 || coins !== undefined || diamonds !== undefined || balanceUsd !== undefined;
  if (logs.length > 0 || (!hasOtherInput && io.stdin.isTTY !== true)) {
    const { estimateLogAction } = await import("./estimate-log.js");
    const result = await estimateLogAction(command, io, {
      logs: logs.length > 0 ? logs : ["-"],
      isImplicitStdin: logs.length === 0,
      tallies,
      ...(coins === undefined ? {} : { coins }),
      ...(diamonds === undefined ? {} : { diamonds }),
      ...(balanceUsd === undefined ? {} : { balanceUsd }),
      ...(firstLogThread === undefined ? {} : { firstLogThread }),
    });
    checkWithdrawalMinimum(options, result);
    return;
  }
  rejectLogOnlyOptions(command);
  if (!hasOtherInput) {
    throw new GiftCalcError("NOTHING_TO_ESTIMATE", "nothing to estimate", {
      hint: "give gifts (gift-calc estimate lion=1 rose=500), --coins, --diamonds or --tally-file",
    });
  }

  const context = await modelContext(command, io);
  const referenceGift = referenceGiftOf(context.catalog);
  const result = estimate(
    {
      gifts: countTallies(context.catalog, tallies),
      ...(coins === undefined ? {} : { coins }),
      ...(diamonds === undefined ? {} : { diamonds }),
      ...(balanceUsd === undefined ? {} : { balanceUsd }),
    },
    {
      model: context.model,
      stores: context.resolved.settings.stores,
      ...(referenceGift === undefined ? {} : { referenceGift }),
    },
  );
  context.write(render(context.options.format, result, () => estimateReport(result), context.style));
  checkWithdrawalMinimum(options, result);
}

/** Options that only mean something for a stream log, by commander's attribute name and flag. */
const LOG_ONLY_OPTIONS: readonly [string, string][] = [
  ["inputFormat", "--input-format"],
  ["map", "--map"],
  ["openStreaks", "--open-streaks"],
  ["receiver", "--receiver"],
  ["rejects", "--rejects"],
  ["strict", "--strict"],
  ["by", "--by"],
  ["top", "--top"],
  ["tz", "--tz"],
];

/** A log option given without a log would be silently ignored: say so instead. */
function rejectLogOnlyOptions(command: Command): void {
  const given = LOG_ONLY_OPTIONS.filter(([name]) => command.getOptionValueSource(name) === "cli");
  if (given.length === 0) return;
  const flags = given.map(([, flag]) => flag).join(", ");
  throw new GiftCalcError(
    "BAD_OPTION",
    `${flags} ${given.length === 1 ? "applies" : "apply"} only to a stream log`,
    {
      hint: "add --log FILE (or pipe a log into gift-calc estimate), or drop the option",
    },
  );
}

/** `--check`: exit 1 below the withdrawal minimum, saying how far short in Roses first, as a creator counts. */
export function checkWithdrawalMinimum(options: EstimateOptions, result: Estimate): void {
  if (options.check && !result.withdrawal.eligible) throw belowMinimum(result.withdrawal);
}

function belowMinimum(withdrawal: WithdrawalCheck): CheckFailedError {
  const coins = `${withdrawal.shortfallCoins} coin${withdrawal.shortfallCoins === "1" ? "" : "s"}`;
  const more = withdrawal.shortfallGifts
    ? `${withdrawal.shortfallGifts.count} more ${withdrawal.shortfallGifts.gift}${withdrawal.shortfallGifts.count === "1" ? "" : "s"} (${coins})`
    : `${coins} more`;
  return new CheckFailedError(
    `${more} reach the $${withdrawal.minimumUsd} withdrawal minimum: the wallet holds $${withdrawal.balanceUsd}, $${withdrawal.shortfallUsd} short`,
    "the Withdrawal block shows the shortfall in USD, diamonds and coins; drop --check to exit 0",
  );
}
