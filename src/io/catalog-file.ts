/**
 * Catalog files: read → parse (YAML, zod strict) → rules → normalise into the core's `Catalog`.
 */

import type { Catalog } from "../core/catalog.js";
import { GiftCalcError } from "../errors.js";
import { readCanonicalCatalog } from "./catalog-fast.js";
import { catalogFromFile } from "./catalog-model.js";
import { catalogRuleProblems, refineCatalogIssue } from "./catalog-rules.js";
import { readTextFile } from "./files.js";
import { byPosition, type FileProblem, formatProblem, schemaProblems, syntaxProblems } from "./problems.js";
import { type CatalogFile, catalogFileSchema } from "./schema/catalog-schema.js";
import { type ParsedYaml, parseYaml } from "./yaml.js";

export interface CatalogCheck {
  /** Present when the file has no errors (warnings allowed). */
  readonly catalog?: Catalog;
  readonly file?: CatalogFile;
  readonly problems: readonly FileProblem[];
}

/**
 * Every problem of a catalog's text (schema and rules together, in reading order), and the catalog
 * when there is no error. Never throws. Files in the canonical one-line-per-gift layout are read
 * without the general YAML parser, which is slow on large files.
 */
export function checkCatalogText(text: string, fileName: string): CatalogCheck {
  const canonical = readCanonicalCatalog(text);
  if (canonical !== undefined) return checkParsedCatalog(canonical, fileName);
  const parsed = parseYaml(text);
  if (!parsed.ok) return { problems: syntaxProblems(fileName, parsed.problems) };
  return checkParsedCatalog(parsed.yaml, fileName);
}

/** Schema and rules on parsed YAML (from either reader). */
export function checkParsedCatalog(yaml: ParsedYaml, fileName: string): CatalogCheck {
  const result = catalogFileSchema.safeParse(yaml.value);
  const problems = [
    ...(result.success ? [] : schemaProblems(fileName, result.error, yaml, refineCatalogIssue)),
    ...catalogRuleProblems(yaml, fileName),
  ].sort(byPosition);
  if (!result.success) return { problems };
  if (problems.some((problem) => problem.severity === "error")) return { file: result.data, problems };
  return { catalog: catalogFromFile(result.data), file: result.data, problems };
}

/** A catalog for computing: errors refuse it (exit 2, first problem shown), warnings do not. */
export function catalogFromText(text: string, fileName: string): Catalog {
  const check = checkCatalogText(text, fileName);
  if (check.catalog) return check.catalog;
  const errors = check.problems.filter((problem) => problem.severity === "error");
  const first = errors[0];
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : "";
  throw new GiftCalcError(
    "BAD_CATALOG",
    `invalid catalog: ${first ? formatProblem(first) : fileName}${more}`,
    {
      hint: `run \`gift-calc catalog validate ${fileName}\` to see every problem`,
    },
  );
}

export async function loadCatalogFile(path: string): Promise<Catalog> {
  return catalogFromText(await readTextFile(path, "catalog"), path);
}
