import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatTally, parseTally } from "../../src/core/tally.js";
import { GiftCalcError } from "../../src/errors.js";
import { thrown } from "../helpers/model.js";

describe("parseTally", () => {
  it.each([
    ["rose=100", "rose", 100],
    ["Lion=2", "Lion", 2],
    ["5655=3", "5655", 3],
    ["lion*2", "lion", 2],
    ["lion * 2", "lion", 2],
    ["2xlion", "lion", 2],
    ["2x lion", "lion", 2],
    ["2Xlion", "lion", 2],
    ["2×lion", "lion", 2],
    ["2*lion", "lion", 2],
    ["tiktok universe=1", "tiktok universe", 1],
    ["TikTok Universe+=2", "TikTok Universe+", 2],
    [" rose = 5 ", "rose", 5],
    ["rose=1_000", "rose", 1000],
    ["rose=0", "rose", 0],
    ["lion", "lion", 1],
    ["Finger Heart", "Finger Heart", 1],
    ["2024=3", "2024", 3],
    ["Adam’s Dream*2", "Adam’s Dream", 2],
  ])("%j is %j × %d", (text, gift, count) => {
    expect(parseTally(text)).toEqual({ gift, count });
  });

  it.each([
    "",
    "   ",
    "=5",
    "rose=",
    "rose=-1",
    "rose=1.5",
    "rose=abc",
    "rose=99999999999999999999",
    "rose*",
    "*2",
    "rose*x",
  ])("refuses %j with BAD_TALLY and a hint showing the forms", (text) => {
    const error = thrown(() => parseTally(text));
    expect(error.code).toBe("BAD_TALLY");
    expect(error.hint).toContain("rose=100");
  });

  it("throws nothing but BAD_TALLY, whatever the input", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.stringMatching(/^[\dx*= a-z_]{0,12}$/)),
        (text) => {
          try {
            const tally = parseTally(text);
            expect(Number.isSafeInteger(tally.count) && tally.count >= 0).toBe(true);
            expect(tally.gift.trim()).not.toBe("");
          } catch (error) {
            expect(error).toBeInstanceOf(GiftCalcError);
            expect((error as GiftCalcError).code).toBe("BAD_TALLY");
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("reads back what formatTally writes", () => {
    const gift = fc.string({ minLength: 1 }).filter((text) => text.trim() === text && text !== "");
    fc.assert(
      fc.property(gift, fc.nat(), (name, count) => {
        const tally = { gift: name, count };
        expect(parseTally(formatTally(tally))).toEqual(tally);
      }),
    );
  });
});
