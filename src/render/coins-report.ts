/** A CoinsQuote as a Report: the packages bought, the totals, price per coin, the store's table. */
import type { CoinsQuote } from "../core/coin-shop.js";
import { decimal, toMoneyText } from "../core/money.js";
import { assumptionFields } from "./estimate-report.js";
import type { Report } from "./report.js";

export function coinsReport(quote: CoinsQuote): Report {
  const notes = quote.isExact
    ? []
    : [
        "this store table is too coarse for an exact search this large: the bulk was bought in its best-value package",
      ];
  return {
    title: `Buying ${quote.wantedCoins} coins (${quote.store})`,
    sections: [
      {
        kind: "table",
        title: "Cheapest purchase",
        columns: [
          { key: "kind", header: "kind" },
          { key: "coins", header: "coins", align: "right" },
          { key: "quantity", header: "×", align: "right" },
          { key: "usdEach", header: "USD each", align: "right" },
          { key: "usd", header: "USD", align: "right" },
        ],
        rows: quote.lines.map((line) => ({ ...line })),
        footer: { kind: "total", coins: quote.coins, usd: quote.usd },
      },
      {
        kind: "fields",
        title: "Price",
        fields: [
          { key: "wantedCoins", label: "coins wanted", value: quote.wantedCoins },
          { key: "coins", label: "coins bought", value: quote.coins },
          { key: "leftoverCoins", label: "leftover coins", value: quote.leftoverCoins },
          { key: "usd", label: "total (USD)", value: quote.usd, tone: "strong" },
          // Display only: six places; the JSON carries ten.
          { key: "usdPerCoin", label: "per coin (USD)", value: toMoneyText(decimal(quote.usdPerCoin), 6) },
        ],
      },
      { kind: "fields", title: "Assumptions", fields: assumptionFields(quote.assumptions) },
    ],
    notes,
  };
}
