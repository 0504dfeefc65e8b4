import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { LogGroupRow } from "../../src/core/log/group.js";
import { groupRowsJson } from "../../src/render/group-json.js";
import {
  jsonNumber,
  jsonString,
  jsonStringInside,
  renderJson,
  renderJsonPieces,
} from "../../src/render/json.js";
import { awkwardNumber, awkwardString } from "../helpers/awkward.js";

/** Awkward strings, and some long ones (a label of thousands of characters). */
const awkwardText = fc.oneof(
  awkwardString,
  fc.string({ unit: fc.constantFrom("a", "Ö", "\\"), minLength: 2000, maxLength: 6000 }),
);

/** Rows as the grouper makes them, but any strings and numbers; neighbours often share their coins. */
const rows = fc
  .array(
    fc.record({
      key: awkwardText,
      label: awkwardText,
      gifts: awkwardNumber,
      coins: fc.oneof(fc.constantFrom(1, 5, 29_999), awkwardNumber),
      diamonds: fc.oneof(fc.constantFrom("1", "29999"), awkwardText),
      walletUsd: fc.oneof(fc.constantFrom("0.005", "149.995"), awkwardString),
      share: fc.oneof(fc.constantFrom("0.0", "99.9"), awkwardString),
    }),
    { minLength: 1, maxLength: 120 },
  )
  .map((list): LogGroupRow[] => list.sort((a, b) => (a.coins === b.coins ? 0 : a.coins > b.coins ? -1 : 1)));

const joined = (data: unknown, rows: readonly LogGroupRow[], pieceChars?: number) =>
  [...renderJsonPieces(data, pieceChars, new Map([[rows, groupRowsJson(rows)]]))].join("");

describe("group rows written with a template", () => {
  it("are JSON.stringify's text, whatever the strings and numbers, at any depth and piece size", () => {
    const placed = rows.chain((list) =>
      fc.constantFrom(
        { list, data: list },
        { list, data: { schema: "x", groups: { by: "sender", rows: list, others: { groups: 1 } } } },
        { list, data: { a: { b: { c: { d: list, e: 1 } } }, f: [list.slice(0, 3)] } },
      ),
    );
    fc.assert(
      fc.property(placed, fc.integer({ min: 1, max: 50_000 }), ({ list, data }, pieceChars) => {
        expect(joined(data, list, pieceChars)).toBe(renderJson(data));
      }),
      // Shrinking rows of long strings takes minutes: the first counterexample is reported as it is.
      { numRuns: 300, endOnFailure: true },
    );
  });

  it("leaves an empty array to the generic walk", () => {
    const list: LogGroupRow[] = [];
    expect(joined({ groups: { rows: list } }, list)).toBe(renderJson({ groups: { rows: list } }));
  });

  it("come in pieces of about the size asked, each a whole number of rows", () => {
    const list = Array.from(
      { length: 5000 },
      (_, at): LogGroupRow => ({
        key: `u${at}`,
        label: `viewer ${at}`,
        gifts: 1,
        coins: 5000 - at,
        diamonds: String(5000 - at),
        walletUsd: "0.005",
        share: "0.0",
      }),
    );
    const pieces = [...groupRowsJson(list)("    ", 4096)];
    expect(pieces.length).toBeGreaterThan(10);
    for (const piece of pieces.slice(0, -1)) expect(piece.length).toBeLessThan(4096 + 400);
    for (const piece of pieces) expect(piece.endsWith("\n    }")).toBe(true);
  });
});

describe("JSON pieces of strings and numbers", () => {
  it("are JSON.stringify's", () => {
    fc.assert(
      fc.property(awkwardText, awkwardNumber, (text, value) => {
        expect(jsonString(text)).toBe(JSON.stringify(text));
        expect(`"${jsonStringInside(text)}"`).toBe(JSON.stringify(text));
        expect(jsonNumber(value)).toBe(JSON.stringify(value));
      }),
      { numRuns: 1000, endOnFailure: true },
    );
  });
});
