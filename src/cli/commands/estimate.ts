/** `gift-calc estimate [TALLY...]`: the declaration; the work is in ../actions/estimate.ts. */
import { type Command, Option } from "commander";
import type { CliIo } from "../io.js";
import { addModelOptions } from "../options.js";

export interface EstimateOptions {
  readonly coins?: string;
  readonly diamonds?: string;
  readonly tallyFile?: string;
  readonly balanceUsd?: string;
  readonly check?: boolean;
  /** Stream-log options (SPEC §3); the work is in ../actions/estimate-log.ts. */
  readonly log?: string[];
  readonly inputFormat?: "csv" | "ndjson" | "json";
  readonly map?: string[];
  readonly openStreaks?: "count" | "drop";
  readonly receiver?: string;
  readonly rejects?: string;
  readonly strict?: boolean;
  readonly by?: string;
  readonly top?: string;
  readonly tz?: string;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The log options of SPEC §3, declared once. */
function addLogOptions(command: Command): void {
  command
    .option("--log <file>", "stream log (CSV, NDJSON or JSON array; - = stdin; repeatable)", collect)
    .addOption(
      new Option("--input-format <format>", "log format (default: detected)").choices([
        "csv",
        "ndjson",
        "json",
      ]),
    )
    .option(
      "--map <canonical=theirs>",
      "map a log field to a canonical one, e.g. giftName=present (repeatable)",
      collect,
    )
    .addOption(
      new Option("--open-streaks <rule>", "streaks without an end frame at the end of the log")
        .choices(["count", "drop"])
        .default("count"),
    )
    .option("--receiver <id>", 'keep only gifts to this receiver ("host" = rows with a blank receiver)')
    .option("--rejects <file>", "write every rejected log row to this CSV file")
    .option("--strict", "exit 1 when any log row is rejected")
    .addOption(
      new Option("--by <what>", "group the counted gifts").choices([
        "gift",
        "sender",
        "receiver",
        "day",
        "hour",
        "minute",
        "event",
      ]),
    )
    .option("--top <n>", "show only the N largest groups (--by event: the first N events)")
    .option("--tz <zone>", "time zone for day/hour/minute groups and zone-less timestamps (default UTC)");
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
  addLogOptions(command);
  addModelOptions(command);
  command.action(async (tallies: string[], options: EstimateOptions, self: Command) => {
    // A large log's scan thread is started first: it boots (~50 ms) while the estimate's code
    // loads, rather than after.
    const firstLogThread =
      options.log === undefined
        ? undefined
        : await import("../actions/log-thread.js").then(({ startFirstLog }) => startFirstLog(options, io));
    try {
      const { estimateAction } = await import("../actions/estimate.js");
      await estimateAction(tallies, self, io, firstLogThread);
    } finally {
      // Stops a thread that an error left unused (it has ended already when it ran).
      firstLogThread?.cancel();
    }
  });
  return command;
}
