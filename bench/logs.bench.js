// Stream logs: `gift-calc estimate --log FILE --by sender --format json` (streak rules on, per-gift
// and per-sender totals) on generated canonical CSV logs, beside `wc -l` on the same file and a
// straightforward csv-parse implementation of the same totals, measured in the same run; and the
// normalised log (`--by event --format csv`, streamed: its memory must not grow with the log either).
// 1M and 10M rows (the 10M log is ~773 MiB; generating it once takes a minute or two); BENCH_ROWS
// picks other sizes (a comma-separated list, e.g. BENCH_ROWS=1000000). Logs go to bench/out/.
import { existsSync, mkdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { generateLog } from "./generate-log.js";
import { BIN, EXTRA_CA_CERTS, measure, printTable, runOnce } from "./lib.js";

const OUT = fileURLToPath(new URL("./out/", import.meta.url));
const BASELINE = fileURLToPath(new URL("./csv-parse-baseline.js", import.meta.url));
const TARGETS = { 1000000: "≤ 0.5 s, ≤ 150 MiB", 10000000: "≤ 3.5 s, ≤ 150 MiB" };

function sizes() {
  const chosen = (process.env.BENCH_ROWS ?? "").split(",").filter(Boolean).map(Number);
  return [...new Set(chosen.length > 0 ? chosen : [1_000_000, 10_000_000])].sort((a, b) => a - b);
}

export default async function logs() {
  mkdirSync(OUT, { recursive: true });
  for (const rows of sizes()) {
    const file = `${OUT}log-${rows}.csv`;
    if (!existsSync(file)) {
      console.log(`generating ${rows} rows → ${file}`);
      await generateLog(rows, file, 42);
    }
    const megabytes = statSync(file).size / 1048576;
    const giftCalcArgs = [BIN, "estimate", "--log", file, "--by", "sender", "--format", "json"];
    const isLarge = rows >= 5_000_000;

    // The two implementations must agree before their speed means anything.
    const ours = JSON.parse(String(runOnce(process.execPath, giftCalcArgs).stdout));
    const theirs = JSON.parse(String(runOnce(process.execPath, [BASELINE, file]).stdout));
    const agree = ours.totals.coins === theirs.coins && ours.groups.rows.length === theirs.senders.length;

    const wc = measure("wc", ["-l", file], { runs: isLarge ? 3 : 7 });
    const giftCalc = measure(process.execPath, giftCalcArgs, { runs: isLarge ? 3 : 5 });
    const csvParse = measure(process.execPath, [BASELINE, file], { runs: isLarge ? 1 : 3 });
    const eventsArgs = [BIN, "estimate", "--log", file, "--by", "event", "--format", "csv"];
    const events = measure(process.execPath, eventsArgs, { runs: isLarge ? 1 : 3 });
    // The same run as the shell would start it, when it sets NODE_EXTRA_CA_CERTS (see lib.js).
    const withExtraCerts =
      EXTRA_CA_CERTS === undefined
        ? undefined
        : measure(process.execPath, giftCalcArgs, { runs: isLarge ? 1 : 5, env: process.env });
    printTable(`logs: ${rows.toLocaleString("en")} rows, ${megabytes.toFixed(0)} MiB canonical CSV`, [
      { label: "wc -l FILE", ...wc, isBaseline: true },
      {
        label: "gift-calc estimate --log FILE --by sender --format json",
        ...giftCalc,
        target: TARGETS[rows] ?? "",
      },
      { label: "csv-parse, same rules and totals", ...csvParse },
      { label: "gift-calc … --by event --format csv (normalised log)", ...events },
      ...(withExtraCerts === undefined
        ? []
        : [{ label: "gift-calc … --by sender, with NODE_EXTRA_CA_CERTS", ...withExtraCerts }]),
    ]);
    console.log(
      `gift-calc ${(csvParse.seconds / giftCalc.seconds).toFixed(1)}× faster than csv-parse (target ≥ 8×); ` +
        `${(rows / giftCalc.seconds / 1e6).toFixed(2)} M rows/s; totals ${agree ? "agree" : "DISAGREE"} ` +
        `(${ours.totals.coins} coins, ${ours.groups.rows.length} senders)`,
    );
  }
}
