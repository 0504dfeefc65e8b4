/**
 * The scan thread (a worker reading and scanning large CSV logs) runs from the compiled code only:
 * these tests run the built bin on a log above the threshold and compare it with the in-process
 * (single-thread) run of the sources, byte for byte.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CsvHandler,
  CsvScanner,
  emptyCsvRecord,
  isEscaped,
  recordTexts,
} from "../../src/io/log/csv-scanner.js";
import { replayBatch, ScanBatchWriter } from "../../src/io/log/scan-batch.js";
import { isScanThreadAvailable, SCAN_THREAD_FROM_BYTES } from "../../src/io/log/scan-thread.js";
import { runCli } from "../helpers/cli.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CATALOG = fileURLToPath(new URL("../fixtures/logs/catalog.yaml", import.meta.url));

interface Call {
  readonly kind: "record" | "malformed";
  readonly line: number;
  readonly texts?: string[];
  readonly escaped?: boolean[];
  readonly reason?: string;
}

function recorder(calls: Call[]): CsvHandler {
  return {
    record: (record) =>
      calls.push({
        kind: "record",
        line: record.line,
        texts: recordTexts(record),
        escaped: Array.from({ length: record.count }, (_, field) => isEscaped(record, field)),
      }),
    malformed: (line, reason) => calls.push({ kind: "malformed", line, reason }),
  };
}

/** The handler calls of a scan straight through, and of the same scan sent through batches. */
function bothWays(bytes: Buffer, chunk: number): { direct: Call[]; batched: Call[] } {
  const direct: Call[] = [];
  const plain = new CsvScanner(recorder(direct));
  const batched: Call[] = [];
  const writer = new ScanBatchWriter();
  const target = recorder(batched);
  const replayed = emptyCsvRecord();
  const viaBatches = new CsvScanner({
    record: (record) => writer.record(record),
    malformed: (line, reason) => writer.malformed(line, reason),
    scanned: (buffer, end) => {
      writer.scanned(buffer, end);
      const batch = writer.take(0);
      replayBatch(batch, target, replayed);
      writer.giveBack(batch.bytes, batch.ints, batch.values);
    },
  });
  for (let at = 0; at < bytes.length; at += chunk) {
    plain.push(bytes.subarray(at, at + chunk));
    viaBatches.push(bytes.subarray(at, at + chunk));
  }
  plain.end();
  viaBatches.end();
  return { direct, batched };
}

/** A canonical log of about `bytes` bytes: streaks, quoted names, CRLF, a malformed and a bad row. */
function largeLog(bytes: number): string {
  const lines = ["timestamp,sender_id,sender,gift_id,gift,count,streakable,repeat_end,group_id,receiver_id"];
  let size = 0;
  for (let row = 0; size < bytes; row++) {
    const sender = row % 997;
    const name = sender % 17 === 0 ? `"Fan, ""${sender}"""` : `viewer ${sender}`;
    const time = new Date(Date.UTC(2026, 10, 24) + row * 250).toISOString();
    let line: string;
    if (row % 5 === 0) line = `${time},u${sender},${name},6369,Lion,1,false,true,,`;
    else {
      const group = 7_300_000_000_000 + Math.floor(row / 4);
      line = `${time},u${sender},${name},5655,Rose,${(row % 4) + 1},true,${row % 4 === 3},${group},${row % 11 === 0 ? "guest" : ""}`;
    }
    if (row === 70_000) line = `${time},u1,bad"quote,5655,Rose,1,true,true,,`;
    if (row === 140_000) line = `${time},u1,x,5655,Rose,lots,true,true,,`;
    lines.push(row % 13 === 0 ? `${line}\r` : line);
    size += line.length + 1;
  }
  return `${lines.join("\n")}\n`;
}

describe("scan batches", () => {
  it("replay exactly the calls the scanner made, whatever the chunks", () => {
    const messy = fc
      .array(fc.constantFrom("a", "1", ",", '"', '""', "\r", "\n", "\n", "é", "x,y\n"), { maxLength: 80 })
      .map((parts) => Buffer.from(parts.join("")));
    fc.assert(
      fc.property(messy, fc.integer({ min: 1, max: 40 }), (bytes, chunk) => {
        const { direct, batched } = bothWays(bytes, chunk);
        expect(batched).toEqual(direct);
      }),
      { numRuns: 500 },
    );
  });

  it("carry a large log in many batches unchanged", () => {
    const bytes = Buffer.from(largeLog(3 * 1024 * 1024));
    const { direct, batched } = bothWays(bytes, 1 << 20);
    expect(batched.length).toBeGreaterThan(30_000);
    expect(batched).toEqual(direct);
  });
});

