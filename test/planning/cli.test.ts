import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { runCli, runJson } from "../helpers/cli.js";

interface GoalJson {
  schema: string;
  reachable: boolean;
  coins: number | null;
  oneCoinLess: string | null;
  gifts: { gift: string; count: number }[];
  viewerSpend: Record<string, string>;
  unreachable: { code: string } | null;
  assumptions: Record<string, string>;
}

interface WithdrawJson {
  schema: string;
  withdrawal: { eligible: boolean; shortfallUsd: string };
  withdrawals: { date: string; usd: string; feeUsd: string; net: string }[];
  totals: { withdrawals: number; days: number; net: string; feeUsd: string };
  start: string;
  arrivesBy: string | null;
  balanceDiamonds: string | null;
}

interface CoinsJson {
  schema: string;
  store: string;
  coins: number;
  usd: string;
  usdPerCoin: string;
  leftoverCoins: number;
  isExact: boolean;
  lines: { kind: string; coins: number; quantity: number }[];
}

describe("gift-calc goal", () => {
  it("needs 20,000 coins and 1 Lion for $100 gross; 40,000 and 2 under --preset half", async () => {
    const standard = await runJson<GoalJson>(["goal", "100", "--gross", "--gift", "lion"]);
    expect(standard.code).toBe(0);
    expect(standard.json).toMatchObject({ schema: "gift-calc.goal/1", coins: 20000, oneCoinLess: "99.99" });
    expect(standard.json.gifts).toEqual([
      { gift: "Lion", giftId: 6369, coinsEach: 29999, count: 1, coins: 29999 },
    ]);
    const half = await runJson<GoalJson>(["goal", "100", "--gross", "--gift", "lion", "--preset", "half"]);
    expect(half.json.coins).toBe(40000);
    expect(half.json.gifts[0]?.count).toBe(2);
  });

  it("shows default gifts, viewer spend and assumptions for a net goal in EUR", async () => {
    const { code, json } = await runJson<GoalJson>(["goal", "500", "--currency", "EUR", "--agency", "20"]);
    expect(code).toBe(0);
    expect(json.gifts.map((gift) => gift.gift)).toEqual(["Rose", "Finger Heart", "Lion", "TikTok Universe"]);
    expect(Object.keys(json.viewerSpend)).toEqual(["web", "app"]);
    expect(json.assumptions).toMatchObject({ agencyRate: "0.2", currency: "EUR" });
  });

  it("reports an unreachable goal, and fails it with --check", async () => {
    const plain = await runJson<GoalJson>(["goal", "500", "--agency", "100"]);
    expect(plain.code).toBe(0);
    expect(plain.json).toMatchObject({
      reachable: false,
      coins: null,
      unreachable: { code: "AGENCY_TAKES_ALL" },
    });
    const checked = await runCli(["goal", "500", "--agency", "100", "--check"]);
    expect(checked.code).toBe(1);
    expect(checked.stderr).toContain("cannot be reached");
    expect((await runCli(["goal", "500", "--check"])).code).toBe(0);
  });

  it("notes a goal below the withdrawal minimum in table and markdown", async () => {
    const table = await runCli(["goal", "20"]);
    expect(table.stdout).toContain("below the $100 withdrawal minimum");
    const markdown = await runCli(["goal", "20", "--format", "markdown"]);
    expect(markdown.stdout).toContain("| coins | 4000 |");
  });

  it("writes CSV that parses", async () => {
    const { code, stdout } = await runCli(["goal", "100", "--gross", "--format", "csv"]);
    expect(code).toBe(0);
    const rows = parse(stdout, { relax_column_count: true }) as string[][];
    expect(rows.some((row) => row.includes("20000"))).toBe(true);
  });

  it.each([
    [["goal", "abc"], "BAD_NUMBER", "is not a number"],
    [["goal", "0"], "OUT_OF_RANGE", "more than 0"],
    [["goal", "--", "-5"], "OUT_OF_RANGE", "more than 0"],
    [["goal", "100", "--gift", "lino"], "UNKNOWN_GIFT", "did you mean"],
    [["goal", "100", "--currency", "XYZ"], "BAD_OPTION", "no exchange rate"],
  ])("rejects %j with exit 2", async (argv, _code, message) => {
    const { code, stderr } = await runCli(argv);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});

describe("gift-calc withdraw", () => {
  it("plans $3,450 as 4 withdrawals on 4 consecutive days from today", async () => {
    const { code, json } = await runJson<WithdrawJson>(["withdraw", "--usd", "3450"], {
      now: new Date("2026-12-30T23:30:00Z"),
    });
    expect(code).toBe(0);
    expect(json.schema).toBe("gift-calc.withdraw/1");
    expect(json.withdrawals.map((entry) => [entry.date, entry.usd])).toEqual([
      ["2026-12-30", "1000"],
      ["2026-12-31", "1000"],
      ["2027-01-01", "1000"],
      ["2027-01-02", "450"],
    ]);
    expect(json.totals).toMatchObject({ withdrawals: 4, days: 4, net: "3450.00" });
    expect(json.arrivesBy).toBe("2027-01-17");
  });

  it("takes diamonds, a start date and fees", async () => {
    const { json } = await runJson<WithdrawJson>(
      ["withdraw", "--diamonds", "300000", "--start", "2028-02-28", "--currency", "JPY"],
      { env: { GIFT_CALC_CONFIG: "" } },
    );
    expect(json.balanceDiamonds).toBe("300000");
    expect(json.withdrawals.map((entry) => entry.date)).toEqual(["2028-02-28", "2028-02-29"]);
    expect(json.totals.net).toBe("231000");
  });

  it("is not eligible below the minimum; --check exits 1", async () => {
    const plain = await runJson<WithdrawJson>(["withdraw", "--usd", "60"]);
    expect(plain.code).toBe(0);
    expect(plain.json.withdrawal).toMatchObject({ eligible: false, shortfallUsd: "40" });
    expect(plain.json.arrivesBy).toBeNull();
    const checked = await runCli(["withdraw", "--usd", "60", "--check"]);
    expect(checked.code).toBe(1);
    expect(checked.stderr).toContain("below the $100 withdrawal minimum");
    expect((await runCli(["withdraw", "--usd", "100", "--check"])).code).toBe(0);
  });

  it("prints the plan as a table with its minimum rule", async () => {
    const { stdout } = await runCli(["withdraw", "--usd", "3050", "--start", "2026-03-01"]);
    expect(stdout).toContain("2026-03-04");
    expect(stdout).toContain("minimum rule");
    expect(stdout).toMatch(/│\s+950\s+│/);
  });

  it.each([
    [["withdraw"], "needs a balance"],
    [["withdraw", "--usd", "10", "--diamonds", "5"], "not both"],
    [["withdraw", "--usd", "ten"], "is not a number"],
    [["withdraw", "--usd", "-3"], "0 or more"],
    [["withdraw", "--usd", "100", "--start", "2025-02-29"], "not a calendar date"],
    [["withdraw", "--usd", "100", "--start", "03/01/2026"], "not a calendar date"],
    [["withdraw", "--usd", "100", "--method", "venmo"], "unknown payout method"],
  ])("rejects %j with exit 2", async (argv, message) => {
    const { code, stderr } = await runCli(argv);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});

describe("gift-calc coins", () => {
  it("buys 30,000 app coins exactly, with price per coin and leftover", async () => {
    const { code, json } = await runJson<CoinsJson>(["coins", "30000", "--store", "app"]);
    expect(code).toBe(0);
    expect(json).toMatchObject({ schema: "gift-calc.coins/1", store: "app", coins: 30000, usd: "453.85" });
    expect(json).toMatchObject({ leftoverCoins: 0, isExact: true, usdPerCoin: "0.0151283333" });
  });

  it("defaults to the web store and its custom amount", async () => {
    const { json } = await runJson<CoinsJson>(["coins", "20000"]);
    expect(json.store).toBe("web");
    expect(json.usd).toBe("211.44");
    expect(json.lines.map((line) => line.kind)).toEqual(["package", "custom"]);
  });

  it("prints markdown and CSV", async () => {
    expect((await runCli(["coins", "100", "--format", "markdown"])).stdout).toContain("| total (USD) |");
    const csv = await runCli(["coins", "100", "--format", "csv"]);
    expect(csv.code).toBe(0);
    expect(parse(csv.stdout, { relax_column_count: true }).length).toBeGreaterThan(3);
  });

  it.each([
    [["coins", "many"], "not a whole number"],
    [["coins", "0"], "not a whole number"],
    [["coins", "1.5"], "not a whole number"],
    [["coins", "100", "--store", "ap"], "did you mean app"],
    [["coins", "100", "--store", "shop"], "known stores: web, app"],
  ])("rejects %j with exit 2", async (argv, message) => {
    const { code, stderr } = await runCli(argv);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});

describe("planning output formats", () => {
  it.each([
    ["goal", "100"],
    ["withdraw", "--usd", "3050", "--start", "2026-03-01"],
    ["coins", "1000"],
  ])("%s prints table, json, csv and markdown", async (...argv) => {
    for (const format of ["table", "json", "csv", "markdown"]) {
      const { code, stdout } = await runCli([...argv, "--format", format]);
      expect(code).toBe(0);
      expect(stdout.length).toBeGreaterThan(100);
    }
  });

  it("prints coins as a table (golden)", async () => {
    const { stdout } = await runCli(["coins", "1000", "--store", "app"]);
    expect(stdout).toMatchInlineSnapshot(`
      "Cheapest purchase
      ┌─────────┬───────┬────┬──────────┬───────┐
      │ kind    │ coins │  × │ USD each │   USD │
      ├─────────┼───────┼────┼──────────┼───────┤
      │ package │    65 │ 16 │     0.99 │ 15.84 │
      ├─────────┼───────┼────┼──────────┼───────┤
      │ total   │  1040 │    │          │ 15.84 │
      └─────────┴───────┴────┴──────────┴───────┘

      Price
        coins wanted    1000
        coins bought    1040
        leftover coins  40
        total (USD)     15.84
        per coin (USD)  0.015230

      Assumptions
        store         app
        packages      65 = $0.99, 330 = $4.99, 660 = $9.99, 1321 = $19.99, 3303 = $49.99, 6607 = $99.99, 16500 = $249.99
        custom        none
        optimisation  exact: the cheapest combination of packages (and one custom amount) giving at least N coins
      "
    `);
  });

  it("prints a withdrawal plan as markdown (golden)", async () => {
    const { stdout } = await runCli([
      "withdraw",
      "--usd",
      "1050.50",
      "--start",
      "2028-02-29",
      "--format",
      "markdown",
    ]);
    expect(stdout).toMatchInlineSnapshot(`
      "## Withdrawal plan

      ### Balance

      | | |
      |---|---|
      | eligible | yes |
      | wallet (USD) | 1050.5 |
      | minimum (USD) | 100 |
      | days at $1000/day | 2 |
      | processing (days) | 15 |

      ### Withdrawals

      | # | date | USD | agency | fee | tax | net USD |
      |---:|---|---:|---:|---:|---:|---:|
      | 1 | 2028-02-29 | 950.5 | 0 | 0 | 0 | 950.50 |
      | 2 | 2028-03-01 | 100 | 0 | 0 | 0 | 100.00 |
      |  | **total** | **1050.5** | **0** | **0** | **0** | **1050.50** |

      ### Plan

      | | |
      |---|---|
      | withdrawals | 2 |
      | calendar days | 2 |
      | bank fee per withdrawal | 0% + $0 |
      | fees in total (USD) | 0 |
      | net received (USD, rounded down) | 1050.50 |
      | left in the wallet (USD) | 0 |
      | first withdrawal | 2028-02-29 |
      | last withdrawal | 2028-03-01 |
      | money arrives by (+15 days) | 2028-03-16 |

      ### Assumptions

      | | |
      |---|---|
      | preset | standard |
      | diamondsPerCoin | 1 |
      | usdPerDiamond | 0.005 |
      | withdrawalMinimumUsd | 100 |
      | withdrawalMaximumUsdPerDay | 1000 |
      | withdrawalProcessingDays | 15 |
      | agencyRate | 0 |
      | payoutMethod | bank |
      | payoutFeePercent | 0 |
      | payoutFeeFixedUsd | 0 |
      | taxRate | 0 |
      | currency | USD |
      | currencyPerUsd | 1 |
      | currencyRateSource | base |
      | rounding | down to 2 decimal places, once, at the end |

      - minimum rule: every withdrawal is at least the minimum: a smaller last remainder is paired with the day before
      - the total net is rounded once, from the exact sum, so it can exceed the sum of the rounded rows
      "
    `);
  });

  it("shows examples in each command's help", async () => {
    for (const command of ["goal", "withdraw", "coins"]) {
      const { code, stdout } = await runCli([command, "--help"]);
      expect(code).toBe(0);
      expect(stdout).toContain(`gift-calc ${command} `);
    }
  });
});
