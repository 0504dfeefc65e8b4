/**
 * Writing catalog YAML from a capture: a new file, or a merge into an existing one through the
 * `yaml` Document API, so the maintainer's comments, aliases and key order survive. Every gift
 * stays one flow mapping on one line, as in data/gift-catalog.yaml.
 */
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, type YAMLMap, type YAMLSeq } from "yaml";
import type { Catalog } from "../core/catalog.js";
import { type CatalogDiff, diffCatalogs } from "../core/catalog-diff.js";
import { GiftCalcError } from "../errors.js";
import type { Capture, CapturedGift } from "./catalog-capture.js";
import { catalogFromText } from "./catalog-file.js";

export interface ImportResult {
  /** The catalog YAML to write. */
  readonly text: string;
  readonly catalog: Catalog;
  /** From the catalog merged into (empty when there was none) to the result. */
  readonly diff: CatalogDiff;
}

const SOURCE_DESCRIPTION: Record<Capture["kind"], string> = {
  "gift-list-response": "TikTok webcast/gift/list capture",
  "gift-array": "gift list from a live-event library",
};

/** yaml prints `[ "a" ]`; the shipped catalog writes `["a"]`. Quotes inside names are escaped. */
function toText(doc: Document): string {
  return doc
    .toString({ lineWidth: 0 })
    .replace(/: \[ "/g, ': ["')
    .replace(/(?<!\\)" \]/g, '"]');
}

function quoted(value: string): Scalar {
  const scalar = new Scalar(value);
  scalar.type = Scalar.QUOTE_DOUBLE;
  return scalar;
}

function giftNode(doc: Document, gift: CapturedGift, retired?: string): YAMLMap {
  const node = doc.createNode({
    id: gift.id,
    name: quoted(gift.name),
    coins: gift.coins,
    streakable: gift.isStreakable,
    ...(retired === undefined ? {} : { retired: quoted(retired) }),
  }) as YAMLMap;
  node.flow = true;
  return node;
}

const cheaperFirst = (a: CapturedGift, b: CapturedGift) => a.coins - b.coins || a.id - b.id;

function emptyCatalog(): Catalog {
  return catalogFromText("source: {description: none}\ngifts: []\n", "(none)");
}

/** A new catalog holding the capture's gifts, cheapest first. */
export function catalogFromCapture(capture: Capture, date: string): ImportResult {
  const doc = new Document({
    source: { description: SOURCE_DESCRIPTION[capture.kind], capturedAt: quoted(date) },
    gifts: [],
  });
  doc.commentBefore = [
    ` Gift catalog written by \`gift-calc catalog import\` from a capture of ${date} (${capture.gifts.length} gifts).`,
    " coins: the price of one gift in viewer coins (the API's diamond_count).",
    " streakable: the API's type 1 (combo) gifts, sent in streaks with a cumulative repeat count.",
  ].join("\n");
  const gifts = doc.get("gifts", true) as YAMLSeq;
  for (const gift of [...capture.gifts].sort(cheaperFirst)) gifts.add(giftNode(doc, gift));
  return finish(doc, emptyCatalog(), "(capture)");
}

function numberIn(map: YAMLMap, key: string): number | undefined {
  const value = map.get(key);
  return typeof value === "number" ? value : undefined;
}

/**
 * Merge a capture into an existing catalog's text: prices, names and streakability updated, new
 * gifts added in price order, gifts missing from the capture retired on `date`, and gifts that
 * came back un-retired. Aliases and comments are left as they were.
 */
export function mergeCapture(
  existingText: string,
  fileName: string,
  capture: Capture,
  date: string,
): ImportResult {
  const before = catalogFromText(existingText, fileName);
  const doc = parseDocument(existingText);
  const gifts = doc.get("gifts", true);
  if (!isSeq(gifts)) throw new GiftCalcError("BAD_CATALOG", `${fileName}: gifts is not a list`);

  const captured = new Map(capture.gifts.map((gift) => [gift.id, gift]));
  const known = new Set<number>();
  for (const item of gifts.items) {
    if (!isMap(item)) continue;
    const id = numberIn(item, "id");
    if (id === undefined) continue;
    known.add(id);
    const gift = captured.get(id);
    if (gift === undefined) {
      if (!item.has("retired")) item.set("retired", quoted(date));
      continue;
    }
    if (numberIn(item, "coins") !== gift.coins) item.set("coins", gift.coins);
    if (item.get("name") !== gift.name) item.set("name", quoted(gift.name));
    if (item.get("streakable") !== gift.isStreakable) item.set("streakable", gift.isStreakable);
    if (item.has("retired")) item.delete("retired");
  }

  const added = capture.gifts.filter((gift) => !known.has(gift.id)).sort(cheaperFirst);
  for (const gift of added) {
    // Before the first dearer gift, so a catalog kept in price order stays in price order.
    const at = gifts.items.findIndex((item) => {
      if (!isMap(item)) return false;
      const coins = numberIn(item, "coins") ?? 0;
      return coins > gift.coins || (coins === gift.coins && (numberIn(item, "id") ?? 0) > gift.id);
    });
    gifts.items.splice(at === -1 ? gifts.items.length : at, 0, giftNode(doc, gift));
  }

  const source = doc.get("source", true);
  if (isMap(source)) {
    const old = source.get("capturedAt", true);
    if (!(isScalar(old) && old.value === date)) source.set("capturedAt", quoted(date));
  }
  return finish(doc, before, fileName);
}

function finish(doc: Document, before: Catalog, fileName: string): ImportResult {
  const text = toText(doc);
  // The result must itself be a valid catalog (a rename can collide with an alias, say).
  const catalog = catalogFromText(text, fileName);
  return { text, catalog, diff: diffCatalogs(before, catalog) };
}
