import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkCatalogText } from "../../src/io/catalog-file.js";
import { CATALOG_PROBLEM_CODES } from "../../src/io/catalog-rules.js";
import { runCli, runJson } from "../helpers/cli.js";

const fixturePath = (name: string) => fileURLToPath(new URL(`../fixtures/catalog/${name}`, import.meta.url));
const fixtureText = (name: string) => readFileSync(fixturePath(name), "utf8");
const gifts = (...lines: string[]) =>
  ["source: { description: test }", "gifts:", ...lines.map((line) => `  - ${line}`), ""].join("\n");
const codesOf = (text: string) => checkCatalogText(text, "t.yaml").problems.map((problem) => problem.code);

describe("catalog rules", () => {
  it("reports one problem of every kind, each at its line", () => {
    const { problems, catalog } = checkCatalogText(fixtureText("every-problem.yaml"), "every-problem.yaml");
    expect(catalog).toBeUndefined();
    expect(problems.map((problem) => [problem.line, problem.code, problem.severity])).toEqual([
      [7, "DUPLICATE_ID", "error"],
      [8, "PRICE_NOT_INTEGER", "error"],
      [9, "PRICE_NOT_POSITIVE", "error"],
      [10, "PRICE_NOT_POSITIVE", "error"],
      [11, "PRICE_ABSURD", "error"],
      [12, "RETIRED_WITHOUT_DATE", "error"],
      [13, "UNKNOWN_KEY", "error"],
      [14, "DUPLICATE_NAME", "warning"],
      [15, "DUPLICATE_ALIAS", "error"],
      [16, "MISSING_KEY", "error"],
      [17, "INVALID_VALUE", "error"],
    ]);
    // Each problem points at its node: the offending key or value, not the start of the line.
    expect(problems.find((problem) => problem.code === "UNKNOWN_KEY")).toMatchObject({
      col: 67,
      path: "gifts[7].colour",
    });
  });

  it("covers every documented code except YAML_SYNTAX in the fixture, with the documented severity", () => {
    const { problems } = checkCatalogText(fixtureText("every-problem.yaml"), "f");
    const seen = new Set(problems.map((problem) => problem.code));
    expect([...Object.keys(CATALOG_PROBLEM_CODES)].filter((code) => !seen.has(code))).toEqual([
      "YAML_SYNTAX",
    ]);
    for (const problem of problems) {
      expect(problem.severity).toBe(CATALOG_PROBLEM_CODES[problem.code as "DUPLICATE_ID"].severity);
    }
  });

  it.each([
    ["1e20", "PRICE_ABSURD"],
    ["1000001", "PRICE_ABSURD"],
    ["1000000", undefined],
    ['"10"', "INVALID_VALUE"],
    ["2.0", undefined], // YAML's 2.0 is the number 2
    ["0.5", "PRICE_NOT_INTEGER"],
    ["-0.5", "PRICE_NOT_INTEGER"],
    ["null", "INVALID_VALUE"],
  ])("classifies coins: %s as %s", (coins, code) => {
    expect(codesOf(gifts(`{ id: 1, name: "A", coins: ${coins}, streakable: false }`))).toEqual(
      code ? [code] : [],
    );
  });

  it.each([["null"], ["yes"], ['""'], ["2024-13"], ["true"]])(
    "retired: %s is RETIRED_WITHOUT_DATE",
    (value) => {
      expect(codesOf(gifts(`{ id: 1, name: "A", coins: 1, streakable: false, retired: ${value} }`))).toEqual([
        "RETIRED_WITHOUT_DATE",
      ]);
    },
  );

  it("lets a retired gift share its name with its successor, and aliased namesakes pass", () => {
    expect(
      codesOf(
        gifts(
          '{ id: 6038, name: "TikTok Universe", coins: 34999, streakable: false, retired: "2024-01-05" }',
          '{ id: 9072, name: "TikTok Universe", coins: 44999, streakable: false }',
          '{ id: 6247, name: "Heart", coins: 1, streakable: true, aliases: ["Heart 1"] }',
          '{ id: 5480, name: "heart", coins: 10, streakable: true, aliases: ["Heart 10"] }',
          '{ id: 9999, name: "TikTok Universe+", coins: 34999, streakable: false }',
        ),
      ),
    ).toEqual([]);
  });

  it("leaves blank names and aliases to the schema (no shared-name warnings)", () => {
    expect(
      codesOf(
        gifts(
          '{ id: 1, name: " ", coins: 1, streakable: false, aliases: [" "] }',
          '{ id: 2, name: " ", coins: 1, streakable: false, aliases: [" "] }',
        ),
      ),
    ).toEqual(["INVALID_VALUE", "INVALID_VALUE", "INVALID_VALUE", "INVALID_VALUE"]);
  });

  it("finds duplicate aliases after normalising, across gifts", () => {
    expect(
      codesOf(
        gifts(
          '{ id: 1, name: "A", coins: 1, streakable: false, aliases: ["Big Heart"] }',
          '{ id: 2, name: "B", coins: 1, streakable: false, aliases: ["big-heart"] }',
        ),
      ),
    ).toEqual(["DUPLICATE_ALIAS"]);
  });

  it("reports a YAML syntax error with its position, not a stack", () => {
    const problems = checkCatalogText('gifts:\n  - { id: 1, name: "Rose"\n  - x\n', "bad.yaml").problems;
    expect(problems.map((problem) => [problem.code, problem.line])).toEqual([["YAML_SYNTAX", 3]]);
    expect(checkCatalogText("a: 1\na: 2\n", "dup.yaml").problems[0]).toMatchObject({
      code: "YAML_SYNTAX",
      line: 2,
    });
  });
});

