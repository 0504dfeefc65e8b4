import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readCanonicalCatalog } from "../../src/io/catalog-fast.js";
import { parseYaml } from "../../src/io/yaml.js";

const general = (text: string) => {
  const parsed = parseYaml(text);
  return parsed.ok ? parsed.yaml.value : "syntax error";
};

const name = fc.string({
  minLength: 1,
  maxLength: 12,
  unit: fc.constantFrom("a", "B", " ", '"', "\\", "’", "#", ":", "é", "🌹", "\t"),
});
const giftLine = fc
  .record({
    id: fc.integer({ min: 1, max: 99999 }),
    name,
    coins: fc.integer({ min: -5, max: 50000 }),
    streakable: fc.boolean(),
    aliases: fc.option(fc.array(name, { maxLength: 3 }), { nil: undefined }),
    retired: fc.option(fc.constantFrom("2024-01-05", "2023-08-04"), { nil: undefined }),
    comment: fc.option(fc.constantFrom(" # note", "  #x"), { nil: undefined }),
  })
  .map((gift) => {
    const parts = [
      `id: ${gift.id}`,
      `name: ${JSON.stringify(gift.name)}`,
      `coins: ${gift.coins}`,
      `streakable: ${gift.streakable}`,
    ];
    if (gift.aliases)
      parts.push(`aliases: [${gift.aliases.map((alias) => JSON.stringify(alias)).join(", ")}]`);
    if (gift.retired) parts.push(`retired: "${gift.retired}"`);
    return `  - { ${parts.join(", ")} }${gift.comment ?? ""}`;
  });
const catalogText = fc
  .array(fc.oneof({ weight: 8, arbitrary: giftLine }, fc.constantFrom("", "  # a comment", "# top")), {
    minLength: 1,
    maxLength: 12,
  })
  .map((lines) => ["# header", "source:", "  description: test", "gifts:", ...lines, ""].join("\n"));

describe("the canonical-layout catalog reader", () => {
  it("reads exactly what the general YAML parser reads, whenever it reads at all", () => {
    let read = 0;
    fc.assert(
      fc.property(catalogText, (text) => {
        const fast = readCanonicalCatalog(text);
        if (fast !== undefined) {
          read += 1;
          expect(fast).toEqual(general(text));
        }
      }),
      { numRuns: 300 },
    );
    // The generator writes canonical lines, so nearly every case takes the fast path.
    expect(read).toBeGreaterThan(250);
  });

  it("reads the shipped catalog, the same as the general parser", () => {
    const text = readFileSync(new URL("../../data/gift-catalog.yaml", import.meta.url), "utf8");
    const fast = readCanonicalCatalog(text);
    expect(fast).toBeDefined();
    expect(fast).toEqual(general(text));
  });

  it.each([
    ["a block-style gift", "gifts:\n  - id: 1\n    name: Rose\n"],
    [
      "keys in another order",
      'source: {description: x}\ngifts:\n  - { name: "Rose", id: 1, coins: 1, streakable: true }\n',
    ],
    [
      "a YAML-only escape",
      'source: {description: x}\ngifts:\n  - { id: 1, name: "\\e", coins: 1, streakable: true }\n',
    ],
    ["no gift at all", "source: {description: x}\ngifts:\n"],
    ["a broken header", "source: [\ngifts:\n"],
  ])("leaves %s to the general parser", (_what, text) => {
    expect(readCanonicalCatalog(text)).toBeUndefined();
  });
});
