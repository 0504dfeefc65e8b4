import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { renderCsv } from "../../src/render/csv.js";
import { render } from "../../src/render/format.js";
import { renderJson } from "../../src/render/json.js";
import { renderMarkdown } from "../../src/render/markdown.js";
import type { Report } from "../../src/render/report.js";
import { PLAIN, type Style } from "../../src/render/style.js";
import { renderTable } from "../../src/render/table.js";

const REPORT: Report = {
  title: "Estimate",
  sections: [
    {
      kind: "table",
      title: "Gifts",
      columns: [
        { key: "gift", header: "gift" },
        { key: "count", header: "count", align: "right" },
        { key: "walletUsd", header: "wallet USD", align: "right" },
      ],
      rows: [
        { gift: "Lion", count: 1, walletUsd: "149.995" },
        { gift: "Rose", count: 100, walletUsd: "0.5" },
      ],
      footer: { gift: "total", walletUsd: "150.495" },
    },
    {
      kind: "fields",
      title: "Withdrawal",
      fields: [
        { key: "eligible", label: "eligible", value: true, tone: "good" },
        { key: "daysNeeded", label: "days", value: 1 },
        { key: "note", label: "note", value: null },
      ],
    },
  ],
  notes: ["includes a wallet balance of $10"],
};

/** A report of one table with one column, `key`, holding `cells`. */
function oneColumn(key: string, cells: readonly (string | number)[]): Report {
  return {
    title: "t",
    sections: [
      {
        kind: "table",
        title: "s",
        columns: [{ key, header: key }],
        rows: cells.map((cell) => ({ [key]: cell })),
      },
    ],
  };
}

describe("renderTable", () => {
  it("draws tables with a rule under the header and above the total, and aligned fields", () => {
    expect(renderTable(REPORT)).toMatchInlineSnapshot(`
      "Gifts
      ┌───────┬───────┬────────────┐
      │ gift  │ count │ wallet USD │
      ├───────┼───────┼────────────┤
      │ Lion  │     1 │    149.995 │
      │ Rose  │   100 │        0.5 │
      ├───────┼───────┼────────────┤
      │ total │       │    150.495 │
      └───────┴───────┴────────────┘

      Withdrawal
        eligible  yes
        days      1
        note      —

      · includes a wallet balance of $10
      "
    `);
  });

  it("colours through the style it is given", () => {
    const marked: Style = { ...PLAIN, bold: (text) => `<b>${text}</b>`, good: (text) => `<g>${text}</g>` };
    const text = renderTable(REPORT, marked);
    expect(text).toContain("<b>Gifts</b>");
    expect(text).toContain("<g>yes</g>");
  });

  it("draws proportional bars from a bar column", () => {
    const text = renderTable({
      title: "t",
      sections: [
        {
          kind: "table",
          title: "By gift",
          columns: [
            { key: "gift", header: "gift" },
            { key: "coins", header: "coins", align: "right" },
          ],
          rows: [
            { gift: "Lion", coins: 100 },
            { gift: "Rose", coins: 50 },
          ],
          barColumn: "coins",
        },
      ],
    });
    expect(text).toContain("█".repeat(24));
    expect(text).toContain("█".repeat(12));
  });
});

describe("renderMarkdown", () => {
  it("writes GitHub tables, right-aligned numbers and a bold total", () => {
    expect(renderMarkdown(REPORT)).toMatchInlineSnapshot(`
      "## Estimate

      ### Gifts

      | gift | count | wallet USD |
      |---|---:|---:|
      | Lion | 1 | 149.995 |
      | Rose | 100 | 0.5 |
      | **total** |  | **150.495** |

      ### Withdrawal

      | | |
      |---|---|
      | eligible | yes |
      | days | 1 |
      | note |  |

      - includes a wallet balance of $10
      "
    `);
  });

  it("escapes pipes and keeps cells on one line", () => {
    const text = renderMarkdown({
      title: "t",
      sections: [{ kind: "fields", title: "s", fields: [{ key: "k", label: "a|b", value: "line\nbreak" }] }],
    });
    expect(text).toContain("| a\\|b | line break |");
  });
});

describe("renderCsv", () => {
  it("writes each table with its header, then the fields as section,field,value", () => {
    expect(renderCsv(REPORT)).toMatchInlineSnapshot(`
      "gift,count,walletUsd
      Lion,1,149.995
      Rose,100,0.5
      total,,150.495

      section,field,value
      Withdrawal,eligible,true
      Withdrawal,daysNeeded,1
      Withdrawal,note,
      "
    `);
  });

  it.each(["=1+1", "+1", "-1", "@SUM(A1)", "\tcmd", "\rcmd"])(
    "neutralises a cell beginning %j",
    (nickname) => {
      const text = renderCsv(oneColumn("gift", [nickname]));
      const [, row] = parse(text, { relax_column_count: true }) as string[][];
      expect(row?.[0]).toBe(`'${nickname}`);
    },
  );

  it("quotes commas, quotes and line breaks per RFC 4180, and reads back", () => {
    const names = ['Adam "the" Lion', "Rose, red", "two\nlines", "plain"];
    const text = renderCsv(oneColumn("gift", names));
    expect(text).toContain('"Adam ""the"" Lion"');
    expect((parse(text) as string[][]).map((row) => row[0])).toEqual(["gift", ...names]);
  });

  it("leaves numbers alone (a negative number is data, not a formula)", () => {
    const text = renderCsv(oneColumn("n", [-5]));
    expect(text).toBe("n\n-5\n");
  });
});

describe("render", () => {
  it("JSON is the data itself, not the report", () => {
    expect(render("json", { a: "1" }, () => REPORT, PLAIN)).toBe('{\n  "a": "1"\n}\n');
    expect(renderJson([1])).toBe("[\n  1\n]\n");
  });

  it("builds the report only for the formats that need it", () => {
    let built = 0;
    const report = () => {
      built++;
      return REPORT;
    };
    render("json", {}, report, PLAIN);
    expect(built).toBe(0);
    for (const format of ["table", "csv", "markdown"] as const) render(format, {}, report, PLAIN);
    expect(built).toBe(3);
  });
});
