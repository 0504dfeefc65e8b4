/** A WithdrawalPlan as a Report: the balance check, each withdrawal, the totals and dates, assumptions. */
import type { WithdrawalPlan } from "../core/withdrawal-plan.js";
import { assumptionFields, withdrawalFields } from "./estimate-report.js";
import type { Field, Report, Section } from "./report.js";

function planFields(plan: WithdrawalPlan): Field[] {
  const { totals, fee } = plan;
  return [
    { key: "withdrawals", label: "withdrawals", value: totals.withdrawals },
    { key: "days", label: "calendar days", value: totals.days },
    {
      key: "feePerWithdrawal",
      label: `${fee.method} fee per withdrawal`,
      value: `${fee.percent}% + $${fee.fixedUsd}`,
    },
    { key: "feeUsd", label: "fees in total (USD)", value: totals.feeUsd },
    {
      key: "net",
      label: `net received (${totals.currency}, rounded down)`,
      value: totals.net,
      tone: "strong",
    },
    { key: "keptInWalletUsd", label: "left in the wallet (USD)", value: totals.keptInWalletUsd },
    { key: "start", label: "first withdrawal", value: plan.start },
    { key: "lastWithdrawal", label: "last withdrawal", value: plan.lastWithdrawal },
    {
      key: "arrivesBy",
      label: `money arrives by (+${plan.withdrawal.processingDays} days)`,
      value: plan.arrivesBy,
      tone: "strong",
    },
  ];
}

export function withdrawReport(plan: WithdrawalPlan): Report {
  const balance: Field[] = withdrawalFields({ withdrawal: plan.withdrawal });
  if (plan.balanceDiamonds !== null) {
    balance.splice(1, 0, { key: "balanceDiamonds", label: "wallet (diamonds)", value: plan.balanceDiamonds });
  }
  const sections: Section[] = [{ kind: "fields", title: "Balance", fields: balance }];
  const notes: string[] = [];
  if (plan.withdrawal.eligible) {
    const currency = plan.totals.currency;
    sections.push(
      {
        kind: "table",
        title: "Withdrawals",
        columns: [
          { key: "number", header: "#", align: "right" },
          { key: "date", header: "date" },
          { key: "usd", header: "USD", align: "right" },
          { key: "agencyUsd", header: "agency", align: "right" },
          { key: "feeUsd", header: "fee", align: "right" },
          { key: "taxUsd", header: "tax", align: "right" },
          { key: "net", header: `net ${currency}`, align: "right" },
        ],
        rows: plan.withdrawals.map((entry) => ({ ...entry })),
        footer: {
          date: "total",
          usd: plan.totals.usd,
          agencyUsd: plan.totals.agencyUsd,
          feeUsd: plan.totals.feeUsd,
          taxUsd: plan.totals.taxUsd,
          net: plan.totals.net,
        },
      },
      { kind: "fields", title: "Plan", fields: planFields(plan) },
    );
    notes.push(`minimum rule: ${plan.rule}`);
    if (plan.totals.keptInWalletUsd !== "0") {
      notes.push(
        `$${plan.totals.keptInWalletUsd} stays in the wallet: below the minimum, with no room under the cap`,
      );
    }
    notes.push(
      "the total net is rounded once, from the exact sum, so it can exceed the sum of the rounded rows",
    );
  }
  sections.push({ kind: "fields", title: "Assumptions", fields: assumptionFields(plan.assumptions) });
  return { title: "Withdrawal plan", sections, notes };
}
