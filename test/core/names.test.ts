import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { closestNames, editDistance, normaliseName } from "../../src/core/names.js";

describe("normaliseName", () => {
  it.each([
    ["TikTok Universe", "tiktok universe"],
    ["TikTok Universe", "tiktokuniverse"],
    ["TikTok Universe", "  TIKTOK   universe "],
    ["Adam’s Dream", "adams dream"],
    ["Like-Pop", "likepop"],
    ["Ice Cream Cone", "ice_cream.cone"],
  ])("%j and %j are one name", (a, b) => {
    expect(normaliseName(a)).toBe(normaliseName(b));
  });

  it("keeps other signs: TikTok Universe+ is a different gift", () => {
    expect(normaliseName("TikTok Universe+")).not.toBe(normaliseName("TikTok Universe"));
  });
});

describe("closestNames", () => {
  const names = ["Lion", "Rose", "Lollipop", "TikTok Universe", "Universe", "Finger Heart", "Heart"];

  it("suggests Lion for lino (a transposition)", () => {
    expect(closestNames("lino", names)[0]).toBe("Lion");
  });

  it("suggests by prefix", () => {
    expect(closestNames("fing", names)).toContain("Finger Heart");
  });

  it("suggests nothing for nothing alike, or for an empty name", () => {
    expect(closestNames("zzzzzzzz", names)).toEqual([]);
    expect(closestNames("  ", names)).toEqual([]);
  });

  it("orders ties alike whatever the machine's locale (Swedish puts ä after z)", () => {
    expect(closestNames("bta", ["zta", "äta"])).toEqual(["äta", "zta"]);
    // The locale is read when node starts: the compiled module, in a node started in Swedish.
    const names = fileURLToPath(new URL("../../dist/core/names.js", import.meta.url));
    const swedish = spawnSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `import { closestNames } from ${JSON.stringify(names)}; console.log(JSON.stringify(closestNames("bta", ["zta", "äta"])));`,
      ],
      { encoding: "utf8", env: { ...process.env, LC_ALL: "sv_SE.UTF-8", LANG: "sv_SE.UTF-8" } },
    );
    expect(JSON.parse(swedish.stdout)).toEqual(["äta", "zta"]);
  });

  it("lists each name once and at most the limit", () => {
    expect(closestNames("heart", ["Heart", "heart", "Hearts", "Heat", "Hear"], 2)).toHaveLength(2);
    expect(closestNames("heart", ["Heart", "heart"])).toEqual(["Heart"]);
  });

  it("measures edits with transpositions", () => {
    expect(editDistance("ab", "ba")).toBe(1);
    expect(editDistance("lion", "lion")).toBe(0);
    expect(editDistance("", "rose")).toBe(4);
  });
});
