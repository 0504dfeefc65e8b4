/** `gift-calc config show` and `gift-calc config init`. */
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Command } from "commander";
import type { EarningsModel } from "../../core/model.js";
import { type Decimal, toText } from "../../core/money.js";
import { GiftCalcError } from "../../errors.js";
import type { SettingOrigin } from "../../io/settings.js";
import { render } from "../../render/format.js";
import type { Report } from "../../render/report.js";
import { baseContext, modelContext } from "../context.js";
import type { CliIo } from "../io.js";
import { STARTER_CONFIG } from "./config-starter.js";

export const CONFIG_SCHEMA = "gift-calc.config/1";

export async function configShowAction(command: Command, io: CliIo): Promise<void> {
  const context = await modelContext(command, io);
  const { settings } = context.resolved;
  const origins = withPresetValues(context.resolved.origins, context.model);
  const data = {
    schema: CONFIG_SCHEMA,
    configFile: context.configPath ?? null,
    catalog: context.catalogPath ?? "built-in",
    values: origins,
    settings,
  };
  const report = (): Report => ({
    title: "Configuration",
    sections: [
      {
        kind: "table",
        title: "Settings",
        columns: [
          { key: "setting", header: "setting" },
          { key: "value", header: "value" },
          { key: "origin", header: "from" },
          { key: "from", header: "where" },
        ],
        rows: Object.entries(origins).map(([setting, origin]) => ({
          setting,
          value: origin.value,
          origin: origin.origin,
          from: origin.from ?? (origin.origin === "default" ? "built-in defaults" : ""),
        })),
      },
      {
        kind: "fields",
        title: "Files",
        fields: [
          {
            key: "configFile",
            label: "config file",
            value: context.configPath ?? "none (built-in defaults)",
          },
          { key: "catalog", label: "catalog", value: context.catalogPath ?? "built-in" },
          { key: "presets", label: "presets", value: Object.keys(settings.presets).join(", ") },
          {
            key: "payoutMethods",
            label: "payout methods",
            value: Object.keys(settings.payoutMethods).join(", "),
          },
          { key: "stores", label: "coin stores", value: Object.keys(settings.stores).join(", ") },
          {
            key: "currencies",
            label: `rates (${settings.currencies.asOf})`,
            value: Object.keys(settings.currencies.perUsd).join(" "),
          },
        ],
      },
    ],
  });
  context.write(render(context.options.format, data, report, context.style));
}

/**
 * The rates the preset supplies (diamondsPerCoin, usdPerDiamond, rewardsRate) unless set on their
 * own: they come from wherever the preset was chosen, so they share its origin.
 */
function withPresetValues(
  origins: Readonly<Record<string, SettingOrigin>>,
  model: EarningsModel,
): Record<string, SettingOrigin> {
  const preset = origins.preset;
  const fromPreset = (value: Decimal | undefined): SettingOrigin | undefined =>
    value === undefined || preset === undefined
      ? undefined
      : { value: toText(value), origin: preset.origin, from: `preset ${model.preset}` };
  const derived: Record<string, SettingOrigin | undefined> = {
    diamondsPerCoin: origins.diamondsPerCoin ?? fromPreset(model.diamondsPerCoin),
    usdPerDiamond: origins.usdPerDiamond ?? fromPreset(model.usdPerDiamond),
    rewardsRate: origins.rewardsRate ?? fromPreset(model.rewardsRate),
  };
  const result: Record<string, SettingOrigin> = {};
  for (const [key, origin] of Object.entries(origins)) {
    result[key] = origin;
    // Keep the chain's order: the preset's rates right after the preset.
    if (key === "preset") {
      for (const [derivedKey, value] of Object.entries(derived)) if (value) result[derivedKey] = value;
    }
  }
  return result;
}

export async function configInitAction(
  fileArgument: string | undefined,
  command: Command,
  io: CliIo,
): Promise<void> {
  const context = await baseContext(command, io);
  // The file the other commands would read is the one to create.
  const chosen = context.options.config ?? io.env.GIFT_CALC_CONFIG;
  const file = fileArgument ?? (chosen === undefined || chosen === "" ? "gift-calc.yaml" : chosen);
  const path = resolve(io.cwd, file);
  const { force } = command.opts<{ force?: boolean }>();
  try {
    await writeFile(path, STARTER_CONFIG, { flag: force ? "w" : "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      throw new GiftCalcError("FILE_EXISTS", `${file} already exists`, {
        hint: "add --force to overwrite it",
      });
    }
    const { unreadable } = await import("../../io/files.js");
    throw unreadable(path, "config file", error);
  }
  context.note(`wrote ${file}; \`gift-calc config show\` shows what it changes`);
}