describe("gift-calc catalog validate", () => {
  it("passes the shipped catalog under --strict", async () => {
    const result = await runCli(["catalog", "validate", "--strict", "data/gift-catalog.yaml"]);
    expect(result).toMatchObject({ code: 0, stdout: "" });
    expect(result.stderr).toContain("valid, 158 gifts");
  });

  it("validates the shipped catalog when no file is named", async () => {
    const { code, json } = await runJson<{ file: string; gifts: number }>(["catalog", "validate"]);
    expect(code).toBe(0);
    expect(json).toMatchObject({ file: "data/gift-catalog.yaml", gifts: 158 });
  });

  it("prints file:line:col  CODE  message and exits 1 on errors", async () => {
    const result = await runCli(["catalog", "validate", fixturePath("every-problem.yaml")]);
    expect(result.code).toBe(1);
    expect(result.stdout.split("\n")[0]).toBe(
      `${fixturePath("every-problem.yaml")}:7:7  DUPLICATE_ID  gifts[1].id: id 5655 is also gifts[0]`,
    );
    expect(result.stderr).toContain("10 error(s), 1 warning(s)");
  });

  it("prints GitHub annotations with --format github", async () => {
    const result = await runCli(["catalog", "validate", "-", "--format", "github"], {
      stdin: gifts('{ id: 1, name: "A", coins: 0.5, streakable: false }'),
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      "::error file=<stdin>,line=3,col=25,title=PRICE_NOT_INTEGER::gifts[0].coins: coins must be a whole number, not 0.5\n",
    );
  });

  it("fails on warnings only with --strict", async () => {
    const text = gifts(
      '{ id: 1, name: "Heart", coins: 1, streakable: true }',
      '{ id: 2, name: "Heart", coins: 10, streakable: true }',
    );
    const lenient = await runJson<{ warnings: number; valid: boolean }>(["catalog", "validate", "-"], {
      stdin: text,
    });
    expect(lenient.code).toBe(0);
    expect(lenient.json).toMatchObject({ warnings: 2, valid: true });
    const strict = await runCli(["catalog", "validate", "-", "--strict", "--format", "github"], {
      stdin: text,
    });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/^::warning file=<stdin>,line=3,col=14,title=DUPLICATE_NAME::/);
  });

  it("gives the problems as data with --format json", async () => {
    const { code, json } = await runJson<{ problems: { code: string; line: number }[] }>([
      "catalog",
      "validate",
      fixturePath("every-problem.yaml"),
    ]);
    expect(code).toBe(1);
    expect(json.problems).toHaveLength(11);
    expect(json.problems[0]).toMatchObject({ code: "DUPLICATE_ID", line: 7, col: 7, severity: "error" });
  });

  it("exits 2 for a missing file, and refuses --format github elsewhere", async () => {
    expect((await runCli(["catalog", "validate", "nope.yaml"])).code).toBe(2);
    const other = await runCli(["catalog", "list", "--format", "github"]);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain("--format github is not available for `list`");
  });
});
