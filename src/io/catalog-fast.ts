/**
 * A fast reader for catalogs in the canonical layout (one flow mapping per gift line, keys in the
 * usual order, as `catalog import` writes and data/gift-catalog.yaml is kept). The general YAML
 * parser takes most of a second on 5,000 gifts; these lines are read with one regular expression.
 * Anything outside that layout returns undefined and the caller uses the general parser, which is
 * also the one that places problems on lines: this reader only ever serves clean files.
 */
import { parseYaml } from "./yaml.js";

const STRING = String.raw`"(?:[^"\\\u0000-\u001f]|\\.)*"`;
const GIFT_LINE = new RegExp(
  String.raw`^  - \{ id: (\d{1,15}), name: (${STRING}), coins: (-?\d{1,15}), streakable: (true|false)` +
    String.raw`(?:, aliases: \[((?:${STRING}(?:, ${STRING})*)?)\])?` +
    String.raw`(?:, retired: "(\d{4}-\d{2}-\d{2})")? \}[ \t]*(?:#.*)?$`,
);
const ALIAS = new RegExp(STRING, "g");
const IGNORABLE = /^[ \t]*(?:#.*)?$/;

/** YAML double-quoted text, read as JSON (the escapes both share); undefined when they differ. */
function quoted(text: string): string | undefined {
  try {
    return JSON.parse(text) as string;
  } catch {
    return undefined;
  }
}

/** The parsed catalog value, when the text is in the canonical layout; otherwise undefined. */
export function readCanonicalCatalog(text: string): unknown {
  const lines = text.split("\n");
  const giftsAt = lines.indexOf("gifts:");
  if (giftsAt === -1) return undefined;
  const header = parseYaml(lines.slice(0, giftsAt + 1).join("\n"));
  if (!header.ok) return undefined;
  const value = header.yaml.value as Record<string, unknown> | null;
  if (value === null || typeof value !== "object" || value.gifts !== null) return undefined;

  const gifts: Record<string, unknown>[] = [];
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
  }
  // With no gift line the general parser reads `gifts:` as null, not [].
  return gifts.length === 0 ? undefined : { ...value, gifts };
}
