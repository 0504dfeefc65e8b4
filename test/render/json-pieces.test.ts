import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderJson, renderJsonPieces } from "../../src/render/json.js";
import { awkwardNumber, awkwardString } from "../helpers/awkward.js";

const joined = (data: unknown, pieceChars?: number) => [...renderJsonPieces(data, pieceChars)].join("");

describe("JSON in pieces", () => {
  it("is renderJson's text, whatever the value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 1, max: 200 }), (value, pieceChars) => {
        expect(joined(value, pieceChars)).toBe(renderJson(value));
      }),
      { numRuns: 500 },
    );
  });

  it("is renderJson's text for long arrays of objects, nested in objects", () => {
    const row = fc.record({
      key: fc.string(),
      coins: fc.nat(),
      nested: fc.array(fc.nat(), { maxLength: 3 }),
    });
    const data = fc.record({
      totals: fc.record({ coins: fc.nat(), note: fc.option(fc.string(), { nil: undefined }) }),
      groups: fc.record({
        by: fc.constant("sender"),
        rows: fc.array(row, { minLength: 60, maxLength: 150 }),
      }),
      matrix: fc.array(fc.array(fc.nat(), { minLength: 65, maxLength: 70 }), {
        minLength: 65,
        maxLength: 66,
      }),
      empty: fc.constantFrom({}, [], null),
    });
    fc.assert(
      fc.property(data, (value) => {
        expect(joined(value, 100)).toBe(renderJson(value));
      }),
      { numRuns: 50 },
    );
  });

  it("is renderJson's text for long arrays of flat records with awkward values, at any depth", () => {
    const member = fc.oneof(
      { weight: 4, arbitrary: awkwardString },
      { weight: 3, arbitrary: awkwardNumber },
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.constant(() => 1),
      fc.constant(Symbol("left out")),
      fc.jsonValue(),
      fc.date({ noInvalidDate: true }),
      fc.array(fc.nat(), { minLength: 65, maxLength: 70 }),
    );
    // Mostly rows of one shape (keys in a fixed order, as group rows are), some of any shape.
    const row = fc.oneof(
      {
        weight: 3,
        arbitrary: fc.record({ key: awkwardString, label: member, coins: awkwardNumber, share: member }),
      },
      fc.dictionary(awkwardString, member, { maxKeys: 5 }),
      member,
    );
    const rows = fc.array(row, { minLength: 60, maxLength: 300 });
    const placed = fc.oneof(
      rows,
      rows.map((list) => ({ groups: { by: "sender", rows: list } })),
      rows.map((list) => ({ a: { b: { c: { d: list, e: 1 } } }, f: [list.slice(0, 3)] })),
    );
    fc.assert(
      fc.property(placed, fc.integer({ min: 1, max: 5000 }), (value, pieceChars) => {
        expect(joined(value, pieceChars)).toBe(renderJson(value));
      }),
      { numRuns: 200 },
    );
  });

  it("leaves out undefined members and writes undefined elements as null, as JSON.stringify does", () => {
    const value = {
      a: undefined,
      b: () => 1,
      c: Array.from({ length: 70 }, (_, at) => (at === 3 ? undefined : at)),
    };
    expect(joined(value)).toBe(renderJson(value));
  });

  it("comes in pieces of about the size asked", () => {
    const rows = Array.from({ length: 5000 }, (_, at) => ({ key: `u${at}`, coins: at }));
    const pieces = [...renderJsonPieces({ rows }, 4096)];
    expect(pieces.length).toBeGreaterThan(10);
    // A long array's elements come a block of about a piece at a time.
    for (const piece of pieces.slice(0, -1)) expect(piece.length).toBeLessThan(4096 * 2);
  });
});
