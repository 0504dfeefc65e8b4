/** `gift-calc estimate`, run in-process: every acceptance case of the issue, and the options. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli, runJson } from "../helpers/cli.js";
import { fixturePath } from "../helpers/model.js";

interface EstimateJson {
  schema: string;
  lines: { gift: string; giftId: number | null; count: number; coins: number }[];
  totals: { coins: number; diamonds: string; walletUsd: string };
  payout: { steps: { name: string }[]; currency: string; net: string; netExact: string };
  withdrawal: {
    eligible: boolean;
    shortfallUsd: string;
    shortfallCoins: string;
    shortfallGifts: { gift: string; count: string } | null;
    daysNeeded: number | null;
  };
  viewerSpend: Record<string, string>;
  assumptions: Record<string, string | number>;
}

const estimateJson = (...argv: string[]) => runJson<EstimateJson>(["estimate", ...argv]);

describe("gift-calc estimate (acceptance)", () => {
  it("lion=1 rose=100: 30099 coins, $150.495, eligible, net 150.49", async () => {
    const { code, json, stderr } = await estimateJson("lion=1", "rose=100");
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(json.schema).toBe("gift-calc.estimate/1");
    expect(json.totals).toMatchObject({ coins: 30099, diamonds: "30099", walletUsd: "150.495" });
    expect(json.withdrawal.eligible).toBe(true);
    expect(json.payout.net).toBe("150.49");
    expect(json.payout.steps.map((step) => step.name)).toEqual(["agency", "payoutFee", "tax", "currency"]);
  });

  it("--preset half: 15049.5 diamonds, $75.2475, not eligible, $24.7525 short", async () => {
    const { code, json } = await estimateJson("lion=1", "rose=100", "--preset", "half");
    expect(code).toBe(0);
    expect(json.totals).toMatchObject({ diamonds: "15049.5", walletUsd: "75.2475" });
    expect(json.withdrawal).toMatchObject({ eligible: false, shortfallUsd: "24.7525" });
  });

  it("rose=100 --check exits 1 and says how many more Roses reach the minimum", async () => {
    const { code, stdout, stderr } = await runCli(["estimate", "rose=100", "--check"]);
    expect(code).toBe(1);
    expect(stdout).toContain("Withdrawal");
    expect(stderr).toMatch(
      /^gift-calc: check failed: 19900 more Roses \(19900 coins\) reach the \$100 withdrawal minimum/,
    );
  });

  it("--check passes (exit 0) when the minimum is reached", async () => {
    expect((await runCli(["estimate", "lion=1", "--check"])).code).toBe(0);
  });

  it("lino=1 exits 2 and suggests Lion", async () => {
    const { code, stdout, stderr } = await runCli(["estimate", "lino=1"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe('gift-calc: error: unknown gift "lino"\n  hint: did you mean "Lion"?\n');
  });

  it("--currency JPY shows no decimals, KWD three", async () => {
    const jpy = await estimateJson("lion=1", "rose=100", "--currency", "JPY");
    expect(jpy.json.payout).toMatchObject({ currency: "JPY", net: "23176" });
    const kwd = await estimateJson("lion=1", "rose=100", "--currency", "kwd");
    expect(kwd.json.payout).toMatchObject({ currency: "KWD", net: "46.201" });
  });

  it("--rate EUR=0.9 overrides the table, and the assumptions say so", async () => {
    const { json } = await estimateJson("lion=1", "rose=100", "--currency", "EUR", "--rate", "EUR=0.9");
    expect(json.payout.net).toBe("135.44");
    expect(json.assumptions).toMatchObject({ currency: "EUR", currencyPerUsd: "0.9" });
    expect(json.assumptions.currencyRateSource).toMatch(/^override/);
    const table = await runCli(["estimate", "lion=1", "--currency", "EUR", "--rate", "EUR=0.9"]);
    expect(table.stdout).toMatch(/currencyRateSource\s+override \(the table of 2025-11-01 has 0\.86\)/);
  });
});

describe("gift-calc estimate (inputs)", () => {
  it.each([
    [["lion*2"], 59998],
    [["2xlion"], 59998],
    [["6369=2"], 59998],
    [["tiktok universe=1"], 44999],
    [["TikTok Universe+=1"], 34999],
    [["Heart 10=3"], 30],
    [["rose=1", "ROSE=2"], 3],
  ])("%j is %d coins", async (tallies, coins) => {
    const { code, json } = await estimateJson(...tallies);
    expect(code).toBe(0);
    expect(json.totals.coins).toBe(coins);
  });

  it("--coins and --diamonds alone", async () => {
    const { json } = await estimateJson("--coins", "1_000", "--diamonds", "500");
    expect(json.lines.map((line) => line.gift)).toEqual(["coins", "diamonds"]);
    expect(json.totals).toMatchObject({ coins: 1000, diamonds: "1500", walletUsd: "7.5" });
  });

  it.each(["tallies.csv", "tallies.yaml"])("--tally-file %s", async (name) => {
    const { json } = await estimateJson("--tally-file", fixturePath(name));
    expect(json.totals).toMatchObject({ coins: 30099, walletUsd: "150.495" });
  });

  it("--tally-file adds to the tallies given", async () => {
    const { json } = await estimateJson("rose=1", "--tally-file", fixturePath("tallies.csv"));
    expect(json.totals.coins).toBe(30100);
  });

  it("--balance-usd counts towards the withdrawal", async () => {
    const { code, json } = await estimateJson("rose=100", "--balance-usd", "99.5", "--check");
    expect(code).toBe(0);
    expect(json.withdrawal.eligible).toBe(true);
    expect(json.totals.walletUsd).toBe("0.5");
  });

  it("the model flags reach the result", async () => {
    const { json } = await estimateJson(
      "lion=1",
      "--preset",
      "us-scaled",
      "--rewards-rate",
      "0.4",
      "--agency",
      "20",
      "--tax",
      "10%",
      "--method",
      "paypal",
    );
    expect(json.totals.walletUsd).toBe("119.996");
    expect(json.payout.netExact).toBe("86.39712");
    expect(json.assumptions).toMatchObject({
      rewardsRate: "0.4",
      agencyRate: "0.2",
      taxRate: "0.1",
      payoutMethod: "paypal",
    });
  });

  it("--diamonds-per-coin and --usd-per-diamond override the preset", async () => {
    const { json } = await estimateJson(
      "rose=1000",
      "--diamonds-per-coin",
      "0.8",
      "--usd-per-diamond",
      "0.004",
    );
    expect(json.totals).toMatchObject({ diamonds: "800", walletUsd: "3.2" });
  });

  it("environment variables set the model, and flags beat them", async () => {
    const env = { GIFT_CALC_PRESET: "half", GIFT_CALC_AGENCY: "10" };
    const { json } = await runJson<EstimateJson>(["estimate", "lion=1", "rose=100"], { env });
    expect(json.assumptions).toMatchObject({ preset: "half", agencyRate: "0.1" });
    const flagged = await runJson<EstimateJson>(["estimate", "lion=1", "--preset", "standard"], { env });
    expect(flagged.json.assumptions.preset).toBe("standard");
  });

  it("shows the shortfall in roses in the table", async () => {
    const { stdout } = await runCli(["estimate", "rose=100"]);
    expect(stdout).toMatch(/short by \(Rose\)\s+19900/);
  });

  it("--catalog reads another catalog", async () => {
    const { code, stderr } = await runCli(["estimate", "heart=1", "--catalog", fixturePath("catalog.yaml")]);
    expect(code).toBe(2);
    expect(stderr).toContain('"heart" names 2 gifts');
    const { json } = await runJson<EstimateJson>([
      "--catalog",
      fixturePath("catalog.yaml"),
      "estimate",
      "heart 1=5",
    ]);
    expect(json.totals.coins).toBe(5);
  });
});

describe("gift-calc estimate (refusals, exit 2)", () => {
  it.each([
    [["estimate"], "nothing to estimate"],
    [["estimate", "rose=abc"], 'count "abc" is not a whole number'],
    [["estimate", "rose=100", "--preset", "us-scaled", "--rewards-rate", "0.6"], "rewardsRate"],
    [["estimate", "rose=100", "--preset", "us-scaled", "--rewards-rate", "0.19"], "between 0.2 and 0.53"],
    [["estimate", "rose=100", "--rewards-rate", "0.4"], "--rewards-rate applies only"],
    [["estimate", "rose=100", "--preset", "hlaf"], 'unknown preset "hlaf"'],
    [["estimate", "rose=100", "--method", "paypl"], 'unknown payout method "paypl"'],
    [["estimate", "rose=100", "--currency", "XYZ"], "no exchange rate for XYZ"],
    [["estimate", "rose=100", "--rate", "EUR"], "is not CODE=RATE"],
    [["estimate", "rose=100", "--agency", "120"], "between 0 and 100 percent"],
    [["estimate", "--coins", "1.5"], "not a whole number of coins"],
    [["estimate", "--diamonds", "-5"], "cannot be negative"],
    [["estimate", "--balance-usd", "lots"], "not a decimal number"],
    [["estimate", "--tally-file", "/no/such/file.csv"], "does not exist"],
    [["estimate", "heart=1"], 'use a gift id (6247 or 5480) or an alias: "Heart 1", "Heart 10"'],
    [["catalog", "show", "heart"], 'use a gift id (6247 or 5480) or an alias: "Heart 1", "Heart 10"'],
  ])("%j", async (argv, message) => {
    const { code, stdout, stderr } = await runCli(argv);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^gift-calc: error: /);
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stderr.trimEnd().split("\n").length).toBeLessThanOrEqual(2);
  });
});

describe("out-of-range values", () => {
  it.each([
    [["estimate", "rose=1", "--agency", "150"]],
    [["estimate", "--diamonds", "-5"]],
    [["estimate", "rose=1", "--rate", "EUR=0", "--currency", "EUR"]],
    [["estimate", "rose=1", "--preset", "us-scaled", "--rewards-rate", "0.9"]],
    [["estimate", "rose=1", "--usd-per-diamond", "0"]],
    [["goal", "0"]],
    [["withdraw", "--usd", "-5"]],
  ])("%j exits 2 with one error line and a hint", async (argv) => {
    const { code, stderr } = await runCli(argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^gift-calc: error: .*\n {2}hint: \S/);
    expect(stderr.trimEnd().split("\n")).toHaveLength(2);
  });
});

describe("an empty --tally-file", () => {
  it("is refused, not replaced by a log read from stdin", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gift-calc-empty-tally-"));
    writeFileSync(join(dir, "empty.csv"), "gift,count\n");
    const { code, stdout, stderr } = await runCli(["estimate", "--tally-file", join(dir, "empty.csv")], {
      stdin: "gift,count\nLion,1\n",
    });
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("lists no gifts");
  });
});

describe("input errors carry a hint", () => {
  const dir = mkdtempSync(join(tmpdir(), "gift-calc-hints-"));
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  const capture = fileURLToPath(new URL("../fixtures/catalog/gift-list-2024-01-05.json", import.meta.url));

  it.each([
    [["estimate", "--tally-file", file("words.yaml", "rose: abc\n")]],
    [["estimate", "--tally-file", file("list.yaml", "rose: [1]\n")]],
    [["estimate", "--tally-file", file("empty.csv", "")]],
    [["estimate", "--tally-file", file("header.csv", "gift,count\n")]],
    [["estimate", "--log", "-", "--log", "-"]],
    [["catalog", "import", capture, "--date", "2024-13-01"]],
    [["coins", "100", "--config", file("empty-store.yaml", "stores:\n  web: { packages: [] }\n")]],
    [
      [
        "coins",
        "100",
        "--config",
        file("cents.yaml", 'stores:\n  web: { packages: [{ coins: 70, usd: "0.745" }] }\n'),
      ],
    ],
  ])("%j exits 2 with one error line and a hint", async (argv) => {
    const { code, stderr } = await runCli(argv, { stdin: "" });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^gift-calc: error: .*\n {2}hint: \S/);
    expect(stderr.trimEnd().split("\n")).toHaveLength(2);
  });
});

describe("log options without a log", () => {
  it.each([
    [["--by", "sender"], "--by applies"],
    [["--top", "3", "--tz", "Europe/Paris"], "--top, --tz apply"],
    [["--strict"], "--strict applies"],
    [["--open-streaks", "drop"], "--open-streaks applies"],
  ])("%j is refused (exit 2) instead of silently ignored", async (flags, message) => {
    const { code, stderr } = await runCli(["estimate", "rose=1", ...flags]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${message} only to a stream log`);
    expect(stderr).toMatch(/\n {2}hint: add --log FILE/);
  });
});

describe("an unknown gift in a --tally-file", () => {
  it("is reported with its file and line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gift-calc-tally-"));
    const path = join(dir, "t.csv");
    writeFileSync(path, "rose,1\nlino,2\n");
    const { code, stderr } = await runCli(["estimate", "--tally-file", path]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${path}:2: unknown gift "lino"`);
    expect(stderr).toContain('"Lion"');
  });
});

describe("a bad choice names where it came from", () => {
  it("an environment variable", async () => {
    const { code, stderr } = await runCli(["estimate", "rose=1"], { env: { GIFT_CALC_PRESET: "x" } });
    expect(code).toBe(2);
    expect(stderr).toContain('unknown preset "x" (GIFT_CALC_PRESET)');
  });

  it("a flag", async () => {
    const { stderr } = await runCli(["estimate", "rose=1", "--method", "wise"]);
    expect(stderr).toContain('unknown payout method "wise" (--method)');
  });

  it("a config file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gift-calc-source-"));
    const config = join(dir, "gift-calc.yaml");
    writeFileSync(config, "payoutMethod: wise\n");
    const { stderr } = await runCli(["estimate", "rose=1", "--config", config]);
    expect(stderr).toContain(`unknown payout method "wise" (${config})`);
  });
});

describe("raw diamonds in the table", () => {
  it("show a dash for count and coins, not 0", async () => {
    const { code, stdout } = await runCli(["estimate", "--diamonds", "500"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/│ diamonds │\s+— │\s+— │\s+— │\s+— │\s+500 │\s+2\.5 │/);
  });
});

describe("a percentage flag that is not a number", () => {
  it("is refused with a percentage example", async () => {
    const { code, stderr } = await runCli(["estimate", "rose=1", "--agency", "ten"]);
    expect(code).toBe(2);
    expect(stderr).toContain('agencyRate "ten" is not a percentage');
    expect(stderr).toContain("hint: give a percentage from 0 to 100");
  });
});

describe("a coin count too large to hold exactly", () => {
  it.each([
    [["estimate", "--coins", "99999999999999999"], "--coins 99999999999999999 is too large"],
    [["coins", "9999999999999999999"], "coins 9999999999999999999 is too large"],
  ])("%j says so (exit 2)", async (argv, message) => {
    const { code, stderr } = await runCli(argv);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain("hint: use at most 9007199254740991 coins");
  });
});
