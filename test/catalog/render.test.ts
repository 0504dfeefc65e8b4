import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { githubAnnotations, problemsReport } from "../../src/render/catalog-report.js";
import { renderCsv } from "../../src/render/csv.js";

const problem = {
  code: "PRICE_ABSURD",
  severity: "error" as const,
  file: "agency, 100%.yaml",
  line: 3,
  col: 9,
  path: "gifts[0].coins",
  message: "coins 1e9 is over 1000000\nsecond line: 50%",
};

describe("catalog renderers", () => {
  it("escapes GitHub workflow-command data and properties", () => {
    expect(
      githubAnnotations([problem, { ...problem, severity: "warning", path: "" }]),
    ).toMatchInlineSnapshot(`
      "::error file=agency%2C 100%25.yaml,line=3,col=9,title=PRICE_ABSURD::gifts[0].coins: coins 1e9 is over 1000000%0Asecond line: 50%25
      ::warning file=agency%2C 100%25.yaml,line=3,col=9,title=PRICE_ABSURD::coins 1e9 is over 1000000%0Asecond line: 50%25
      "
    `);
  });

  it("gives problems as a CSV table", () => {
    expect(renderCsv(problemsReport("x.yaml", [problem], 1))).toMatchInlineSnapshot(`
      "line,col,severity,code,path,message
      3,9,error,PRICE_ABSURD,gifts[0].coins,"coins 1e9 is over 1000000
      second line: 50%"
      "
    `);
  });
});

const bin = fileURLToPath(new URL("../../bin/gift-calc.js", import.meta.url));
const built = existsSync(fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url)));

describe.runIf(built)("the built bin (end to end)", () => {
  it("validates the shipped catalog under --strict, as .ci/run does", () => {
    const result = spawnSync(
      process.execPath,
      [bin, "catalog", "validate", "--strict", "data/gift-catalog.yaml"],
      {
        encoding: "utf8",
      },
    );
    expect(result.status).toBe(0);
    expect(result.stderr).toContain("valid, 158 gifts, 0 warning(s)");
  });

  it("diffs a catalog piped on stdin, as the workflow does", () => {
    const shipped = readFileSync(new URL("../../data/gift-catalog.yaml", import.meta.url), "utf8");
    const result = spawnSync(
      process.execPath,
      [
        bin,
        "catalog",
        "diff",
        "-",
        "data/gift-catalog.yaml",
        "--format",
        "markdown",
        "--fail-on",
        "repriced",
      ],
      {
        encoding: "utf8",
        input: shipped.replace("coins: 29999, streakable: false }", "coins: 19999, streakable: false }"),
      },
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("| 6369 | Lion | 19999 | 29999 | +50 % |");
  });
});