describe("estimate --log on a large CSV log (scan thread)", () => {
  const dir = mkdtempSync(join(tmpdir(), "gift-calc-thread-"));
  const log = join(dir, "large.csv");
  writeFileSync(log, largeLog(SCAN_THREAD_FROM_BYTES + 1024 * 1024));
  let direct: Call[] | undefined;
  /** The handler calls of an in-thread scan of the large log (made once). */
  const directCalls = (): Call[] => {
    if (direct === undefined) {
      direct = [];
      const scanner = new CsvScanner(recorder(direct));
      scanner.push(readFileSync(log));
      scanner.end();
    }
    return direct;
  };

  const bin = (args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, "bin/gift-calc.js"), ...args], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
      maxBuffer: 1 << 28,
    });

  it("is above the threshold, and the sources run without the thread", () => {
    expect(statSync(log).size).toBeGreaterThan(SCAN_THREAD_FROM_BYTES);
    expect(isScanThreadAvailable()).toBe(false);
  });

  it("hands the handler every call the in-thread scan makes, from the compiled worker", async () => {
    const compiled = (await import(
      join(ROOT, "dist/io/log/scan-thread.js")
    )) as typeof import("../../src/io/log/scan-thread.js");
    expect(compiled.isScanThreadAvailable()).toBe(true);
    expect(readFileSync(join(ROOT, "dist/bin/csv-scan-worker.cjs"), "utf8")).toContain("ScanBatchWriter");
    const threaded: Call[] = [];
    const progress: number[] = [];
    await compiled.startScanThread(log).run(recorder(threaded), (bytes) => progress.push(bytes));
    const direct = directCalls();
    expect(threaded.length).toBe(direct.length);
    // As text: a deep comparison of ~200k calls is slow and says no more.
    expect(JSON.stringify(threaded)).toBe(JSON.stringify(direct));
    expect(progress.at(-1)).toBe(statSync(log).size);
  });

  it("keeps what it scanned before `run` and hands it over in order", async () => {
    const compiled = (await import(
      join(ROOT, "dist/io/log/scan-thread.js")
    )) as typeof import("../../src/io/log/scan-thread.js");
    const thread = compiled.startScanThread(log);
    await new Promise((done) => setTimeout(done, 300));
    const calls: Call[] = [];
    await thread.run(recorder(calls));
    expect(JSON.stringify(calls)).toBe(JSON.stringify(directCalls()));
    const cancelled = compiled.startScanThread(log);
    cancelled.cancel();
  });

  it("waits for `pace` before giving a batch back, and ends when the thread has ended meanwhile", async () => {
    const compiled = (await import(
      join(ROOT, "dist/io/log/scan-thread.js")
    )) as typeof import("../../src/io/log/scan-thread.js");
    const calls: Call[] = [];
    let waits = 0;
    // A slow reader of the handler's output: every batch waits, the last ones after the thread
    // has read its whole file and stopped.
    const pace = () => {
      waits++;
      return new Promise<void>((done) => setTimeout(done, 5));
    };
    await compiled.startScanThread(log).run(recorder(calls), undefined, pace);
    expect(waits).toBeGreaterThan(10);
    expect(JSON.stringify(calls)).toBe(JSON.stringify(directCalls()));
  });

  it("rejects with the handler's error and stops the thread", async () => {
    const compiled = (await import(
      join(ROOT, "dist/io/log/scan-thread.js")
    )) as typeof import("../../src/io/log/scan-thread.js");
    let records = 0;
    const stop = new Error("stop here");
    const handler: CsvHandler = {
      record: () => {
        if (++records === 50_000) throw stop;
      },
      malformed: () => {},
    };
    await expect(compiled.startScanThread(log).run(handler)).rejects.toBe(stop);
    expect(records).toBe(50_000);
  });

  it("reports a file it cannot read with its errno code", async () => {
    const compiled = (await import(
      join(ROOT, "dist/io/log/scan-thread.js")
    )) as typeof import("../../src/io/log/scan-thread.js");
    const missing = compiled.startScanThread(join(dir, "missing.csv")).run({
      record: () => {},
      malformed: () => {},
    });
    await expect(missing).rejects.toMatchObject({ code: "ENOENT" });
  });

  // The thread reads rows' numbers with the columns the options leave in use: each grouping too.
  for (const extra of [
    ["--by", "day", "--tz", "Europe/Berlin"],
    ["--by", "event", "--format", "csv"],
    ["--by", "receiver", "--receiver", "host"],
  ]) {
    it(`gives the same output as one thread does with ${extra.join(" ")}`, async () => {
      const args = ["estimate", "--catalog", CATALOG, "--log", log, ...extra];
      const threaded = bin(args);
      const single = await runCli(args);
      expect(threaded.status).toBe(single.code);
      expect(threaded.stdout).toBe(single.stdout);
      expect(threaded.stderr).toBe(single.stderr);
    });
  }

  it("reads a named pipe (no thread: the head start does not open it, which would end its writer)", async () => {
    const fifo = join(dir, "stream.fifo");
    if (spawnSync("mkfifo", [fifo]).status !== 0) return;
    const args = ["estimate", "--catalog", CATALOG, "--by", "sender", "--format", "json"];
    const writer = spawn("sh", ["-c", 'cat "$0" > "$1"', log, fifo]);
    const reader = spawn(process.execPath, [join(ROOT, "bin/gift-calc.js"), ...args, "--log", fifo], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: "1" },
    });
    const chunks: Buffer[] = [];
    reader.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    const timer = setTimeout(() => reader.kill(), 10_000);
    const [code] = await Promise.all([
      new Promise<number | null>((done) => reader.on("close", done)),
      new Promise((done) => writer.on("close", done)),
    ]);
    clearTimeout(timer);
    const single = await runCli([...args, "--log", log]);
    expect(code).toBe(0);
    // The rejects name the file as given.
    expect(Buffer.concat(chunks).toString("utf8").replaceAll(fifo, log)).toBe(single.stdout);
  });

  it("gives the same output, rejects and notes as one thread does", async () => {
    const args = ["estimate", "--catalog", CATALOG, "--log", log, "--by", "sender", "--format", "json"];
    const threadedRejects = join(dir, "threaded-rejects.csv");
    const singleRejects = join(dir, "single-rejects.csv");
    const threaded = bin([...args, "--rejects", threadedRejects]);
    const single = await runCli([...args, "--rejects", singleRejects]);
    expect(threaded.status).toBe(single.code);
    expect(threaded.stdout).toBe(single.stdout);
    expect(threaded.stderr).toBe(single.stderr);
    expect(readFileSync(threadedRejects, "utf8")).toBe(readFileSync(singleRejects, "utf8"));
    const audit = JSON.parse(threaded.stdout).audit;
    expect(audit.rejected.count).toBe(2);
    expect(audit.rows).toBeGreaterThan(200_000);
  });

  it("stops the bin's head start when the command's options ask for another thread", async () => {
    // argv looks like `--by --by …` to the bin's sniff (times unread), while the command reads
    // `--rejects --by` and groups by day (times read): a thread that read the rows without their
    // times would put every gift in "(no time)".
    const args = ["estimate", "--catalog", CATALOG, "--rejects", "--by", "--by", "day", "--log", log];
    const threaded = spawnSync(
      process.execPath,
      [join(ROOT, "bin/gift-calc.js"), ...args, "--format", "json"],
      {
        cwd: dir,
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1" },
        maxBuffer: 1 << 28,
      },
    );
    const single = await runCli([...args, "--format", "json"], { cwd: dir });
    expect(threaded.status).toBe(0);
    expect(threaded.stdout).toBe(single.stdout);
    expect(JSON.parse(threaded.stdout).groups.rows[0].label).toBe("2026-11-24");
  });

  it("ends at once on an error found before the log is read (the early thread does not hold it)", () => {
    const started = Date.now();
    const result = bin(["estimate", "--catalog", CATALOG, "--log", log, "--by", "sender", "--top", "none"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^gift-calc: error: --top "none"/);
    expect(Date.now() - started).toBeLessThan(5000);
    const badConfig = join(dir, "bad.yaml");
    writeFileSync(badConfig, "agencyRate: lots\n");
    const configured = bin(["estimate", "--config", badConfig, "--catalog", CATALOG, "--log", log]);
    expect(configured.status).toBe(2);
    expect(configured.stderr).toContain("bad.yaml");
  });

  it("stops with the reader's one-line error when the header has no gift column", () => {
    const headless = join(dir, "no-gift.csv");
    writeFileSync(
      headless,
      largeLog(SCAN_THREAD_FROM_BYTES + 4096).replace("gift_id,gift,", "present_id,present,"),
    );
    const result = bin(["estimate", "--catalog", CATALOG, "--log", headless]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^gift-calc: error: .* has no gift column/);
    expect(result.stderr.split("\n").filter(Boolean)).toHaveLength(2);
  });
});
