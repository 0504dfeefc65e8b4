// Shared helpers for the benchmarks: time whole commands (median of several runs, peak memory
// from /usr/bin/time when available) and print figures beside a baseline measured in the same run.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../", import.meta.url));
export const BIN = fileURLToPath(new URL("../bin/gift-calc.js", import.meta.url));
const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

/**
 * NODE_EXTRA_CA_CERTS makes every Node process read and parse a certificate bundle before any
 * JavaScript runs: 40–80 ms a start on the development sandbox, whose shell sets it to the whole
 * system bundle (`node -e ''` takes ~110 ms with it, ~35 ms without). gift-calc makes no TLS
 * connection, and a creator's machine rarely sets it, so every command is measured without it (the
 * baseline too); the start-up and log benchmarks also print a figure with it, so its cost is seen.
 */
export const EXTRA_CA_CERTS = process.env.NODE_EXTRA_CA_CERTS || undefined;
export const MEASURED_ENV = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => name !== "NODE_EXTRA_CA_CERTS"),
);

/** Run a command once: wall seconds, CPU seconds and peak resident memory (MiB), when measurable. */
export function runOnce(command, args, options = {}) {
  options = { env: MEASURED_ENV, ...options };
  const start = process.hrtime.bigint();
  const result = TIME
    ? spawnSync(TIME, ["-f", "%M %U %S", command, ...args], { cwd: ROOT, maxBuffer: 1 << 30, ...options })
    : spawnSync(command, args, { cwd: ROOT, maxBuffer: 1 << 30, ...options });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0 && !options.allowFailure) {
    throw new Error(`${command} ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  }
  const lines = String(result.stderr ?? "")
    .trim()
    .split("\n");
  const [peakKiB, user, system] = TIME ? (lines.at(-1) ?? "").split(" ").map(Number) : [];
  return {
    seconds,
    cpuSeconds: TIME ? (user ?? Number.NaN) + (system ?? Number.NaN) : Number.NaN,
    peakMiB: Number.isFinite(peakKiB) ? peakKiB / 1024 : Number.NaN,
    stdout: result.stdout,
  };
}

/**
 * Median wall time (with the CPU time of that run: above the wall time when two cores worked) and
 * the largest peak memory over `runs` runs, after one warm-up.
 */
export function measure(command, args, { runs = 7, ...options } = {}) {
  runOnce(command, args, options);
  const samples = [];
  let peakMiB = 0;
  for (let i = 0; i < runs; i++) {
    const sample = runOnce(command, args, options);
    samples.push(sample);
    if (sample.peakMiB > peakMiB) peakMiB = sample.peakMiB;
  }
  samples.sort((a, b) => a.seconds - b.seconds);
  const median = samples[Math.floor(samples.length / 2)];
  return { seconds: median.seconds, cpuSeconds: median.cpuSeconds, peakMiB, runs };
}

const pad = (text, width) => String(text).padEnd(width);

/** Print a block of figures: label, median, ratio to the baseline, peak memory, target. */
export function printTable(title, rows) {
  console.log(`\n## ${title}`);
  console.log(
    `${pad("what", 58)}${pad("median", 11)}${pad("CPU", 9)}${pad("× base", 9)}${pad("peak MiB", 10)}target`,
  );
  const base = rows.find((row) => row.isBaseline)?.seconds;
  for (const row of rows) {
    const ratio =
      base && !row.isBaseline ? `${(row.seconds / base).toFixed(2)}×` : row.isBaseline ? "base" : "";
    const memory = Number.isFinite(row.peakMiB) && row.peakMiB > 0 ? row.peakMiB.toFixed(0) : "";
    const cpu = Number.isFinite(row.cpuSeconds) ? `${(row.cpuSeconds * 1000).toFixed(0)} ms` : "";
    console.log(
      `${pad(row.label, 58)}${pad(`${(row.seconds * 1000).toFixed(0)} ms`, 11)}${pad(cpu, 9)}${pad(ratio, 9)}${pad(memory, 10)}${row.target ?? ""}`,
    );
  }
}

/** mulberry32: a small, fast, seeded PRNG, so every run generates the same files. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
