// Start-up: how long a creator waits for `gift-calc --help` and for the main job on the shipped
// catalog, beside bare Node measured in the same run. Target: each at most 2× bare Node.
import { BIN, measure, printTable } from "./lib.js";

const RUNS = 11;

export default async function startup() {
  const base = measure(process.execPath, ["-e", ""], { runs: RUNS });
  const help = measure(process.execPath, [BIN, "--help"], { runs: RUNS });
  const estimate = measure(process.execPath, [BIN, "estimate", "lion=1", "--format", "json"], { runs: RUNS });
  const table = measure(process.execPath, [BIN, "estimate", "lion=1", "rose=100"], {
    runs: RUNS,
    env: { ...process.env, NO_COLOR: "1" },
  });
  printTable(`start-up, median of ${RUNS} runs`, [
    { label: "node -e ''", ...base, isBaseline: true },
    { label: "gift-calc --help", ...help, target: "≤ 2× base" },
    { label: "gift-calc estimate lion=1 --format json", ...estimate, target: "≤ 2× base" },
    { label: "gift-calc estimate lion=1 rose=100 (table)", ...table },
  ]);
}
