// The planning commands: goal (a binary search over the payout chain), withdraw, and coins at sizes
// that exercise the residue search (the in-app store) and the table search (the web store, with its custom amount).
import { BIN, measure, printTable } from "./lib.js";

export default async function planningBench() {
  const run = (label, args, extra = {}) => ({
    label,
    ...measure(process.execPath, [BIN, ...args]),
    ...extra,
  });
  printTable("planning: goal, withdraw, coins", [
    run("gift-calc --version (startup baseline)", ["--version"], { isBaseline: true }),
    run("goal 500 --currency EUR --agency 20 (net)", ["goal", "500", "--currency", "EUR", "--agency", "20"]),
    run("goal 1000000 (net, 1,000 withdrawals)", ["goal", "1000000", "--format", "json"]),
    run("withdraw --usd 3450", ["withdraw", "--usd", "3450", "--start", "2026-01-01"]),
    run("coins 30000 --store app", ["coins", "30000", "--store", "app"]),
    run(
      "coins 5000000 --store app (residue search, below its bound)",
      ["coins", "5000000", "--store", "app"],
      {
        target: "< 1 s",
      },
    ),
    run("coins 1000000000 --store app (residue search)", ["coins", "1000000000", "--store", "app"]),
    run("coins 1600000 --store web (table search + custom)", ["coins", "1600000"]),
  ]);
}
