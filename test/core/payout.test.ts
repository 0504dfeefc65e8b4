import { describe, expect, it } from "vitest";
import { decimal } from "../../src/core/money.js";
import { payoutChain, withdrawalsNeeded } from "../../src/core/payout.js";
import { modelWith } from "../helpers/model.js";

describe("payoutChain", () => {
  it("passes the wallet through unchanged with the default (zero) deductions", () => {
    const payout = payoutChain(decimal("150.495"), modelWith());
    expect(payout).toMatchObject({
      grossUsd: "150.495",
      currency: "USD",
      netExact: "150.495",
      net: "150.49",
    });
    expect(payout.steps.map((step) => step.name)).toEqual(["agency", "payoutFee", "tax", "currency"]);
    expect(payout.steps[0]).toEqual({ name: "agency", rate: "0", amount: "0", after: "150.495" });
  });

  it("takes agency, fee per withdrawal, tax and converts, in that order", () => {
    const model = modelWith({
      agencyRate: "0.1",
      payoutMethod: "wire",
      taxRate: "0.2",
      currency: "EUR",
      rateOverrides: { EUR: "0.9" },
    });
    const payout = payoutChain(decimal("1000"), model);
    expect(payout.steps).toEqual([
      { name: "agency", rate: "0.1", amount: "100", after: "900" },
      {
        name: "payoutFee",
        method: "wire",
        percent: "2.5",
        fixedUsd: "1",
        withdrawals: 1,
        amount: "23.5",
        after: "876.5",
      },
      { name: "tax", rate: "0.2", amount: "175.3", after: "701.2" },
      { name: "currency", code: "EUR", rate: "0.9", after: "631.08" },
    ]);
    expect(payout.net).toBe("631.08");
  });

  it("charges the fixed fee once per withdrawal the daily cap forces", () => {
    const payout = payoutChain(decimal("2500"), modelWith({ payoutMethod: "wire" }));
    const fee = payout.steps[1];
    expect(fee).toMatchObject({ withdrawals: 3, amount: "65.5" }); // 2.5 % of 2500 + 3 × $1
  });

  it("never takes more than there is", () => {
    const payout = payoutChain(decimal("0.5"), modelWith({ payoutMethod: "wire" }));
    expect(payout.steps[1]).toMatchObject({ amount: "0.5", after: "0" });
    expect(payout.net).toBe("0.00");
  });

  it("rounds the net down to the currency's minor unit", () => {
    expect(payoutChain(decimal("150.495"), modelWith({ currency: "JPY" })).net).toBe("23176");
    expect(payoutChain(decimal("150.495"), modelWith({ currency: "KWD" })).net).toBe("46.201");
  });
});

describe("withdrawalsNeeded", () => {
  it.each([
    ["0", 0],
    ["0.01", 1],
    ["1000", 1],
    ["1000.01", 2],
    ["2500", 3],
  ])("$%s takes %d withdrawals at $1000 a day", (usd, count) => {
    expect(withdrawalsNeeded(decimal(usd), modelWith())).toBe(count);
  });
});
