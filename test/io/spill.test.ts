import { readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createSpill } from "../../src/io/spill.js";

const leftovers = () => readdirSync(tmpdir()).filter((name) => /^gift-calc-[A-Za-z0-9]{6}$/.test(name));

describe("a spill", () => {
  it("gives back what was set aside, in whole characters, whatever the pieces", () => {
    const before = leftovers().length;
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom("a", "é", "🌹", "\n", "漢"), maxLength: 40_000 }), {
          maxLength: 12,
        }),
        (texts) => {
          const spill = createSpill();
          for (const text of texts) spill.write(text);
          const back = [...spill.pieces()];
          expect(back.join("")).toBe(texts.join(""));
          for (const piece of back) expect(piece).not.toBe("");
        },
      ),
      { numRuns: 40 },
    );
    expect(leftovers().length).toBe(before);
  });

  it("leaves nothing behind when disposed unread", () => {
    const before = leftovers().length;
    const spill = createSpill();
    spill.write("x".repeat(100_000));
    spill.dispose();
    spill.dispose();
    expect(leftovers().length).toBe(before);
  });
});
