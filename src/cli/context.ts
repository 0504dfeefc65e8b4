/**
 * What every command needs before it computes: the global options, the catalog and the settings
 * (defaults ← config file ← environment ← flags), loaded once, lazily.
 */
import { existsSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import type { Command } from "commander";
import type { Catalog } from "../core/catalog.js";
import { parseRateOverride } from "../core/currency.js";
import { type EarningsModel, resolveModel } from "../core/model.js";
import { loadBuiltinCatalog, loadBuiltinDefaults } from "../io/builtin.js";
import { type ResolvedSettings, resolveSettings } from "../io/settings.js";
import type { Format } from "../render/format.js";
import type { Style } from "../render/style.js";
import { styleFor } from "./colour.js";
import type { CliIo } from "./io.js";
import { modelOverrides } from "./options.js";

export interface GlobalOptions {
  readonly catalog?: string;
  readonly config?: string;
  readonly format: Format;
  readonly color?: boolean;
  readonly quiet?: boolean;
}

export interface Context {
  readonly io: CliIo;
  readonly options: GlobalOptions;
  readonly style: Style;
  /** Diagnostics to stderr, unless --quiet. */
  readonly note: (text: string) => void;
  readonly write: (text: string) => void;
}

export interface ModelContext extends Context {
  readonly catalog: Catalog;
  readonly catalogPath: string | undefined;
  readonly configPath: string | undefined;
  readonly resolved: ResolvedSettings;
  readonly model: EarningsModel;
}

export async function baseContext(command: Command, io: CliIo): Promise<Context> {
  const options = command.optsWithGlobals<GlobalOptions>();
  const style = options.format === "table" ? await styleFor(io, options.color) : await styleFor(io, false);
  return {
    io,
    options,
    style,
    note: (text) => {
      if (!options.quiet) io.stderr.write(`${text}\n`);
    },
    write: (text) => {
      io.stdout.write(text);
    },
  };
}

/** --config, then GIFT_CALC_CONFIG, then ./gift-calc.yaml when present. */
function configPathOf(options: GlobalOptions, io: CliIo): string | undefined {
  const chosen = options.config ?? io.env.GIFT_CALC_CONFIG;
  if (chosen !== undefined && chosen !== "") return resolve(io.cwd, chosen);
  const local = resolve(io.cwd, "gift-calc.yaml");
  // Synchronously: node:fs/promises is not loaded at start-up for this one check.
  return existsSync(local) ? local : undefined;
}

export async function modelContext(command: Command, io: CliIo): Promise<ModelContext> {
  const base = await baseContext(command, io);
  const configPath = configPathOf(base.options, io);
  const [defaults, config] = await Promise.all([
    loadBuiltinDefaults(),
    configPath === undefined
      ? undefined
      : import("../io/config-file.js").then(({ loadConfigFile }) => loadConfigFile(configPath)),
  ]);

  const rateOverrides: Record<string, string> = {};
  for (const text of command.opts<{ rate?: string[] }>().rate ?? []) {
    const { code, rate } = parseRateOverride(text);
    rateOverrides[code] = rate;
  }
  const resolved = resolveSettings({
    defaults,
    ...(configPath && config ? { file: { path: configPath, config } } : {}),
    overrides: modelOverrides(command, io.env),
    rateOverrides,
  });

  const flagCatalog = base.options.catalog ?? io.env.GIFT_CALC_CATALOG;
  let catalogPath: string | undefined;
  if (flagCatalog !== undefined && flagCatalog !== "") catalogPath = resolve(io.cwd, flagCatalog);
  else if (config?.catalog !== undefined && configPath !== undefined) {
    catalogPath = isAbsolute(config.catalog) ? config.catalog : resolve(dirname(configPath), config.catalog);
  }
  const catalog =
    catalogPath === undefined
      ? await loadBuiltinCatalog()
      : await import("../io/catalog-file.js").then(({ loadCatalogFile }) => loadCatalogFile(catalogPath));

  return {
    ...base,
    catalog,
    catalogPath,
    configPath,
    resolved,
    model: resolveModel(resolved.settings, (key, flag) => {
      const origin = resolved.origins[key];
      if (origin?.origin === "env" || origin?.origin === "file") return origin.from ?? flag;
      return flag;
    }),
  };
}
