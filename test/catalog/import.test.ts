import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { captureFromText } from "../../src/io/catalog-capture.js";
import { checkCatalogText } from "../../src/io/catalog-file.js";
import { catalogFromCapture, mergeCapture } from "../../src/io/catalog-writer.js";
import { runCli, runJson } from "../helpers/cli.js";

const fixturePath = (name: string) => fileURLToPath(new URL(`../fixtures/catalog/${name}`, import.meta.url));
const capture = (date: string) =>
  captureFromText(readFileSync(fixturePath(`gift-list-${date}.json`), "utf8"), `gift-list-${date}.json`);
const giftLines = (text: string) => text.split("\n").filter((line) => line.startsWith("  - "));
const workDir = () => mkdtempSync(join(tmpdir(), "gift-calc-import-"));

describe("reading captures", () => {
  it("reads the raw gift-list response, dated from extra.now (UTC), names trimmed", () => {
    const older = capture("2023-08-04");
    expect(older).toMatchObject({ kind: "gift-list-response", capturedAt: "2023-08-04", skipped: [] });
    expect(older.gifts).toHaveLength(133);
    expect(older.gifts.find((gift) => gift.id === 6038)).toEqual({
      id: 6038,
      name: "TikTok Universe",
      coins: 34999,
      isStreakable: false,
    });
    expect(older.gifts.some((gift) => gift.name === "Garland")).toBe(true);
    expect(older.gifts.find((gift) => gift.id === 5655)?.isStreakable).toBe(true);
  });

  it("reads a live-event library's array (diamondCount or diamond_count, type or combo), skipping what it cannot price", () => {
    const array = captureFromText(
      JSON.stringify([
        { id: 5655, name: "Rose ", diamondCount: 1, type: 1 },
        { id: 6369, name: "Lion", diamond_count: 29999, combo: false },
        { id: 5487, name: "Finger Heart", diamond_count: 5, combo: true },
        { id: 1, name: "Free", diamond_count: 0 },
        { id: 5655, name: "Rose again", diamondCount: 1 },
      ]),
      "array.json",
    );
    expect(array.kind).toBe("gift-array");
    expect(array.capturedAt).toBeUndefined();
    expect(array.gifts.map((gift) => [gift.id, gift.name, gift.coins, gift.isStreakable])).toEqual([
      [5655, "Rose", 1, true],
      [6369, "Lion", 29999, false],
      [5487, "Finger Heart", 5, true],
    ]);
    expect(array.skipped).toHaveLength(2);
  });

  it.each([
    ["not json", "{"],
    ["no gifts", '{"data": {}}'],
    ["a gift without id", '[{"name": "Rose", "diamond_count": 1}]'],
  ])("refuses %s with BAD_CAPTURE", (_what, text) => {
    expect(() => captureFromText(text, "x.json")).toThrow(expect.objectContaining({ code: "BAD_CAPTURE" }));
  });
});

describe("writing catalogs from captures", () => {
  it("reproduces the shipped catalog: the 2024-01-05 capture merged into an import of 2023-08-04", () => {
    const first = catalogFromCapture(capture("2023-08-04"), "2023-08-04");
    const merged = mergeCapture(first.text, "catalog.yaml", capture("2024-01-05"), "2024-01-05");
    const shipped = readFileSync(new URL("../../data/gift-catalog.yaml", import.meta.url), "utf8");
    const withoutAliases = giftLines(shipped).map((line) => line.replace(/, aliases: \[[^\]]*\]/, ""));
    expect(giftLines(merged.text)).toEqual(withoutAliases);
    expect(merged.diff.counts).toMatchObject({ added: 25, retired: 42, repriced: 0, removed: 0 });
  });

  it("leaves the shipped catalog byte for byte as it is when its own capture is merged again", () => {
    const shipped = readFileSync(new URL("../../data/gift-catalog.yaml", import.meta.url), "utf8");
    const again = mergeCapture(shipped, "data/gift-catalog.yaml", capture("2024-01-05"), "2024-01-05");
    expect(again.diff.changes).toEqual([]);
    expect(again.text).toBe(shipped);
  });

  it("keeps comments and hand-written aliases, retires vanished gifts and adds new ones in price order", () => {
    const before = [
      "# yaml-language-server: $schema=./gift-catalog.schema.json",
      "# Our agency's catalog.",
      "source:",
      "  description: hand-kept",
      '  capturedAt: "2023-08-04"',
      "gifts:",
      '  - { id: 5655, name: "Rose", coins: 1, streakable: true, aliases: ["rosie"] } # the classic',
      "  # Lions are what we chase.",
      '  - { id: 6369, name: "Lion", coins: 29999, streakable: false }',
      '  - { id: 37, name: "Panda", coins: 5, streakable: true }',
      '  - { id: 6038, name: "TikTok Universe", coins: 34999, streakable: false, retired: "2024-01-05" }',
      "",
    ].join("\n");
    const fresh = captureFromText(
      JSON.stringify([
        { id: 5655, name: "Rose", diamond_count: 2, type: 1 },
        { id: 6369, name: "Lion", diamond_count: 29999, type: 2 },
        { id: 5487, name: "Finger Heart", diamond_count: 5, type: 1 },
        { id: 9072, name: "TikTok Universe", diamond_count: 44999, type: 2 },
      ]),
      "now.json",
    );
    const result = mergeCapture(before, "ours.yaml", fresh, "2024-02-01");
    expect(result.text).toBe(
      [
        "# yaml-language-server: $schema=./gift-catalog.schema.json",
        "# Our agency's catalog.",
        "source:",
        "  description: hand-kept",
        '  capturedAt: "2024-02-01"',
        "gifts:",
        '  - { id: 5655, name: "Rose", coins: 2, streakable: true, aliases: ["rosie"] } # the classic',
        '  - { id: 5487, name: "Finger Heart", coins: 5, streakable: true }',
        "  # Lions are what we chase.",
        '  - { id: 6369, name: "Lion", coins: 29999, streakable: false }',
        '  - { id: 37, name: "Panda", coins: 5, streakable: true, retired: "2024-02-01" }',
        '  - { id: 6038, name: "TikTok Universe", coins: 34999, streakable: false, retired: "2024-01-05" }',
        '  - { id: 9072, name: "TikTok Universe", coins: 44999, streakable: false }',
        "",
      ].join("\n"),
    );
    expect(result.diff.changes.map((change) => [change.kind, change.id])).toEqual([
      ["added", 5487],
      ["added", 9072],
      ["repriced", 5655],
      ["retired", 37],
    ]);
    expect(checkCatalogText(result.text, "ours.yaml").problems).toEqual([]);
  });
});

