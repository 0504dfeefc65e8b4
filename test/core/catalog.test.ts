import { describe, expect, it } from "vitest";
import { describeGift, findGift, giftsNamed, isActive, resolveName } from "../../src/core/catalog.js";
import { CATALOG, thrown } from "../helpers/model.js";

describe("findGift", () => {
  it.each([
    ["5655", 5655],
    ["rose", 5655],
    [" ROSE ", 5655],
    ["Lion", 6369],
    ["tiktok universe", 9072],
    ["tiktokuniverse", 9072],
    ["Universe", 9072],
    ["TikTok Universe+", 7312],
    ["6038", 6038],
    ["heart 10", 5480],
    ["Heart1", 6247],
    ["2024", 9639],
    ["panda", 37],
  ])("finds %j → id %d", (reference, id) => {
    expect(findGift(CATALOG, reference).id).toBe(id);
  });

  it("prefers the active TikTok Universe (9072) to the retired one (6038)", () => {
    const gift = findGift(CATALOG, "TikTok Universe");
    expect(gift).toMatchObject({ id: 9072, coins: 44999 });
    expect(isActive(gift)).toBe(true);
    expect(isActive(findGift(CATALOG, "6038"))).toBe(false);
  });

  it("refuses a name two active gifts share, listing them and their aliases", () => {
    const error = thrown(() => findGift(CATALOG, "heart"));
    expect(error.code).toBe("AMBIGUOUS_GIFT");
    expect(error.message).toContain("id 6247");
    expect(error.message).toContain("id 5480");
    expect(error.hint).toContain('"Heart 1"');
    expect(error.hint).toContain('"Heart 10"');
  });

  it("refuses a repeated name whose gifts have no aliases", () => {
    const error = thrown(() => findGift(CATALOG, "love you"));
    expect(error.code).toBe("AMBIGUOUS_GIFT");
    expect(error.hint).toContain("gift id");
  });

  it("suggests what the user may have meant", () => {
    const error = thrown(() => findGift(CATALOG, "lino"));
    expect(error.code).toBe("UNKNOWN_GIFT");
    expect(error.hint).toContain('"Lion"');
  });

  it("says when an id is not in the catalog", () => {
    expect(thrown(() => findGift(CATALOG, "99999")).code).toBe("UNKNOWN_GIFT");
  });
});

describe("resolveName", () => {
  it("reports found, ambiguous and unknown without throwing", () => {
    expect(resolveName(CATALOG, "rose").kind).toBe("found");
    const ambiguous = resolveName(CATALOG, "heart");
    expect(ambiguous.kind).toBe("ambiguous");
    if (ambiguous.kind === "ambiguous")
      expect(ambiguous.candidates.map((gift) => gift.id)).toEqual([6247, 5480]);
    expect(resolveName(CATALOG, "nothing like it").kind).toBe("unknown");
  });

  it("lists every gift of a name, retired ones included", () => {
    expect(giftsNamed(CATALOG, "TikTok Universe").map((gift) => gift.id)).toEqual([6038, 9072]);
  });
});

describe("describeGift", () => {
  it("names id, price and retirement", () => {
    expect(describeGift(findGift(CATALOG, "6038"))).toBe(
      "TikTok Universe (id 6038, 34999 coins, retired 2024-01-05)",
    );
    expect(describeGift(findGift(CATALOG, "rose"))).toBe("Rose (id 5655, 1 coin)");
  });
});
