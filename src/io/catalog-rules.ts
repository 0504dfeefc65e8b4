/**
 * Rules a catalog must keep beyond its schema, and the stable codes its problems carry. The rules
 * read the parsed YAML leniently, so one run reports a duplicate id beside a bad price.
 */
import type { z } from "zod";
import { type Decimal, decimal, ZERO } from "../core/money.js";
import { normaliseName } from "../core/names.js";
import type { FileProblem, IssueRefiner, Severity } from "./problems.js";
import { formatPath } from "./problems.js";
import { MAX_GIFT_COINS } from "./schema/catalog-schema.js";
import type { ParsedYaml } from "./yaml.js";

/**
 * Every code `catalog validate` can report, with its severity. Codes are stable: tests, CI scripts
 * and `--format json` consumers match on them; messages may change.
 */
export const CATALOG_PROBLEM_CODES = {
  YAML_SYNTAX: { severity: "error", meaning: "the file is not valid YAML (or uses a custom tag)" },
  UNKNOWN_KEY: { severity: "error", meaning: "a key the catalog format does not have (a typo?)" },
  MISSING_KEY: { severity: "error", meaning: "a required key is absent" },
  INVALID_VALUE: { severity: "error", meaning: "a value of the wrong type or shape" },
  PRICE_NOT_INTEGER: { severity: "error", meaning: "`coins` is not a whole number" },
  PRICE_NOT_POSITIVE: { severity: "error", meaning: "`coins` is zero or negative" },
  PRICE_ABSURD: { severity: "error", meaning: `\`coins\` is over ${MAX_GIFT_COINS.toLocaleString("en")}` },
  RETIRED_WITHOUT_DATE: { severity: "error", meaning: "`retired` is not a YYYY-MM-DD date" },
  DUPLICATE_ID: { severity: "error", meaning: "two gifts have the same id" },
  DUPLICATE_ALIAS: { severity: "error", meaning: "an alias repeats another gift's name or alias" },
  DUPLICATE_NAME: {
    severity: "warning",
    meaning: "active gifts share a name and this one has no alias of its own",
  },
} as const satisfies Record<string, { severity: Severity; meaning: string }>;

export type CatalogProblemCode = keyof typeof CATALOG_PROBLEM_CODES;

/** Price and retirement issues get their own codes instead of a generic INVALID_VALUE. */
export const refineCatalogIssue: IssueRefiner = (issue: z.core.$ZodIssue, value: unknown) => {
  const key = issue.path.at(-1);
  if (key === "retired" && issue.path[0] === "gifts") {
    return {
      code: "RETIRED_WITHOUT_DATE",
      message: `retired must be a date written YYYY-MM-DD, not ${show(value)}`,
    };
  }
  if (key === "coins" && issue.path[0] === "gifts") return priceProblem(value);
  return undefined;
};

function show(value: unknown): string {
  return value === null ? "empty" : JSON.stringify(value);
}

function priceProblem(value: unknown): { code: CatalogProblemCode; message: string } {
  // The YAML reader hands over numbers that are not safe integers (1.5, 1e20) as their source text.
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
  let coins: Decimal;
  try {
    coins = decimal(text);
  } catch {
    return { code: "INVALID_VALUE", message: `coins must be a whole number, not ${show(value)}` };
  }
  if (!coins.round(0).eq(coins)) {
    return { code: "PRICE_NOT_INTEGER", message: `coins must be a whole number, not ${text}` };
  }
  if (coins.lte(ZERO))
    return { code: "PRICE_NOT_POSITIVE", message: `coins must be at least 1, not ${text}` };
  if (coins.gt(decimal(MAX_GIFT_COINS))) {
    return {
      code: "PRICE_ABSURD",
      message: `coins ${text} is over ${MAX_GIFT_COINS}; TikTok's dearest gift costs 44999`,
    };
  }
  return { code: "INVALID_VALUE", message: `coins must be a number, not the text ${show(value)}` };
}

interface RawGift {
  readonly index: number;
  readonly id: unknown;
  readonly name: string | undefined;
  readonly aliases: readonly unknown[];
  readonly isRetired: boolean;
}

function rawGifts(value: unknown): RawGift[] {
  const gifts = (value as { gifts?: unknown } | null)?.gifts;
  if (!Array.isArray(gifts)) return [];
  return gifts.flatMap((gift: unknown, index) => {
    if (gift === null || typeof gift !== "object" || Array.isArray(gift)) return [];
    const entry = gift as Record<string, unknown>;
    return [
      {
        index,
        id: entry.id,
        name: typeof entry.name === "string" ? entry.name : undefined,
        aliases: Array.isArray(entry.aliases) ? entry.aliases : [],
        isRetired: entry.retired !== undefined,
      },
    ];
  });
}

/** Duplicate ids, aliases and names, read from the parsed YAML whether or not the schema passed. */
export function catalogRuleProblems(yaml: ParsedYaml, fileName: string): FileProblem[] {
  const problems: FileProblem[] = [];
  const add = (code: CatalogProblemCode, path: PropertyKey[], message: string) =>
    problems.push({
      code,
      severity: CATALOG_PROBLEM_CODES[code].severity,
      file: fileName,
      ...yaml.locate(path),
      path: formatPath(path),
      message,
    });
  const gifts = rawGifts(yaml.value);

  const firstById = new Map<unknown, number>();
  for (const gift of gifts) {
    if (typeof gift.id !== "number") continue;
    const first = firstById.get(gift.id);
    if (first === undefined) firstById.set(gift.id, gift.index);
    else add("DUPLICATE_ID", ["gifts", gift.index, "id"], `id ${gift.id} is also gifts[${first}]`);
  }

  // An alias must name one gift: it may not repeat another gift's name or alias.
  const namesOf = new Map<string, number[]>();
  for (const gift of gifts) {
    if (gift.name === undefined) continue;
    const key = normaliseName(gift.name);
    // A blank name is the schema's to report, not a shared name.
    if (key === "") continue;
    namesOf.set(key, [...(namesOf.get(key) ?? []), gift.index]);
  }
  const aliasOwner = new Map<string, number>();
  for (const gift of gifts) {
    gift.aliases.forEach((alias, aliasIndex) => {
      if (typeof alias !== "string") return;
      const key = normaliseName(alias);
      if (key === "") return;
      const path = ["gifts", gift.index, "aliases", aliasIndex];
      const owner = aliasOwner.get(key);
      const named = (namesOf.get(key) ?? []).filter((other) => other !== gift.index);
      if (owner !== undefined && owner !== gift.index) {
        add("DUPLICATE_ALIAS", path, `alias "${alias}" is also an alias of gifts[${owner}]`);
      } else if (named.length > 0) {
        add("DUPLICATE_ALIAS", path, `alias "${alias}" is the name of gifts[${named[0]}]`);
      }
      aliasOwner.set(key, gift.index);
    });
  }

  // Active gifts sharing a name: fine only when each has an alias of its own, so each can be named.
  const byIndex = new Map(gifts.map((gift) => [gift.index, gift]));
  for (const indexes of namesOf.values()) {
    const active = indexes.filter((index) => byIndex.get(index)?.isRetired === false);
    if (active.length < 2) continue;
    for (const index of active) {
      const gift = byIndex.get(index);
      if (gift && gift.aliases.filter((alias) => typeof alias === "string").length === 0) {
        const others = active.filter((other) => other !== index).map((other) => `gifts[${other}]`);
        add(
          "DUPLICATE_NAME",
          ["gifts", index, "name"],
          `"${gift.name}" is also the name of active ${others.join(", ")}; give each an alias of its own`,
        );
      }
    }
  }
  return problems;
}
