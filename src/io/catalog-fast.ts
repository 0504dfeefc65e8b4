/**
 * A fast reader for catalogs in the canonical layout (one flow mapping per gift line, keys in the
 * usual order, as `catalog import` writes and data/gift-catalog.yaml is kept). The general YAML
 * parser takes most of a second on 5,000 gifts; these lines are read with one regular expression,
 * and problems are placed where the general parser would place them (a test holds the two to it).
 * Anything outside that layout returns undefined and the caller uses the general parser.
 */
import { type ParsedYaml, type Position, parseYaml } from "./yaml.js";

const STRING = String.raw`"(?:[^"\\\u0000-\u001f]|\\.)*"`;
const GIFT_LINE = new RegExp(
  String.raw`^  - \{ id: (\d{1,15}), name: (${STRING}), coins: (-?\d{1,15}), streakable: (true|false)` +
    String.raw`(?:, aliases: \[((?:${STRING}(?:, ${STRING})*)?)\])?` +
    String.raw`(?:, retired: "(\d{4}-\d{2}-\d{2})")? \}[ \t]*(?:#.*)?$`,
  "d",
);
const ALIAS = new RegExp(STRING, "g");
const IGNORABLE = /^[ \t]*(?:#.*)?$/;
/** Column (1-based) of the `{` that opens every canonical gift line. */
const MAP_COL = 5;

/** YAML double-quoted text, read as JSON (the escapes both share); undefined when they differ. */
function quoted(text: string): string | undefined {
  try {
    return JSON.parse(text) as string;
  } catch {
    return undefined;
  }
}

/** Where one gift line's keys and aliases start (1-based columns). */
interface GiftPlaces {
  readonly line: number;
  readonly keys: ReadonlyMap<string, number>;
  readonly aliases: readonly number[];
  readonly aliasesOpen?: number;
}

function placesOf(match: RegExpExecArray, line: number): GiftPlaces {
  const indices = match.indices ?? [];
  const keys = new Map<string, number>();
  // A key's column is its value's start less the `key: ` (and any opening bracket or quote).
  const keyAt = (key: string, group: number, before: number) => {
    const start = indices[group]?.[0];
    if (start !== undefined) keys.set(key, start - before - key.length - 2 + 1);
  };
  keyAt("id", 1, 0);
  keyAt("name", 2, 0);
  keyAt("coins", 3, 0);
  keyAt("streakable", 4, 0);
  keyAt("aliases", 5, 1);
  keyAt("retired", 6, 1);
  const aliases: number[] = [];
  const aliasText = indices[5];
  if (aliasText !== undefined) {
    for (const alias of (match[5] ?? "").matchAll(ALIAS)) aliases.push(aliasText[0] + (alias.index ?? 0) + 1);
  }
  return { line, keys, aliases, ...(aliasText === undefined ? {} : { aliasesOpen: aliasText[0] }) };
}

/**
 * The parsed catalog, when the text is in the canonical layout, with positions as the general
 * parser gives them (a mapping key's own position; else the node's; else its parent's).
 */
export function readCanonicalCatalog(text: string): ParsedYaml | undefined {
  const lines = text.split("\n");
  const giftsAt = lines.indexOf("gifts:");
  if (giftsAt === -1) return undefined;
  const header = parseYaml(lines.slice(0, giftsAt + 1).join("\n"));
  if (!header.ok) return undefined;
  const value = header.yaml.value as Record<string, unknown> | null;
  if (value === null || typeof value !== "object" || value.gifts !== null) return undefined;

  const gifts: Record<string, unknown>[] = [];
  const places: GiftPlaces[] = [];
  for (let index = giftsAt + 1; index < lines.length; index++) {
    const line = lines[index] ?? "";
    if (IGNORABLE.test(line)) continue;
    const match = GIFT_LINE.exec(line);
    if (match === null) return undefined;
    const [, id, nameText, coins, streakable, aliasText, retired] = match;
    const name = quoted(nameText ?? "");
    if (name === undefined) return undefined;
    const gift: Record<string, unknown> = {
      id: Number(id),
      name,
      coins: Number(coins),
      streakable: streakable === "true",
    };
    if (aliasText !== undefined) {
      const aliases = (aliasText.match(ALIAS) ?? []).map(quoted);
      if (aliases.some((alias) => alias === undefined)) return undefined;
      gift.aliases = aliases;
    }
    if (retired !== undefined) gift.retired = retired;
    gifts.push(gift);
    places.push(placesOf(match, index + 1));
  }
  // With no gift line the general parser reads `gifts:` as null, not [].
  if (gifts.length === 0) return undefined;

  const locate = (path: readonly PropertyKey[]): Position => {
    const [top, index, key, aliasIndex] = path;
    const place = top === "gifts" && typeof index === "number" ? places[index] : undefined;
    if (place === undefined) return header.yaml.locate(path);
    const at = (col: number | undefined): Position => ({ line: place.line, col: col ?? MAP_COL });
    if (path.length === 2 || typeof key !== "string") return at(MAP_COL);
    if (path.length === 3) return at(place.keys.get(key));
    if (key === "aliases" && typeof aliasIndex === "number") {
      return at(place.aliases[aliasIndex] ?? place.aliasesOpen ?? place.keys.get(key));
    }
    return at(place.keys.get(key));
  };
  return { value: { ...value, gifts }, locate };
}
