import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readCanonicalCatalog } from "../../src/io/catalog-fast.js";
import { checkParsedCatalog } from "../../src/io/catalog-file.js";
import { parseYaml } from "../../src/io/yaml.js";

/** What the general YAML parser makes of the text: value and every problem with its position. */
const general = (text: string) => {
  const parsed = parseYaml(text);
  if (!parsed.ok) return "syntax error";
  return { value: parsed.yaml.value, problems: checkParsedCatalog(parsed.yaml, "f.yaml").problems };
};
const fast = (text: string) => {
  const parsed = readCanonicalCatalog(text);
  return parsed && { value: parsed.value, problems: checkParsedCatalog(parsed, "f.yaml").problems };
};

// Few names, ids and prices, so duplicates and bad prices (0, negative, absurd) come up often.
const name = fc.oneof(
  fc.constantFrom("Rose", "rose", "Heart", "Lion", "", " "),
  fc.string({
    minLength: 1,
    maxLength: 8,
    unit: fc.constantFrom("a", "B", " ", '"', "\\", "’", "#", ":", "é", "🌹", "\t"),
  }),
);
const giftLine = fc
  .record({
    id: fc.integer({ min: 0, max: 12 }),
    name,
    coins: fc.oneof(fc.integer({ min: -5, max: 50 }), fc.constant(2_000_000)),
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
const header = fc.constantFrom(
  ["# header", "source:", "  description: test"],
  ["source:", "  description: test", '  capturedAt: "2024-01-05"'],
  ["source:", "  description: ''"],
  ["source: { description: x, colour: red }"],
);
const catalogText = fc
  .tuple(
    header,
    fc.array(fc.oneof({ weight: 8, arbitrary: giftLine }, fc.constantFrom("", "  # a comment", "# top")), {
      minLength: 1,
      maxLength: 12,
    }),
  )
  .map(([top, lines]) => [...top, "gifts:", ...lines, ""].join("\n"));

describe("the canonical-layout catalog reader", () => {
  it("reads the same value and places every problem where the general YAML parser does", () => {
    let read = 0;
    let withProblems = 0;
    fc.assert(
      fc.property(catalogText, (text) => {
        const quick = fast(text);
        if (quick === undefined) return;
        read += 1;
        if (quick.problems.length > 0) withProblems += 1;
        expect(quick).toEqual(general(text));
      }),
      { numRuns: 400 },
    );
    // The generator writes canonical lines, so nearly every case takes the fast path, many with problems.
    expect(read).toBeGreaterThan(350);
    expect(withProblems).toBeGreaterThan(100);
  });

  it("reads the shipped catalog, the same as the general parser", () => {
    const text = readFileSync(new URL("../../data/gift-catalog.yaml", import.meta.url), "utf8");
    expect(fast(text)).toEqual(general(text));
    expect(fast(text)?.problems).toEqual([]);
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
    [
      "a price that is not whole",
      'source: {description: x}\ngifts:\n  - { id: 1, name: "A", coins: 1.5, streakable: true }\n',
    ],
    ["no gift at all", "source: {description: x}\ngifts:\n"],
    ["a broken header", "source: [\ngifts:\n"],
  ])("leaves %s to the general parser", (_what, text) => {
    expect(readCanonicalCatalog(text)).toBeUndefined();
  });
});
