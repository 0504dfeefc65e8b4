// Start-up: how long a creator waits for `gift-calc --help` and for the main job on the shipped
// catalog, beside bare Node measured in the same run. Target: each at most 2× bare Node.
// The commands are run in turns (base, help, estimate, base, help, …) rather than one after the
// other, so a machine that gets busier or quieter during the run moves every figure alike.
import { BIN, EXTRA_CA_CERTS, MEASURED_ENV, printTable, runOnce } from "./lib.js";

const RUNS = 15;

const COMMANDS = [
  { label: "node -e ''", args: ["-e", ""], isBaseline: true },
  { label: "gift-calc --help", args: [BIN, "--help"], target: "≤ 2× base" },
  {
    label: "gift-calc estimate lion=1 --format json",
    args: [BIN, "estimate", "lion=1", "--format", "json"],
    target: "≤ 2× base",
  },
  { label: "gift-calc estimate lion=1 rose=100 (table)", args: [BIN, "estimate", "lion=1", "rose=100"] },
  // What the shell's NODE_EXTRA_CA_CERTS adds to every start (see lib.js), when it sets it.
  ...(EXTRA_CA_CERTS === undefined
    ? []
    : [{ label: "node -e '' with the shell's NODE_EXTRA_CA_CERTS", args: ["-e", ""], withExtraCerts: true }]),
];

export default async function startup() {
  const envOf = (command) => ({ ...(command.withExtraCerts ? process.env : MEASURED_ENV), NO_COLOR: "1" });
  const samples = COMMANDS.map(() => ({ seconds: [], peakMiB: 0 }));
  for (const command of COMMANDS) runOnce(process.execPath, command.args, { env: envOf(command) }); // warm the file cache
  for (let run = 0; run < RUNS; run++) {
    COMMANDS.forEach((command, index) => {
      const sample = runOnce(process.execPath, command.args, { env: envOf(command) });
      const figures = samples[index];
      figures.seconds.push(sample.seconds);
      if (sample.peakMiB > figures.peakMiB) figures.peakMiB = sample.peakMiB;
    });
  }
  printTable(
    `start-up, median of ${RUNS} interleaved runs`,
    COMMANDS.map((command, index) => {
      const { seconds, peakMiB } = samples[index];
      seconds.sort((a, b) => a - b);
      return { ...command, seconds: seconds[Math.floor(seconds.length / 2)], peakMiB };
    }),
  );
}
