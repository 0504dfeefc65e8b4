/** Output formats and colour, through the whole CLI. */
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { fixturePath } from "../helpers/model.js";

const ESCAPE = "\u001b[";

describe("formats", () => {
  it("the table of lion=1 rose=100 (golden file, NO_COLOR)", async () => {
    const { code, stdout } = await runCli(["estimate", "lion=1", "rose=100"]);
    expect(code).toBe(0);
    await expect(stdout).toMatchFileSnapshot("__snapshots__/estimate-lion-rose.txt");
  });

  it("--format works before and after the command", async () => {
    const before = await runCli(["--format", "json", "estimate", "lion=1"]);
    const after = await runCli(["estimate", "lion=1", "--format", "json"]);
    expect(JSON.parse(before.stdout)).toEqual(JSON.parse(after.stdout));
    const config = await runCli(["config", "show", "--format", "json"]);
    expect(JSON.parse(config.stdout).schema).toBe("gift-calc.config/1");
  });

  it("refuses an unknown format", async () => {
    const { code, stderr } = await runCli(["estimate", "lion=1", "--format", "xml"]);
    expect(code).toBe(2);
    expect(stderr).toContain("xml");
  });

  it("--format csv: the gift table, then section,field,value", async () => {
    const { stdout } = await runCli(["estimate", "lion=1", "rose=100", "--format", "csv"]);
    const [gifts, fields] = stdout.split("\n\n");
    expect(parse(gifts ?? "", { columns: true })).toEqual([
      {
        gift: "Lion",
        giftId: "6369",
        count: "1",
        coinsEach: "29999",
        coins: "29999",
        diamonds: "29999",
        walletUsd: "149.995",
      },
      {
        gift: "Rose",
        giftId: "5655",
        count: "100",
        coinsEach: "1",
        coins: "100",
        diamonds: "100",
        walletUsd: "0.5",
      },
      {
        gift: "total",
        giftId: "",
        count: "",
        coinsEach: "",
        coins: "30099",
        diamonds: "30099",
        walletUsd: "150.495",
      },
    ]);
    const rows = parse(fields ?? "", { columns: true }) as {
      section: string;
      field: string;
      value: string;
    }[];
    expect(rows.find((row) => row.field === "net")).toEqual({
      section: "Payout",
      field: "net",
      value: "150.49",
    });
    expect(rows.find((row) => row.field === "eligible")?.value).toBe("yes");
  });

  it("--format markdown: headed tables", async () => {
    const { stdout } = await runCli(["estimate", "lion=1", "rose=100", "--format", "markdown"]);
    expect(stdout).toMatch(/^## Estimate\n\n### Gifts\n\n\| gift \| id \| count \|/);
    expect(stdout).toContain("| **total** |");
    expect(stdout).toContain("### Assumptions");
  });

  it("CSV neutralises gift names beginning with =, +, - or @", async () => {
    const argv = [
      "--catalog",
      fixturePath("hostile-catalog.yaml"),
      "estimate",
      "formula=1",
      "minus=1",
      "at=1",
      "plus=1",
    ];
    const { code, stdout } = await runCli([...argv, "--format", "csv"]);
    expect(code).toBe(0);
    const [gifts] = stdout.split("\n\n");
    const names = (parse(gifts ?? "", { columns: true }) as { gift: string }[]).map((row) => row.gift);
    expect(names).toEqual(['\'=HYPERLINK("http://evil","click")', "'-2+3", "'@SUM(A1)", "'+cmd", "total"]);
  });

  it("terminal output strips escape sequences from names", async () => {
    const { stdout } = await runCli([
      "--catalog",
      fixturePath("hostile-catalog.yaml"),
      "estimate",
      "escape=1",
    ]);
    expect(stdout).toContain("Red");
    expect(stdout).not.toContain("\u001b");
  });
});

describe("colour", () => {
  const argv = ["estimate", "lion=1"];

  it("is on with FORCE_COLOR", async () => {
    expect((await runCli(argv, { env: { NO_COLOR: undefined, FORCE_COLOR: "1" } })).stdout).toContain(ESCAPE);
  });

  it("is on for a terminal", async () => {
    expect((await runCli(argv, { env: { NO_COLOR: undefined }, stdoutIsTTY: true })).stdout).toContain(
      ESCAPE,
    );
  });

  it.each([
    ["NO_COLOR", { NO_COLOR: "1" }, true],
    ["NO_COLOR beats FORCE_COLOR", { NO_COLOR: "1", FORCE_COLOR: "1" }, true],
    ["FORCE_COLOR=0", { NO_COLOR: undefined, FORCE_COLOR: "0" }, true],
    ["TERM=dumb", { NO_COLOR: undefined, TERM: "dumb" }, true],
    ["a pipe", { NO_COLOR: undefined }, false],
  ])("is off with %s", async (_label, env, isTTY) => {
    expect((await runCli(argv, { env, stdoutIsTTY: isTTY })).stdout).not.toContain(ESCAPE);
  });

  it("is off with --no-color, even when forced", async () => {
    const { stdout } = await runCli([...argv, "--no-color"], {
      env: { NO_COLOR: undefined, FORCE_COLOR: "1" },
    });
    expect(stdout).not.toContain(ESCAPE);
  });

  it("never colours JSON, CSV or markdown", async () => {
    for (const format of ["json", "csv", "markdown"]) {
      const { stdout } = await runCli([...argv, "--format", format], {
        env: { NO_COLOR: undefined, FORCE_COLOR: "1" },
      });
      expect(stdout).not.toContain(ESCAPE);
    }
  });
});
