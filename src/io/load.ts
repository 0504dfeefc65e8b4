/**
 * Library conveniences: a catalog and settings from files (or the shipped defaults), ready for the
 * core's `estimate`, `resolveModel` and friends.
 */
import type { Catalog } from "../core/catalog.js";
import { loadBuiltinCatalog, loadBuiltinDefaults } from "./builtin.js";
import { loadCatalogFile } from "./catalog-file.js";
import { loadConfigFile } from "./config-file.js";
import { type ResolvedSettings, resolveSettings, type SettingsSources } from "./settings.js";

/** The catalog at `path`, or the shipped one. */
export function loadCatalog(path?: string): Promise<Catalog> {
  return path === undefined ? loadBuiltinCatalog() : loadCatalogFile(path);
}

/** The defaults, overlaid by the config file at `configPath` and by `overrides`. */
export async function loadSettings(
  configPath?: string,
  overrides: Omit<SettingsSources, "defaults" | "file"> = {},
): Promise<ResolvedSettings> {
  const defaults = await loadBuiltinDefaults();
  const config = configPath === undefined ? undefined : await loadConfigFile(configPath);
  return resolveSettings({
    defaults,
    ...(config && configPath ? { file: { path: configPath, config } } : {}),
    ...overrides,
  });
}
