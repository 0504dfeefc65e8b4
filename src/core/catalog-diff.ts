/**
 * What changed between two catalogs, gift by gift, matched by id: TikTok re-prices a gift by
 * issuing a new id, so a price change under the same id is rare and worth a reviewer's eye.
 */
import type { Catalog, Gift } from "./catalog.js";
import { decimal, toText } from "./money.js";

export const CATALOG_CHANGE_KINDS = [
  "added",
  "removed",
  "repriced",
  "renamed",
  "retired",
  "unretired",
  "streakable",
] as const;
export type CatalogChangeKind = (typeof CATALOG_CHANGE_KINDS)[number];

/** One change to one gift. A gift both renamed and repriced yields two changes. */
export interface CatalogChange {
  readonly kind: CatalogChangeKind;
  readonly id: number;
  /** The gift's name in the newer catalog (the older one's for `removed`). */
  readonly name: string;
  readonly oldName?: string;
  readonly oldCoins?: number;
  readonly newCoins?: number;
  /** (new − old) / old × 100, rounded half-up to one decimal place ("28.6", "-50"). */
  readonly changePercent?: string;
  /** The retirement date (`retired`), or the date the gift had before it came back (`unretired`). */
  readonly retired?: string;
  readonly streakable?: boolean;
}

export interface CatalogDiff {
  readonly changes: readonly CatalogChange[];
  readonly counts: Readonly<Record<CatalogChangeKind, number>>;
}

/** Percent change of a price, exact until the one rounding for display. */
export function percentChange(oldCoins: number, newCoins: number): string {
  const change = decimal(newCoins).minus(decimal(oldCoins)).times(decimal(100)).div(decimal(oldCoins));
  // Half-up (mode 1) for display: a price going 3 → 4 is +33.3 %, 2 → 3 is +50 %.
  return toText(change.round(1, 1));
}

function changesOf(before: Gift, after: Gift): CatalogChange[] {
  const changes: CatalogChange[] = [];
  const base = { id: after.id, name: after.name };
  if (before.coins !== after.coins) {
    changes.push({
      kind: "repriced",
      ...base,
      oldCoins: before.coins,
      newCoins: after.coins,
      changePercent: percentChange(before.coins, after.coins),
    });
  }
  if (before.name !== after.name) changes.push({ kind: "renamed", ...base, oldName: before.name });
  if (before.retired === undefined && after.retired !== undefined) {
    changes.push({ kind: "retired", ...base, newCoins: after.coins, retired: after.retired });
  }
  if (before.retired !== undefined && after.retired === undefined) {
    changes.push({ kind: "unretired", ...base, newCoins: after.coins, retired: before.retired });
  }
  if (before.isStreakable !== after.isStreakable) {
    changes.push({ kind: "streakable", ...base, streakable: after.isStreakable });
  }
  return changes;
}

const byKindThenPrice = (a: CatalogChange, b: CatalogChange): number =>
  CATALOG_CHANGE_KINDS.indexOf(a.kind) - CATALOG_CHANGE_KINDS.indexOf(b.kind) ||
  (a.newCoins ?? a.oldCoins ?? 0) - (b.newCoins ?? b.oldCoins ?? 0) ||
  a.id - b.id;

/** Every change from `before` to `after`, grouped by kind, cheapest gift first within a kind. */
export function diffCatalogs(before: Catalog, after: Catalog): CatalogDiff {
  const changes: CatalogChange[] = [];
  for (const gift of after.gifts) {
    const old = before.byId.get(gift.id);
    if (old === undefined) {
      changes.push({
        kind: "added",
        id: gift.id,
        name: gift.name,
        newCoins: gift.coins,
        streakable: gift.isStreakable,
        ...(gift.retired === undefined ? {} : { retired: gift.retired }),
      });
    } else {
      changes.push(...changesOf(old, gift));
    }
  }
  for (const gift of before.gifts) {
    if (!after.byId.has(gift.id)) {
      changes.push({ kind: "removed", id: gift.id, name: gift.name, oldCoins: gift.coins });
    }
  }
  changes.sort(byKindThenPrice);
  const counts = Object.fromEntries(CATALOG_CHANGE_KINDS.map((kind) => [kind, 0])) as Record<
    CatalogChangeKind,
    number
  >;
  for (const change of changes) counts[change.kind] += 1;
  return { changes, counts };
}
