import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { catalogJsonSchema } from "../../src/io/schema/catalog-schema.js";
import { runCli } from "../helpers/cli.js";

const committed = new URL("../../data/gift-catalog.schema.json", import.meta.url);

describe("catalog JSON Schema", () => {
  it("matches the committed data/gift-catalog.schema.json (regenerate: gift-calc catalog schema > data/gift-catalog.schema.json)", async () => {
    await expect(`${JSON.stringify(catalogJsonSchema(), null, 2)}\n`).toMatchFileSnapshot(committed.pathname);
  });

  it("is what `catalog schema` prints, and describes the real constraints", async () => {
    const { code, stdout } = await runCli(["catalog", "schema"]);
    expect(code).toBe(0);
    expect(stdout).toBe(readFileSync(committed, "utf8"));
    const gift = JSON.parse(stdout).properties.gifts.items;
    expect(gift.additionalProperties).toBe(false);
    expect(gift.required).toEqual(["id", "name", "coins", "streakable"]);
    expect(gift.properties.coins).toMatchObject({ type: "integer", exclusiveMinimum: 0, maximum: 1_000_000 });
    expect(gift.properties.retired.pattern).toBe("^\\d{4}-\\d{2}-\\d{2}$");
  });

  it("is the schema the shipped catalog points editors at", () => {
    const firstLine = readFileSync(new URL("../../data/gift-catalog.yaml", import.meta.url), "utf8").split(
      "\n",
    )[0];
    expect(firstLine).toBe("# yaml-language-server: $schema=./gift-catalog.schema.json");
  });
});
