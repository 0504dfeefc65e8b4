/** A Goal as a Report: the goal, the coin minimum, gifts, payout, withdrawal, viewer spend, assumptions. */
import type { Goal } from "../core/goal.js";
import { assumptionFields, payoutFields, withdrawalFields } from "./estimate-report.js";
import type { Field, Report, Section } from "./report.js";

function goalFields(result: Goal): Field[] {
  const { goal } = result;
  const fields: Field[] = [
    {
      key: "goal",
      label: goal.basis === "gross" ? "wallet value (gross)" : "net, after every deduction",
      value: `${goal.amount} ${goal.currency}`,
    },
    {
      key: "reachable",
      label: "reachable",
      value: result.reachable ? "yes" : "no",
      tone: result.reachable ? "good" : "bad",
    },
  ];
  if (result.unreachable)
    fields.push({ key: "why", label: "why not", value: result.unreachable.message, tone: "bad" });
  return fields;
}

function minimumFields(result: Goal): Field[] {
  const currency = result.goal.currency;
  return [
    { key: "coins", label: "coins", value: result.coins, tone: "strong" },
    { key: "diamonds", label: "diamonds", value: result.diamonds },
    { key: "walletUsd", label: "wallet (USD)", value: result.walletUsd },
    { key: "reached", label: `gives (${currency}, rounded down)`, value: result.reached },
    { key: "oneCoinLess", label: `one coin less gives (${currency})`, value: result.oneCoinLess },
  ];
}

export function goalReport(result: Goal): Report {
  const sections: Section[] = [{ kind: "fields", title: "Goal", fields: goalFields(result) }];
  const notes: string[] = [];
  if (result.reachable && result.payout && result.withdrawal) {
    sections.push(
      { kind: "fields", title: "Minimum", fields: minimumFields(result) },
      {
        kind: "table",
        title: "In gifts (each line alone reaches the minimum)",
        columns: [
          { key: "gift", header: "gift" },
          { key: "giftId", header: "id", align: "right" },
          { key: "coinsEach", header: "coins each", align: "right" },
          { key: "count", header: "count", align: "right" },
          { key: "coins", header: "coins", align: "right" },
        ],
        rows: result.gifts.map((gift) => ({ ...gift })),
      },
      { kind: "fields", title: "Payout", fields: payoutFields({ payout: result.payout }) },
      { kind: "fields", title: "Withdrawal", fields: withdrawalFields({ withdrawal: result.withdrawal }) },
      {
        kind: "fields",
        title: "Viewer spend (USD)",
        fields: Object.entries(result.viewerSpend).map(([store, usd]) => ({
          key: store,
          label: store,
          value: usd,
        })),
      },
    );
    if (!result.withdrawal.eligible) {
      notes.push(
        `the goal is below the $${result.withdrawal.minimumUsd} withdrawal minimum: it can be earned, ` +
          `but not withdrawn until the wallet holds ${result.withdrawal.shortfallCoins} more coins' worth`,
      );
    }
  }
  sections.push({ kind: "fields", title: "Assumptions", fields: assumptionFields(result.assumptions) });
  return { title: "Goal", sections, notes };
}
