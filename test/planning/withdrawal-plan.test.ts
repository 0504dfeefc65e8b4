import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimal } from "../../src/core/money.js";
import { payoutChain } from "../../src/core/payout.js";
import {
  calendarDate,
  parseCalendarDate,
  planWithdrawals,
  splitBalance,
} from "../../src/core/withdrawal-plan.js";
import { modelWith } from "./settings.js";

const day = (text: string) => parseCalendarDate(text);

describe("planWithdrawals", () => {
  it("plans $3,450 as $1,000 × 3 + $450 on four consecutive days", () => {
    const plan = planWithdrawals({ balanceUsd: decimal("3450"), startDay: day("2026-11-24") }, modelWith());
    expect(plan.withdrawals.map((entry) => [entry.date, entry.usd])).toEqual([
      ["2026-11-24", "1000"],
      ["2026-11-25", "1000"],
      ["2026-11-26", "1000"],
      ["2026-11-27", "450"],
    ]);
    expect(plan.totals).toMatchObject({
      withdrawals: 4,
      days: 4,
      usd: "3450",
      net: "3450.00",
      keptInWalletUsd: "0",
    });
    expect(plan.lastWithdrawal).toBe("2026-11-27");
    expect(plan.arrivesBy).toBe("2026-12-12");
  });

  it("pairs a remainder below the minimum with the day before ($3,050 → …, $950, $100)", () => {
    const { amounts, keptUsd } = splitBalance(decimal("3050"), modelWith());
    expect(amounts.map((amount) => amount.toFixed())).toEqual(["1000", "1000", "950", "100"]);
    expect(keptUsd.toFixed()).toBe("0");
  });

  it("keeps a remainder in the wallet when the cap leaves no room to pair it", () => {
    const model = modelWith({}, { withdrawal: { maximumUsdPerDay: "150" } });
    const { amounts, keptUsd } = splitBalance(decimal("160"), model);
    expect(amounts.map((amount) => amount.toFixed())).toEqual(["150"]);
    expect(keptUsd.toFixed()).toBe("10");
  });

  it("is not eligible below the minimum, and says by how much", () => {
    const plan = planWithdrawals({ balanceUsd: decimal("99.995"), startDay: day("2026-01-01") }, modelWith());
    expect(plan.withdrawal).toMatchObject({ eligible: false, shortfallUsd: "0.005", shortfallDiamonds: "1" });
    expect(plan.withdrawals).toEqual([]);
    expect(plan.arrivesBy).toBeNull();
  });

  it("charges each withdrawal its fee and tax, and converts the net once at the end", () => {
    const model = modelWith(
      { agencyRate: "0.1", taxRate: "0.2", currency: "EUR" },
      { fee: { percent: "2", fixedUsd: "0.25" } },
    );
    const plan = planWithdrawals({ balanceUsd: decimal("2500"), startDay: day("2026-01-01") }, model);
    expect(plan.withdrawals[0]).toMatchObject({
      usd: "1000",
      agencyUsd: "100",
      feeUsd: "18.25",
      taxUsd: "176.35",
    });
    const whole = payoutChain(decimal("2500"), model);
    expect(whole.steps[1]).toMatchObject({ name: "payoutFee", amount: plan.totals.feeUsd });
    expect(plan.totals.netExact).toBe(whole.netExact);
    expect(plan.totals.net).toBe(whole.net);
  });

  it("walks calendar dates across month and year ends and leap days", () => {
    const dates = (start: string, usd: string) =>
      planWithdrawals({ balanceUsd: decimal(usd), startDay: day(start) }, modelWith());
    expect(dates("2028-02-28", "2500").withdrawals.map((entry) => entry.date)).toEqual([
      "2028-02-28",
      "2028-02-29",
      "2028-03-01",
    ]);
    expect(dates("2027-02-28", "1500").withdrawals.map((entry) => entry.date)).toEqual([
      "2027-02-28",
      "2027-03-01",
    ]);
    const yearEnd = dates("2026-12-30", "3000");
    expect(yearEnd.withdrawals.map((entry) => entry.date)).toEqual([
      "2026-12-30",
      "2026-12-31",
      "2027-01-01",
    ]);
    expect(yearEnd.arrivesBy).toBe("2027-01-16");
    expect(dates("2028-02-14", "100").arrivesBy).toBe("2028-02-29");
  });

  it("accepts only real calendar dates", () => {
    expect(calendarDate(day("2024-02-29"))).toBe("2024-02-29");
    for (const text of ["2025-02-29", "2026-13-01", "2026-04-31", "2026-1-5", "tomorrow", "", "1969-12-31"]) {
      expect(() => parseCalendarDate(text)).toThrow(expect.objectContaining({ code: "BAD_OPTION" }));
    }
  });

  it("splits any eligible balance into withdrawals within [minimum, cap] that add up (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.constantFrom("100", "50", "10"),
        fc.constantFrom("1000", "250", "120"),
        (cents, minimumUsd, cap) => {
          const model = modelWith({}, { withdrawal: { minimumUsd, maximumUsdPerDay: cap } });
          const balance = decimal(cents).div(decimal("100"));
          const { amounts, keptUsd } = splitBalance(balance, model);
          const total = amounts.reduce((sum, amount) => sum.plus(amount), decimal("0")).plus(keptUsd);
          expect(total.eq(balance)).toBe(true);
          for (const amount of amounts) {
            expect(amount.gte(decimal(minimumUsd)) && amount.lte(decimal(cap))).toBe(true);
          }
          if (keptUsd.eq(decimal("0")) && balance.gt(decimal("0"))) {
            expect(amounts.length).toBe(Number(balance.div(decimal(cap)).round(0, 3).toFixed()));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("charges in total what payout.ts charges for the whole balance (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10_000, max: 2_000_000 }),
        fc.constantFrom("0", "0.1", "0.35"),
        fc.constantFrom("0", "1.5", "2.9"),
        fc.constantFrom("0", "0.25", "5"),
        fc.constantFrom("USD", "JPY", "KWD"),
        (cents, agencyRate, percent, fixedUsd, currency) => {
          const model = modelWith({ agencyRate, currency }, { fee: { percent, fixedUsd } });
          const balanceUsd = decimal(cents).div(decimal("100"));
          const plan = planWithdrawals({ balanceUsd, startDay: day("2026-01-01") }, model);
          const whole = payoutChain(balanceUsd, model);
          expect(plan.totals.withdrawals).toBe(
            whole.steps[1]?.name === "payoutFee" ? whole.steps[1].withdrawals : -1,
          );
          expect(whole.steps[1]).toMatchObject({ amount: plan.totals.feeUsd });
          expect(plan.totals.netExact).toBe(whole.netExact);
          expect(plan.totals.net).toBe(whole.net);
        },
      ),
      { numRuns: 200 },
    );
  });
});
