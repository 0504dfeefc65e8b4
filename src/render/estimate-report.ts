/** An Estimate as a Report: lines, totals, the payout chain, the withdrawal check, viewer spend, assumptions. */
import type { Estimate } from "../core/estimate.js";
import { decimal, toText } from "../core/money.js";
import type { PayoutStep } from "../core/payout.js";
import { auditFields, auditIdentity, groupNotes, groupSection } from "./log-report.js";
import type { Field, Report, Section } from "./report.js";

export function payoutFields(estimate: Pick<Estimate, "payout">): Field[] {
  const { payout } = estimate;
  const fields: Field[] = [{ key: "grossUsd", label: "wallet (USD)", value: payout.grossUsd }];
  for (const step of payout.steps) fields.push(stepField(step));
  fields.push({
    key: "net",
    label: `net (${payout.currency}, rounded down)`,
    value: payout.net,
    tone: "strong",
  });
  return fields;
}

function stepField(step: PayoutStep): Field {
  switch (step.name) {
    case "agency":
      return {
        key: "agency",
        label: `agency cut ${percent(step.rate)}`,
        value: deducted(step.amount, step.after),
      };
    case "payoutFee":
      return {
        key: "payoutFee",
        label: `${step.method} fee ${step.percent}% + $${step.fixedUsd} × ${step.withdrawals} withdrawal${step.withdrawals === 1 ? "" : "s"}`,
        value: deducted(step.amount, step.after),
      };
    case "tax":
      return {
        key: "tax",
        label: `tax reserve ${percent(step.rate)}`,
        value: deducted(step.amount, step.after),
      };
    case "currency":
      return { key: "currency", label: `in ${step.code} at ${step.rate}`, value: step.after };
  }
}

/** "−59.998 → 239.992"; a zero deduction reads "0 → …", not "−0". */
function deducted(amount: string, after: string): string {
  return `${amount === "0" ? "0" : `−${amount}`} → ${after}`;
}

function percent(rate: string): string {
  return `${toText(decimal(rate).times(decimal("100")))}%`;
}

export function withdrawalFields(estimate: Pick<Estimate, "withdrawal">): Field[] {
  const check = estimate.withdrawal;
  const fields: Field[] = [
    {
      key: "eligible",
      label: "eligible",
      value: check.eligible ? "yes" : "no",
      tone: check.eligible ? "good" : "bad",
    },
    { key: "balanceUsd", label: "wallet (USD)", value: check.balanceUsd },
    { key: "minimumUsd", label: "minimum (USD)", value: check.minimumUsd },
  ];
  if (!check.eligible) {
    fields.push(
      { key: "shortfallUsd", label: "short by (USD)", value: check.shortfallUsd, tone: "bad" },
      { key: "shortfallDiamonds", label: "short by (diamonds)", value: check.shortfallDiamonds },
      { key: "shortfallCoins", label: "short by (coins)", value: check.shortfallCoins },
    );
    if (check.shortfallGifts) {
      fields.push({
        key: "shortfallGifts",
        label: `short by (${check.shortfallGifts.gift})`,
        value: check.shortfallGifts.count,
      });
    }
  } else {
    fields.push({
      key: "daysNeeded",
      label: `days at $${check.maximumUsdPerDay}/day`,
      value: check.daysNeeded,
    });
  }
  fields.push({ key: "processingDays", label: "processing (days)", value: check.processingDays });
  return fields;
}

export function assumptionFields(assumptions: Readonly<Record<string, string | number>>): Field[] {
  return Object.entries(assumptions).map(([key, value]) => ({
    key,
    label: key,
    value,
    tone: "dim" as const,
  }));
}

export function estimateReport(estimate: Estimate): Report {
  const sections: Section[] = [
    {
      kind: "table",
      title: "Gifts",
      columns: [
        { key: "gift", header: "gift" },
        { key: "giftId", header: "id", align: "right" },
        { key: "count", header: "count", align: "right" },
        { key: "coinsEach", header: "coins each", align: "right" },
        { key: "coins", header: "coins", align: "right" },
        { key: "diamonds", header: "diamonds", align: "right" },
        { key: "walletUsd", header: "wallet USD", align: "right" },
      ],
      // Raw diamonds have no count or coins: show a dash, not a misleading 0.
      rows: estimate.lines.map((line) =>
        line.gift === "diamonds" && line.giftId === null
          ? { ...line, count: null, coinsEach: null, coins: null }
          : { ...line },
      ),
      footer: {
        gift: "total",
        coins: estimate.totals.coins,
        diamonds: estimate.totals.diamonds,
        walletUsd: estimate.totals.walletUsd,
      },
    },
    ...(estimate.groups === undefined ? [] : [groupSection(estimate.groups)]),
    ...(estimate.audit === undefined
      ? []
      : [{ kind: "fields" as const, title: "Audit", fields: auditFields(estimate.audit) }]),
    { kind: "fields", title: "Payout", fields: payoutFields(estimate) },
    { kind: "fields", title: "Withdrawal", fields: withdrawalFields(estimate) },
    {
      kind: "fields",
      title: "Viewer spend (USD)",
      fields: Object.entries(estimate.viewerSpend).map(([store, usd]) => ({
        key: store,
        label: store,
        value: usd,
      })),
    },
    { kind: "fields", title: "Assumptions", fields: assumptionFields(estimate.assumptions) },
  ];
  const notes: string[] = [];
  if (estimate.groups !== undefined) notes.push(...groupNotes(estimate.groups));
  if (estimate.audit !== undefined) notes.push(auditIdentity(estimate.audit));
  if (estimate.totals.balanceUsd !== "0")
    notes.push(`includes a wallet balance of $${estimate.totals.balanceUsd}`);
  return { title: "Estimate", sections, notes };
}
