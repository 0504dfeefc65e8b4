import { describe, expect, it } from "vitest";
import { csvCell, forTerminal, markdownCell } from "../../src/render/sanitise.js";
import { renderTable } from "../../src/render/table.js";

describe("forTerminal", () => {
  it.each([
    ["\u001b[31mred\u001b[0m", "red"],
    ["\u001b]0;pwned\u0007title", "title"],
    ["\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\", "link"],
    ["bell\u0007", "bell"],
    ["nul\u0000", "nul"],
    ["c1\u009b31m", "c131m"],
    ["tab\there", "tab here"],
    ["new\nline", "new line"],
    ["back\rspace", "back space"],
    ["rtl\u202eevil", "rtlevil"],
    ["Rose 🌹 ök", "Rose 🌹 ök"],
  ])("%j → %j", (input, expected) => {
    expect(forTerminal(input)).toBe(expected);
  });

  it("reaches every part of a table: cells, labels and headers", () => {
    const evil = "\u001b[2J\u001b[31mEvil";
    const text = renderTable({
      title: "t",
      sections: [
        { kind: "table", title: evil, columns: [{ key: "gift", header: evil }], rows: [{ gift: evil }] },
        { kind: "fields", title: "f", fields: [{ key: "k", label: `short by (${evil})`, value: evil }] },
      ],
    });
    expect(text).not.toContain("\u001b");
  });
});

describe("csvCell", () => {
  it.each([
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ["+1", "'+1"],
    ["-1", "'-1"],
    ["@a", "'@a"],
    ["\t1", "'\t1"],
    ["\r1", '"\'\r1"'],
    ["a,b", '"a,b"'],
    ["plain", "plain"],
  ])("%j → %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it("writes null as empty, numbers and booleans as they are", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(true)).toBe("true");
  });
});

describe("markdownCell", () => {
  it("escapes pipes and backslashes, strips escapes", () => {
    expect(markdownCell("a|b\\c\u001b[1m")).toBe("a\\|b\\\\c");
  });
});
