import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findGift, isActive } from "../../src/core/catalog.js";
import { loadBuiltinCatalog, loadBuiltinDefaults } from "../../src/io/builtin.js";
import { checkCatalogText } from "../../src/io/catalog-file.js";

describe("the shipped catalog", () => {
  it("has every gift of the 2024-01-05 capture and the retired ones of 2023-08-04", async () => {
    const catalog = await loadBuiltinCatalog();
    const active = catalog.gifts.filter(isActive);
    expect(catalog.gifts).toHaveLength(158);
    expect(catalog.gifts.length - active.length).toBe(42);
    expect(active).toHaveLength(116);
    expect(active.filter((gift) => gift.isStreakable)).toHaveLength(18);
    expect(catalog.source.capturedAt).toBe("2024-01-05");
  });

  it("prices streakable gifts 1–99 coins", async () => {
    const catalog = await loadBuiltinCatalog();
    for (const gift of catalog.gifts.filter((entry) => entry.isStreakable && isActive(entry))) {
      expect(gift.coins).toBeGreaterThanOrEqual(1);
      expect(gift.coins).toBeLessThanOrEqual(99);
    }
  });

  it("keeps TikTok Universe 6038 retired at 34,999 and its successor 9072 at 44,999", async () => {
    const catalog = await loadBuiltinCatalog();
    expect(catalog.byId.get(6038)).toMatchObject({
      name: "TikTok Universe",
      coins: 34999,
      retired: "2024-01-05",
    });
    expect(findGift(catalog, "tiktok universe")).toMatchObject({ id: 9072, coins: 44999 });
    expect(findGift(catalog, "Lion")).toMatchObject({ id: 6369, coins: 29999 });
    expect(findGift(catalog, "rose")).toMatchObject({ id: 5655, coins: 1 });
  });

  it("trims names and validates without errors", () => {
    const text = readFileSync(new URL("../../data/gift-catalog.yaml", import.meta.url), "utf8");
    expect(text.split("\n")[0]).toMatch(/^# yaml-language-server: \$schema=/);
    const check = checkCatalogText(text, "data/gift-catalog.yaml");
    expect(check.problems.filter((problem) => problem.severity === "error")).toEqual([]);
    for (const gift of check.catalog?.gifts ?? []) expect(gift.name).toBe(gift.name.trim());
  });
});

describe("the shipped defaults", () => {
  it("have the three presets, the withdrawal rules and both stores", async () => {
    const defaults = await loadBuiltinDefaults();
    expect(Object.keys(defaults.presets)).toEqual(["standard", "half", "us-scaled"]);
    expect(defaults.presets.standard).toMatchObject({ diamondsPerCoin: "1", usdPerDiamond: "0.005" });
    expect(defaults.presets.half).toMatchObject({ diamondsPerCoin: "0.5", usdPerDiamond: "0.005" });
    expect(defaults.presets["us-scaled"]).toMatchObject({
      faceValueUsd: "0.01",
      rewardsRate: { default: "0.5", min: "0.20", max: "0.53" },
    });
    expect(defaults.withdrawal).toEqual({ minimumUsd: "100", maximumUsdPerDay: "1000", processingDays: 15 });
    expect(Object.keys(defaults.stores)).toEqual(["web", "app"]);
    expect(defaults.stores.web?.packages[0]).toEqual({ coins: 70, usd: "0.74" });
    expect(defaults.currencies.perUsd).toMatchObject({ JPY: "154", KWD: "0.307" });
  });
});
