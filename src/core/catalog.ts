/**
 * The gift catalog: what each gift costs in coins, and how to find a gift by id, name or alias.
 * Names may repeat in real data (two "Heart" gifts at 1 and 10 coins); a lookup by a repeated name
 * prefers active gifts and otherwise fails, listing the candidates.
 */
import { GiftCalcError } from "../errors.js";
import { closestNames, normaliseName } from "./names.js";

/** One gift, as the model uses it. `coins` is the viewer price of one gift, a positive integer. */
export interface Gift {
  readonly id: number;
  readonly name: string;
  readonly coins: number;
  readonly isStreakable: boolean;
  readonly aliases: readonly string[];
  /** Date (YYYY-MM-DD) the gift left TikTok's gift list; absent while it is active. */
  readonly retired?: string;
}

/** Where the catalog's prices come from. */
export interface CatalogSource {
  readonly description: string;
  readonly capturedAt?: string;
}

export interface Catalog {
  readonly source: CatalogSource;
  readonly gifts: readonly Gift[];
  /** Lookups, built once by `createCatalog`. */
  readonly byId: ReadonlyMap<number, Gift>;
  readonly byName: ReadonlyMap<string, readonly Gift[]>;
}

export function isActive(gift: Gift): boolean {
  return gift.retired === undefined;
}

export function createCatalog(gifts: readonly Gift[], source: CatalogSource): Catalog {
  const byId = new Map<number, Gift>();
  const byName = new Map<string, Gift[]>();
  const addName = (name: string, gift: Gift) => {
    const key = normaliseName(name);
    if (key === "") return;
    const list = byName.get(key);
    if (list === undefined) byName.set(key, [gift]);
    else if (!list.includes(gift)) list.push(gift);
  };
  for (const gift of gifts) {
    byId.set(gift.id, gift);
    addName(gift.name, gift);
    for (const alias of gift.aliases) addName(alias, gift);
  }
  return { source, gifts, byId, byName };
}

/** All gifts whose name or alias matches, active ones first (empty when none). */
export function giftsNamed(catalog: Catalog, name: string): readonly Gift[] {
  return catalog.byName.get(normaliseName(name)) ?? [];
}

export type NameResolution =
  | { readonly kind: "found"; readonly gift: Gift }
  | { readonly kind: "ambiguous"; readonly candidates: readonly Gift[] }
  | { readonly kind: "unknown" };

/**
 * Resolve a name without throwing: the single active gift of that name (or alias), the single
 * retired one when no active gift has it, or the candidates when that is not one gift.
 */
export function resolveName(catalog: Catalog, name: string): NameResolution {
  const all = giftsNamed(catalog, name);
  if (all.length === 0) return { kind: "unknown" };
  const active = all.filter(isActive);
  const pool = active.length > 0 ? active : all;
  const [only] = pool;
  if (pool.length === 1 && only) return { kind: "found", gift: only };
  // An alias that belongs to exactly one of the gifts beats a shared display name.
  const key = normaliseName(name);
  const byAlias = pool.filter((gift) => gift.aliases.some((alias) => normaliseName(alias) === key));
  const [aliased] = byAlias;
  if (byAlias.length === 1 && aliased) return { kind: "found", gift: aliased };
  return { kind: "ambiguous", candidates: pool };
}

export function describeGift(gift: Gift): string {
  const state = gift.retired === undefined ? "" : `, retired ${gift.retired}`;
  return `${gift.name} (id ${gift.id}, ${gift.coins} coin${gift.coins === 1 ? "" : "s"}${state})`;
}

/**
 * Find a gift by id (all digits) or by name or alias, or throw UNKNOWN_GIFT with "did you mean"
 * suggestions, or AMBIGUOUS_GIFT listing the candidates.
 */
export function findGift(catalog: Catalog, reference: string): Gift {
  const text = reference.trim();
  if (/^\d+$/.test(text)) {
    const gift = catalog.byId.get(Number(text));
    if (gift) return gift;
    if (giftsNamed(catalog, text).length === 0) {
      throw new GiftCalcError("UNKNOWN_GIFT", `no gift with id ${text} in the catalog`, {
        hint: "run `gift-calc catalog list` to see ids and names",
      });
    }
  }
  const resolution = resolveName(catalog, text);
  if (resolution.kind === "found") return resolution.gift;
  if (resolution.kind === "ambiguous") {
    const list = resolution.candidates.map(describeGift).join("; ");
    const aliases = resolution.candidates.flatMap((gift) =>
      gift.aliases.slice(0, 1).map((alias) => `"${alias}"`),
    );
    // Ids alone, not tally syntax: the hint also serves `catalog show` and `goal --gift`.
    const ids = resolution.candidates.map((gift) => gift.id).join(" or ");
    throw new GiftCalcError(
      "AMBIGUOUS_GIFT",
      `"${text}" names ${resolution.candidates.length} gifts: ${list}`,
      {
        hint:
          aliases.length > 0
            ? `use a gift id (${ids}) or an alias: ${aliases.join(", ")}`
            : `use a gift id (${ids})`,
      },
    );
  }
  const names = catalog.gifts.flatMap((gift) => [gift.name, ...gift.aliases]);
  const suggestions = closestNames(text, names);
  throw new GiftCalcError("UNKNOWN_GIFT", `unknown gift "${text}"`, {
    hint:
      suggestions.length > 0
        ? `did you mean ${suggestions.map((name) => `"${name}"`).join(", ")}?`
        : "run `gift-calc catalog list --search TEXT` to find a gift",
  });
}
