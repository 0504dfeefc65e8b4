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
import { parseYaml } from "./yaml.js";

export interface CatalogCheck {
  /** Present when the file has no errors (warnings allowed). */
  readonly catalog?: Catalog;
  readonly file?: CatalogFile;
  readonly problems: readonly FileProblem[];
}

/**
 * Every problem of a catalog's text (schema and rules together, in reading order), and the catalog
 * when there is no error. Never throws.
 */
export function checkCatalogText(text: string, fileName: string): CatalogCheck {
  const fast = cleanCanonicalCatalog(text, fileName);
  if (fast !== undefined) return fast;
  const parsed = parseYaml(text);
  if (!parsed.ok) return { problems: syntaxProblems(fileName, parsed.problems) };
  const result = catalogFileSchema.safeParse(parsed.yaml.value);
  const problems = [
    ...(result.success ? [] : schemaProblems(fileName, result.error, parsed.yaml, refineCatalogIssue)),
    ...catalogRuleProblems(parsed.yaml, fileName),
  ].sort(byPosition);
  if (!result.success) return { problems };
  if (problems.some((problem) => problem.severity === "error")) return { file: result.data, problems };
  return { catalog: catalogFromFile(result.data), file: result.data, problems };
}

/** The check of a canonical, problem-free catalog, read fast; undefined for any other. */
function cleanCanonicalCatalog(text: string, fileName: string): CatalogCheck | undefined {
  const value = readCanonicalCatalog(text);
  if (value === undefined) return undefined;
  const result = catalogFileSchema.safeParse(value);
  if (!result.success) return undefined;
  // Positions are needed only for problems, and problems send the file to the general parser.
  if (catalogRuleProblems({ value, locate: () => ({ line: 1, col: 1 }) }, fileName).length > 0)
    return undefined;
  return { catalog: catalogFromFile(result.data), file: result.data, problems: [] };
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
