/**
 * Every option of the earnings model, declared once: the declaration feeds commander (flag, help,
 * environment variable), `config show` and the README.
 */
import { type Command, Option } from "commander";
import type { ChoiceKey, Override } from "../io/settings.js";

export interface ModelOption {
  readonly key: ChoiceKey;
  readonly flags: string;
  readonly env: string;
  readonly description: string;
  /** Turns the flag's text into the setting's text ("10" percent → "10%"). */
  readonly parse?: (text: string) => string;
}

const asPercent = (text: string) => (text.trim().endsWith("%") ? text.trim() : `${text.trim()}%`);

export const MODEL_OPTIONS: readonly ModelOption[] = [
  {
    key: "preset",
    flags: "--preset <name>",
    env: "GIFT_CALC_PRESET",
    description: "coins → diamonds → dollars preset: standard, half or us-scaled",
  },
  {
    key: "diamondsPerCoin",
    flags: "--diamonds-per-coin <n>",
    env: "GIFT_CALC_DIAMONDS_PER_COIN",
    description: "diamonds credited per coin (overrides the preset)",
  },
  {
    key: "usdPerDiamond",
    flags: "--usd-per-diamond <usd>",
    env: "GIFT_CALC_USD_PER_DIAMOND",
    description: "wallet US dollars per diamond (overrides the preset)",
  },
  {
    key: "rewardsRate",
    flags: "--rewards-rate <fraction>",
    env: "GIFT_CALC_REWARDS_RATE",
    description: "share of the $0.01 face value for us-scaled, 0.20–0.53",
  },
  {
    key: "agencyRate",
    flags: "--agency <pct>",
    env: "GIFT_CALC_AGENCY",
    description: "manager's or agency's cut in percent (10 = 10 %)",
    parse: asPercent,
  },
  {
    key: "payoutMethod",
    flags: "--method <name>",
    env: "GIFT_CALC_METHOD",
    description: "payout method whose fees apply: bank or paypal",
  },
  {
    key: "taxRate",
    flags: "--tax <pct>",
    env: "GIFT_CALC_TAX",
    description: "tax to put aside in percent, after fees",
    parse: asPercent,
  },
  {
    key: "currency",
    flags: "--currency <code>",
    env: "GIFT_CALC_CURRENCY",
    description: "currency of the net amount (ISO 4217 code)",
  },
];

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Add the model's options (and `--rate`) to a command. */
export function addModelOptions(command: Command): Command {
  for (const spec of MODEL_OPTIONS) {
    // The variable is read from the CLI's own environment (CliIo.env) by modelOverrides, not by
    // commander from process.env, so in-process runs and tests see the environment they were given.
    const option = new Option(spec.flags, `${spec.description} (env: ${spec.env})`);
    if (spec.parse) option.argParser(spec.parse);
    command.addOption(option);
  }
  command.option("--rate <CODE=RATE>", "exchange rate override, units per US dollar (repeatable)", collect);
  return command;
}

function attributeName(flags: string): string {
  const long = /--([a-z-]+)/.exec(flags)?.[1] ?? "";
  return long.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

/** The model options the user set, by flag or else by environment variable (a flag wins). */
export function modelOverrides(
  command: Command,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Partial<Record<ChoiceKey, Override & { from?: string }>> {
  const options = command.opts<Record<string, unknown>>();
  const overrides: Partial<Record<ChoiceKey, Override & { from?: string }>> = {};
  for (const spec of MODEL_OPTIONS) {
    const value = options[attributeName(spec.flags)];
    const fromEnv = env[spec.env];
    if (typeof value === "string") {
      overrides[spec.key] = { value, origin: "flag", from: spec.flags.split(" ")[0] ?? spec.flags };
    } else if (fromEnv !== undefined && fromEnv.trim() !== "") {
      overrides[spec.key] = {
        value: spec.parse ? spec.parse(fromEnv) : fromEnv,
        origin: "env",
        from: spec.env,
      };
    }
  }
  return overrides;
}
