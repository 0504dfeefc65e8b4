import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { drawLargeTable, drawPlainTable, drawWithCliTable3, renderTable } from "../../src/render/table.js";

const printable = fc.string({
  unit: fc.oneof(
    fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
    fc.constantFrom(..."·×–—‘’“”…−"),
  ),
  maxLength: 12,
});
/** Plain, or in bold as chalk writes it (colour on: headers and totals). */
const asciiText = fc.oneof(
  printable,
  printable.map((text) => `\u001b[1m${text}\u001b[22m`),
);

/** A head of 1–6 columns, 0–5 rows of as many cells, and an alignment per column (plus the bar's). */
const plainTable = fc.integer({ min: 1, max: 6 }).chain((columns) =>
  fc.record({
    head: fc.array(asciiText, { minLength: columns, maxLength: columns }),
    rows: fc.array(fc.array(asciiText, { minLength: columns, maxLength: columns }), { maxLength: 5 }),
    colAligns: fc.array(fc.constantFrom("left" as const, "right" as const), {
      minLength: columns + 1,
      maxLength: columns + 1,
    }),
  }),
);

describe("plain tables without cli-table3", () => {
  it("draws printable ASCII cells, plain or bold, exactly as cli-table3 does", () => {
    fc.assert(
      fc.property(plainTable, ({ head, rows, colAligns }) => {
        expect(drawPlainTable(head, rows, colAligns)).toBe(drawWithCliTable3(head, rows, colAligns));
      }),
      { numRuns: 400 },
    );
  });

  it("leaves wide characters and bars to cli-table3", () => {
    const report = {
      title: "t",
      sections: [
        {
          kind: "table" as const,
          title: "Gifts",
          columns: [
            { key: "gift", header: "gift" },
            { key: "coins", header: "coins", align: "right" as const },
          ],
          rows: [
            { gift: "玫瑰 Rose 🌹", coins: 1 },
            { gift: "Lion", coins: null },
          ],
          barColumn: "coins",
        },
      ],
    };
    const text = renderTable(report);
    expect(text).toContain("│ 玫瑰 Rose 🌹 │     1 │ ████████████████████████ │");
    expect(text).toContain("│ Lion         │     — │                          │");
  });
});

/** Text a gift name or a nickname may hold: wide (CJK), emoji (with joiners and skin tones), accents, marks. */
const anyText = fc.oneof(
  asciiText,
  fc.string({
    unit: fc.oneof(
      fc.constantFrom(..."aZ 0é玫瑰古🌹🦁💎█▍▏ñ"),
      fc.constantFrom("👩\u200d👩\u200d👧", "👍🏽", "e\u0301", "\u00a0", "ﾊ", "한", "\u200b"),
    ),
    maxLength: 10,
  }),
  fc.string({ maxLength: 6 }).map((text) => `\u001b[32m${text}\u001b[39m`),
);

describe("large tables", () => {
  it("are drawn as cli-table3 draws them, whatever the text", () => {
    const anyTable = fc.integer({ min: 1, max: 5 }).chain((columns) =>
      fc.record({
        head: fc.array(anyText, { minLength: columns, maxLength: columns }),
        rows: fc.array(fc.array(anyText, { minLength: columns, maxLength: columns }), { maxLength: 5 }),
        colAligns: fc.array(fc.constantFrom("left" as const, "right" as const), {
          minLength: columns,
          maxLength: columns,
        }),
      }),
    );
    fc.assert(
      fc.property(anyTable, ({ head, rows, colAligns }) => {
        expect(drawLargeTable(head, rows, colAligns)).toBe(drawWithCliTable3(head, rows, colAligns));
      }),
      { numRuns: 400 },
    );
  });

  it("of 200,000 rows with wide text are drawn (cli-table3 overflows the stack on them)", () => {
    const rows = Array.from({ length: 200_000 }, (_, row) => [
      row % 7 === 0 ? "玫瑰 Rose 🌹" : "Lion",
      String(row),
    ]);
    const text = drawLargeTable(["gift", "count"], rows, ["left", "right"]);
    const lines = text.split("\n");
    expect(lines).toHaveLength(200_004);
    expect(lines[3]).toBe("│ 玫瑰 Rose 🌹 │      0 │");
    expect(lines[4]).toBe("│ Lion         │      1 │");
  });
});
