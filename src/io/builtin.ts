/**
 * The shipped data: data/gift-catalog.yaml and data/defaults.yaml. The build validates them and
 * writes them as JSON beside the compiled code (dist/data), so a run on the defaults loads neither
 * the YAML parser nor zod; from the sources (tests, a checkout without a build) the YAML is read.
 */
// Read synchronously: two small files at start-up, which node:fs/promises (~1.5 ms to load) and the
// thread pool's start would only delay.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Catalog } from "../core/catalog.js";
import { catalogFromFile } from "./catalog-model.js";
import type { CatalogFile, DefaultsFile } from "./schema/index.js";

const builtJson = (name: string) => new URL(`../data/${name}.json`, import.meta.url);
const sourceYaml = (name: string) => new URL(`../../data/${name}.yaml`, import.meta.url);

/** Path of the shipped catalog's YAML source (for messages and `catalog validate`). */
export const BUILTIN_CATALOG_PATH = fileURLToPath(sourceYaml("gift-catalog"));
export const BUILTIN_DEFAULTS_PATH = fileURLToPath(sourceYaml("defaults"));

function readBuilt<T>(name: string): T | undefined {
  try {
    return JSON.parse(readFileSync(builtJson(name), "utf8")) as T;
  } catch {
    return undefined;
  }
}

let defaultsPromise: Promise<DefaultsFile> | undefined;
let catalogPromise: Promise<Catalog> | undefined;

export function loadBuiltinDefaults(): Promise<DefaultsFile> {
  defaultsPromise ??= (async () => {
    const built = readBuilt<DefaultsFile>("defaults");
    if (built) return built;
    const { defaultsFromText } = await import("./config-file.js");
    return defaultsFromText(readFileSync(sourceYaml("defaults"), "utf8"), BUILTIN_DEFAULTS_PATH);
  })();
  return defaultsPromise;
}

export function loadBuiltinCatalog(): Promise<Catalog> {
  catalogPromise ??= (async () => {
    const built = readBuilt<CatalogFile>("gift-catalog");
    if (built) return catalogFromFile(built);
    const { catalogFromText } = await import("./catalog-file.js");
    return catalogFromText(readFileSync(sourceYaml("gift-catalog"), "utf8"), BUILTIN_CATALOG_PATH);
  })();
  return catalogPromise;
}
