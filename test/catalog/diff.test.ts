import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createCatalog, type Gift } from "../../src/core/catalog.js";
import { type CatalogChange, diffCatalogs, percentChange } from "../../src/core/catalog-diff.js";
import { captureFromText } from "../../src/io/catalog-capture.js";
import { catalogFromCapture } from "../../src/io/catalog-writer.js";
import { runCli, runJson } from "../helpers/cli.js";

const fixturePath = (name: string) => fileURLToPath(new URL(`../fixtures/catalog/${name}`, import.meta.url));
const importCapture = (date: string) => {
  const capture = captureFromText(readFileSync(fixturePath(`gift-list-${date}.json`), "utf8"), date);
  return catalogFromCapture(capture, capture.capturedAt ?? date);
};
const gift = (id: number, name: string, coins: number, extra: Partial<Gift> = {}): Gift => ({
  id,
  name,
  coins,
  isStreakable: false,
  aliases: [],
  ...extra,
});
const catalogOf = (...gifts: Gift[]) => createCatalog(gifts, { description: "test" });

describe("diffCatalogs", () => {
  it("shows TikTok Universe re-priced under a new id between the 2023-08-04 and 2024-01-05 captures", () => {
    const older = importCapture("2023-08-04");
    const newer = importCapture("2024-01-05");
    const { changes, counts } = diffCatalogs(older.catalog, newer.catalog);
    const about = (id: number) => changes.filter((change) => change.id === id);
    expect(about(6038)).toEqual([{ kind: "removed", id: 6038, name: "TikTok Universe", oldCoins: 34999 }]);
    expect(about(9072)).toEqual([
      { kind: "added", id: 9072, name: "TikTok Universe", newCoins: 44999, streakable: false },
    ]);
    expect(counts).toMatchObject({ repriced: 0, renamed: 0, added: 25, removed: 42 });
  });

  it("reports each kind of change, matched by id", () => {
    const before = catalogOf(
      gift(1, "Rose", 1),
      gift(2, "Lion", 29999),
      gift(3, "Old", 5),
      gift(4, "Panda", 5),
      gift(5, "Back", 9, { retired: "2023-01-01" }),
      gift(6, "Combo", 1),
    );
    const after = catalogOf(
      gift(1, "Rose", 2),
      gift(2, "Lion King", 29999),
      gift(4, "Panda", 5, { retired: "2024-01-05" }),
      gift(5, "Back", 9),
      gift(6, "Combo", 1, { isStreakable: true }),
      gift(7, "New", 100),
    );
    const kinds = diffCatalogs(before, after).changes.map((change: CatalogChange) => [
      change.kind,
      change.id,
    ]);
    expect(kinds).toEqual([
      ["added", 7],
      ["removed", 3],
      ["repriced", 1],
      ["renamed", 2],
      ["retired", 4],
      ["unretired", 5],
      ["streakable", 6],
    ]);
  });

  it("computes the percent change exactly, rounded for display", () => {
    expect(percentChange(34999, 44999)).toBe("28.6");
    expect(percentChange(3, 4)).toBe("33.3");
    expect(percentChange(10, 5)).toBe("-50");
    expect(percentChange(1, 1)).toBe("0");
  });

  it("finds nothing between a catalog and itself", () => {
    const catalog = importCapture("2024-01-05").catalog;
    expect(diffCatalogs(catalog, catalog).changes).toEqual([]);
  });
});

const yamlOf = (...lines: string[]) =>
  ["source: { description: test }", "gifts:", ...lines.map((line) => `  - ${line}`), ""].join("\n");
const OLD = yamlOf(
  '{ id: 5655, name: "Rose", coins: 1, streakable: true }',
  '{ id: 6038, name: "TikTok Universe", coins: 34999, streakable: false }',
);
const NEW = yamlOf(
  '{ id: 5655, name: "Rose", coins: 2, streakable: true }',
  '{ id: 6038, name: "TikTok Universe", coins: 34999, streakable: false, retired: "2024-01-05" }',
  '{ id: 9072, name: "TikTok Universe", coins: 44999, streakable: false }',
);

