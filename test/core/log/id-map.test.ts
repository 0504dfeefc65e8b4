import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { highOf, IdMap, idOf, isWholeId, lowOf, wholeIdOfText } from "../../../src/core/log/id-map.js";

type Step = { op: "set" | "get" | "delete"; id: number; value: number };

/** Ids that crowd into few slots (so clusters form, wrap and shift back) and 13-digit ones. */
const id = fc.oneof(
  fc.integer({ min: 0, max: 40 }),
  fc.integer({ min: 0, max: 40 }).map((offset) => 7_300_000_000_000 + offset),
  fc.integer({ min: 0, max: 40 }).map((offset) => offset * 2 ** 32),
  fc.constantFrom(0, Number.MAX_SAFE_INTEGER, 2 ** 32 - 1, 2 ** 32),
);
const step = fc.record({ op: fc.constantFrom<Step["op"]>("set", "get", "delete"), id, value: fc.integer() });

describe("IdMap (whole-number ids in typed arrays)", () => {
  it("agrees with a Map under any sequence of sets, gets and deletes", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 300 }), fc.integer({ min: 1, max: 64 }), (steps, capacity) => {
        const ids = new IdMap<number>(capacity);
        const model = new Map<number, number>();
        for (const { op, id, value } of steps) {
          if (op === "set") {
            ids.set(highOf(id), lowOf(id), value);
            model.set(id, value);
          } else if (op === "delete") expect(ids.delete(highOf(id), lowOf(id))).toBe(model.delete(id));
          expect(ids.get(highOf(id), lowOf(id))).toBe(model.get(id));
          expect(ids.size).toBe(model.size);
        }
        for (const key of model.keys()) expect(ids.get(highOf(key), lowOf(key))).toBe(model.get(key));
        expect(new Map(ids.entries())).toEqual(model);
      }),
      { numRuns: 300 },
    );
  });

  it("stays small while many ids pass through it a few at a time", () => {
    const ids = new IdMap<number>();
    let deleted = 0;
    const at = (id: number) => [highOf(7_300_000_000_000 + id), lowOf(7_300_000_000_000 + id)] as const;
    for (let id = 0; id < 100_000; id++) {
      ids.set(...at(id), id);
      if (id >= 20 && ids.delete(...at(id - 20))) deleted++;
    }
    expect([ids.size, deleted]).toEqual([20, 100_000 - 20]);
    expect(ids.get(...at(99_999))).toBe(99_999);
    expect(ids.get(...at(5))).toBeUndefined();
    ids.clear();
    expect([ids.size, ids.has(...at(99_999))]).toEqual([0, false]);
  });

  it("splits a whole id into halves and back", () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (id) => {
        expect(idOf(highOf(id), lowOf(id))).toBe(id);
      }),
    );
  });

  it("knows which numbers are whole ids and which texts spell one", () => {
    expect([0, 1, 7_300_000_000_000, Number.MAX_SAFE_INTEGER].every(isWholeId)).toBe(true);
    expect([-1, 1.5, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY].some(isWholeId)).toBe(false);
    expect(["0", "12", "7300000000000", "9007199254740991"].map(wholeIdOfText)).toEqual([
      0,
      12,
      7_300_000_000_000,
      Number.MAX_SAFE_INTEGER,
    ]);
    expect(
      ["", "012", "00", "-1", "1e3", "1.0", " 1", "9007199254740992", "12345678901234567"].map(wholeIdOfText),
    ).toEqual([-1, -1, -1, -1, -1, -1, -1, -1, -1]);
    fc.assert(
      fc.property(fc.string(), (text) => {
        const id = wholeIdOfText(text);
        expect(id === -1 || String(id) === text).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.maxSafeNat(), (id) => {
        expect(wholeIdOfText(String(id))).toBe(id);
      }),
    );
  });
});
