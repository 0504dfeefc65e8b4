import { describe, expect, it } from "vitest";

interface Gift {
  id: number;
  name: string;
  coins: number;
  streakable: boolean;
  aliases: string[];
  retired: string | null;
}

import { runCli, runJson } from "../helpers/cli.js";

const list = async (...args: string[]) => {
  const { code, json } = await runJson<{ gifts: Gift[]; count: number }>(["catalog", "list", ...args]);
  expect(code).toBe(0);
  return json.gifts;
};

describe("gift-calc catalog list", () => {
  it("lists active gifts cheapest first", async () => {
    const gifts = await list();
    expect(gifts).toHaveLength(116);
    expect(gifts.every((gift) => gift.retired === null)).toBe(true);
    expect(gifts.at(-1)).toMatchObject({ id: 9072, name: "TikTok Universe", coins: 44999 });
    expect(gifts.map((gift) => gift.coins)).toEqual(
      [...gifts.map((gift) => gift.coins)].sort((a, b) => a - b),
    );
  });

  it("filters by search text (names and aliases, normalised), streakability and price, with retired on request", async () => {
    // "TikTok Universe+" (7312) contains the text too.
    expect((await list("--search", "tiktok universe")).map((gift) => gift.id)).toEqual([7312, 9072]);
    expect((await list("--search", "TikTokUniverse", "--include-retired")).map((gift) => gift.id)).toEqual([
      6038, 7312, 9072,
    ]);
    expect((await list("--search", "heart 10")).map((gift) => gift.id)).toEqual([5480]);
    const streakable = await list("--streakable", "--min", "10", "--max", "99");
    expect(streakable.length).toBeGreaterThan(0);
    expect(streakable.every((gift) => gift.streakable && gift.coins >= 10 && gift.coins <= 99)).toBe(true);
  });

  it("sorts by name", async () => {
    const names = (await list("--sort", "name")).map((gift) => gift.name.toLowerCase());
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en")));
  });

  it("prints a table, and refuses a price that is not a whole number (exit 2)", async () => {
    const table = await runCli(["catalog", "list", "--min", "40000"]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain("TikTok Universe");
    expect(table.stdout).toContain("Pegasus");
    expect((await runCli(["catalog", "list", "--min", "1.5"])).code).toBe(2);
  });
});

describe("gift-calc catalog show", () => {
  it("shows a gift by name, alias or id, with its namesakes", async () => {
    const byName = await runJson<{ gift: Gift; sameName: Gift[] }>(["catalog", "show", "tiktok universe"]);
    expect(byName.json.gift).toMatchObject({ id: 9072, coins: 44999 });
    expect(byName.json.sameName.map((gift) => gift.id)).toEqual([6038]);
    expect((await runJson<{ gift: Gift }>(["catalog", "show", "6038"])).json.gift).toMatchObject({
      retired: "2024-01-05",
    });
    expect((await runJson<{ gift: Gift }>(["catalog", "show", "Heart 10"])).json.gift.id).toBe(5480);
  });

  it("fails on an ambiguous name listing the candidates, and on an unknown one with suggestions (exit 2)", async () => {
    const ambiguous = await runCli(["catalog", "show", "heart"]);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain("id 6247");
    expect(ambiguous.stderr).toContain("id 5480");
    const unknown = await runCli(["catalog", "show", "lino"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('"Lion"');
  });

  it("prints the gift's fields as a table", async () => {
    const { code, stdout } = await runCli(["catalog", "show", "lion"]);
    expect(code).toBe(0);
    expect(stdout).toMatchInlineSnapshot(`
      "Lion
        id          6369
        gift        Lion
        coins       29999
        streakable  no
        aliases     —
        retired     —
        status      active
      "
    `);
  });
});
