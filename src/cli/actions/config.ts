/** `gift-calc config show` and `gift-calc config init`. */
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Command } from "commander";
import { GiftCalcError } from "../../errors.js";
import { render } from "../../render/format.js";
import type { Report } from "../../render/report.js";
import { baseContext, modelContext } from "../context.js";
import type { CliIo } from "../io.js";
import { STARTER_CONFIG } from "./config-starter.js";

export const CONFIG_SCHEMA = "gift-calc.config/1";

export async function configShowAction(command: Command, io: CliIo): Promise<void> {
  const context = await modelContext(command, io);
  const { origins, settings } = context.resolved;
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
          from: origin.from ?? "",
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

export async function configInitAction(file: string, command: Command, io: CliIo): Promise<void> {
  const context = await baseContext(command, io);
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
