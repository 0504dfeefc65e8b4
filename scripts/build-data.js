#!/usr/bin/env node
// After `tsc`: validate the shipped YAML (data/) with the compiled loaders and write it as JSON to
// dist/data/, so a run on the defaults needs neither the YAML parser nor zod. A broken shipped
// catalog or config fails the build.
import { mkdir, readFile, writeFile } from "node:fs/promises";

const root = new URL("../", import.meta.url);
const { checkCatalogText } = await import(new URL("dist/io/catalog-file.js", root).href);
const { defaultsFromText } = await import(new URL("dist/io/config-file.js", root).href);
const { formatProblem } = await import(new URL("dist/io/problems.js", root).href);

await mkdir(new URL("dist/data/", root), { recursive: true });

const catalogPath = "data/gift-catalog.yaml";
const check = checkCatalogText(await readFile(new URL(catalogPath, root), "utf8"), catalogPath);
if (!check.catalog || !check.file) {
  for (const problem of check.problems) console.error(formatProblem(problem));
  console.error(`build: ${catalogPath} is not a valid catalog`);
  process.exit(1);
}
await writeFile(new URL("dist/data/gift-catalog.json", root), JSON.stringify(check.file));

const defaultsPath = "data/defaults.yaml";
const defaults = defaultsFromText(await readFile(new URL(defaultsPath, root), "utf8"), defaultsPath);
await writeFile(new URL("dist/data/defaults.json", root), JSON.stringify(defaults));