describe("gift-calc catalog import", () => {
  it("writes catalog YAML to stdout from a raw capture", async () => {
    const result = await runCli(["catalog", "import", fixturePath("gift-list-2024-01-05.json")]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('capturedAt: "2024-01-05"');
    expect(giftLines(result.stdout)).toHaveLength(116);
    expect(checkCatalogText(result.stdout, "out.yaml").catalog).toBeDefined();
  });

  it("merges --into a file and prints the diff it applied; --dry-run writes nothing", async () => {
    const dir = workDir();
    const older = await runCli(
      ["catalog", "import", fixturePath("gift-list-2023-08-04.json"), "--into", "c.yaml"],
      {
        cwd: dir,
      },
    );
    expect(older.code).toBe(0);
    const first = readFileSync(join(dir, "c.yaml"), "utf8");
    expect(giftLines(first)).toHaveLength(133);

    const args = ["catalog", "import", fixturePath("gift-list-2024-01-05.json"), "--into", "c.yaml"];
    const dry = await runJson<{ counts: Record<string, number> }>([...args, "--dry-run"], { cwd: dir });
    expect(dry.json.counts).toMatchObject({ added: 25, retired: 42 });
    expect(readFileSync(join(dir, "c.yaml"), "utf8")).toBe(first);

    const merged = await runCli([...args, "--format", "markdown"], { cwd: dir });
    expect(merged.code).toBe(0);
    expect(merged.stdout).toContain("| 9072 | TikTok Universe | 44999 | no |");
    expect(merged.stdout).toContain("| 6038 | TikTok Universe | 34999 | 2024-01-05 |");
    expect(readFileSync(join(dir, "c.yaml"), "utf8")).toContain('capturedAt: "2024-01-05"');

    // The older capture again would retire the newer gifts: refused unless forced.
    const back = await runCli(
      ["catalog", "import", fixturePath("gift-list-2023-08-04.json"), "--into", "c.yaml"],
      { cwd: dir },
    );
    expect(back.code).toBe(2);
    expect(back.stderr).toContain("older than c.yaml");
    const forced = await runJson<{ counts: Record<string, number> }>(
      [
        "catalog",
        "import",
        fixturePath("gift-list-2023-08-04.json"),
        "--into",
        "c.yaml",
        "--force",
        "--dry-run",
      ],
      { cwd: dir },
    );
    expect(forced.json.counts).toMatchObject({ unretired: 42, retired: 25 });
  });

  it("exits 2 when the merged catalog cannot be written", async () => {
    const result = await runCli(
      ["catalog", "import", fixturePath("gift-list-2024-01-05.json"), "--into", "no/such/dir/c.yaml"],
      { cwd: workDir() },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("cannot write no/such/dir/c.yaml");
  });

  it("dates a plain array from --date, else today", async () => {
    const array = JSON.stringify([{ id: 5655, name: "Rose", diamondCount: 1, type: 1 }]);
    const dated = await runCli(["catalog", "import", "-", "--date", "2025-03-01"], { stdin: array });
    expect(dated.stdout).toContain('capturedAt: "2025-03-01"');
    const today = await runCli(["catalog", "import", "-"], {
      stdin: array,
      now: new Date("2026-11-24T23:30:00Z"),
    });
    expect(today.stdout).toContain('capturedAt: "2026-11-24"');
    const raw = await runCli([
      "catalog",
      "import",
      fixturePath("gift-list-2024-01-05.json"),
      "--date",
      "2024-01-06",
    ]);
    expect(raw.stdout).toContain('capturedAt: "2024-01-06"');
    const bad = await runCli(["catalog", "import", "-", "--date", "soon"], { stdin: array });
    expect(bad.code).toBe(2);
  });

  it("exits 2 on a file that is not a capture, or an empty one", async () => {
    const notCapture = await runCli(["catalog", "import", "-"], { stdin: "{}" });
    expect(notCapture.code).toBe(2);
    expect(notCapture.stderr).toContain("data.gifts");
    expect((await runCli(["catalog", "import", "-"], { stdin: "[]" })).code).toBe(2);
  });

  it("refuses to merge into an invalid catalog", async () => {
    const dir = workDir();
    writeFileSync(join(dir, "bad.yaml"), readFileSync(fixturePath("every-problem.yaml")));
    const result = await runCli(
      ["catalog", "import", fixturePath("gift-list-2024-01-05.json"), "--into", "bad.yaml"],
      { cwd: dir },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("invalid catalog");
  });
});