describe("gift-calc catalog diff", () => {
  it("reads the old side from stdin and gives the changes as data", async () => {
    const { writeFileSync, mkdtempSync } = await import("node:fs");
    const dir = mkdtempSync(`${(await import("node:os")).tmpdir()}/gift-calc-`);
    writeFileSync(`${dir}/new.yaml`, NEW);
    const { code, json } = await runJson<{ counts: Record<string, number>; changes: CatalogChange[] }>(
      ["catalog", "diff", "-", "new.yaml"],
      { stdin: OLD, cwd: dir },
    );
    expect(code).toBe(0);
    expect(json.counts).toMatchObject({ added: 1, repriced: 1, retired: 1, removed: 0 });
    expect(json.changes.find((change) => change.kind === "repriced")).toMatchObject({
      oldCoins: 1,
      newCoins: 2,
      changePercent: "100",
    });
  });

  it("prints markdown ready for a pull-request comment", async () => {
    const { code, stdout } = await runCli(
      ["catalog", "diff", "-", "diff-new.yaml", "--old-label", "main", "--format", "markdown"],
      { stdin: OLD, cwd: fixturePath(".") },
    );
    expect(code).toBe(0);
    expect(stdout).toMatchInlineSnapshot(`
      "## Gift catalog changes: main → diff-new.yaml

      ### Added (1)

      | id | gift | coins | streakable |
      |---:|---|---:|---|
      | 9072 | TikTok Universe | 44999 | no |

      ### Repriced (1)

      | id | gift | old coins | new coins | change |
      |---:|---|---:|---:|---:|
      | 5655 | Rose | 1 | 2 | +100 % |

      ### Retired (1)

      | id | gift | coins | retired |
      |---:|---|---:|---|
      | 6038 | TikTok Universe | 34999 | 2024-01-05 |

      - 1 added, 1 repriced, 1 retired. Gifts are matched by id.
      "
    `);
  });

  it("gives CSV as one table with a kind column", async () => {
    const { stdout } = await runCli(["catalog", "diff", "-", "diff-new.yaml", "--format", "csv"], {
      stdin: OLD,
      cwd: fixturePath("."),
    });
    expect(stdout).toMatchInlineSnapshot(`
      "kind,id,name,oldName,oldCoins,newCoins,changePercent,retired,streakable
      added,9072,TikTok Universe,,,44999,,,false
      repriced,5655,Rose,,1,2,100,,
      retired,6038,TikTok Universe,,,34999,,2024-01-05,
      "
    `);
  });

  it("--fail-on exits 1 only when such a change exists", async () => {
    const args = ["catalog", "diff", "-", fixturePath("diff-new.yaml"), "--format", "json"];
    expect((await runCli([...args, "--fail-on", "removed,renamed"], { stdin: OLD })).code).toBe(0);
    const failed = await runCli([...args, "--fail-on", "added,repriced"], { stdin: OLD });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("1 added, 1 repriced");
    const bad = await runCli([...args, "--fail-on", "moved"], { stdin: OLD });
    expect(bad.code).toBe(2);
  });

  it("refuses stdin on both sides and an invalid catalog (exit 2)", async () => {
    expect((await runCli(["catalog", "diff", "-", "-"], { stdin: OLD })).code).toBe(2);
    const invalid = await runCli(["catalog", "diff", "-", fixturePath("every-problem.yaml")], { stdin: OLD });
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain("DUPLICATE_ID");
  });
});

describe("diffCatalogs properties", () => {
  const giftArb = fc.record({
    id: fc.integer({ min: 1, max: 30 }),
    name: fc.constantFrom("Rose", "Lion", "Heart", "Panda"),
    coins: fc.integer({ min: 1, max: 50 }),
    isStreakable: fc.boolean(),
    retired: fc.option(fc.constant("2024-01-05"), { nil: undefined }),
  });
  const catalogArb = fc
    .uniqueArray(giftArb, { selector: (entry) => entry.id, maxLength: 12 })
    .map((entries) =>
      catalogOf(
        ...entries.map(({ retired, ...entry }) => ({
          ...entry,
          aliases: [],
          ...(retired === undefined ? {} : { retired }),
        })),
      ),
    );

  it("finds nothing between a catalog and itself, and mirrors added/removed when reversed", () => {
    fc.assert(
      fc.property(catalogArb, catalogArb, (a, b) => {
        expect(diffCatalogs(a, a).changes).toEqual([]);
        const forward = diffCatalogs(a, b).counts;
        const backward = diffCatalogs(b, a).counts;
        expect([forward.added, forward.removed, forward.repriced, forward.renamed]).toEqual([
          backward.removed,
          backward.added,
          backward.repriced,
          backward.renamed,
        ]);
        expect(forward.retired).toBe(backward.unretired);
      }),
    );
  });
});
