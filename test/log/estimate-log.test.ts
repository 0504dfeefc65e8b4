import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { PROGRESS_FROM_BYTES, showsProgress } from "../../src/cli/actions/estimate-log.js";
import { runCli, runJson } from "../helpers/cli.js";

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/logs/${name}`, import.meta.url));
const CATALOG = fixture("catalog.yaml");
const base = ["estimate", "--catalog", CATALOG];
const HEADER = "timestamp,sender_id,sender,gift_id,gift,count,streakable,repeat_end,group_id,receiver_id\n";
const scratch = () => mkdtempSync(join(tmpdir(), "gift-calc-logs-"));

interface Json {
  totals: { coins: number };
  audit: {
    rows: number;
    counted: number;
    rejected: { count: number; first: { line: number; code: string }[] };
  };
  groups?: {
    by: string;
    zone?: string;
    rows?: { key: string; label: string; coins: number }[];
    others?: { groups: number };
    events?: { gift: string; count: number }[];
  };
}

describe("estimate --log: input", () => {
  it("reads stdin as a log when nothing else is given and stdin is not a terminal", async () => {
    const { code, json } = await runJson<Json>(base, { stdin: `${HEADER},u1,Ann,6369,Lion,1,false,,,\n` });
    expect(code).toBe(0);
    expect(json.totals.coins).toBe(29999);
    expect(json.audit.rows).toBe(1);
  });

  it("reads stdin with --log - beside a file, counting both", async () => {
    const { json } = await runJson<Json>(
      [...base, "--log", "-", "--log", fixture("tikfinity-webhook.ndjson")],
      {
        stdin: `${HEADER},u1,Ann,6369,Lion,1,false,,,\n`,
      },
    );
    expect(json.totals.coins).toBe(29999 + 30624);
  });

  it("says there is nothing to estimate when piped stdin is empty (exit 2)", async () => {
    const { code, stderr } = await runCli(base, { stdin: "" });
    expect(code).toBe(2);
    expect(stderr).toContain("nothing to estimate");
  });

  it("maps any other column names with --map", async () => {
    const log = "present,qty,who\nLion,1,ann\nRose,5,bob\n";
    const { json } = await runJson<Json>([...base, "--map", "giftName=present", "--map", "count=qty"], {
      stdin: log,
    });
    expect(json.totals.coins).toBe(29999 + 5);
  });

  it("lets --input-format override detection", async () => {
    const log = "[gift],count\nLion,1\n";
    const forced = await runJson<Json>([...base, "--input-format", "csv", "--map", "giftName=[gift]"], {
      stdin: log,
    });
    expect(forced.json.totals.coins).toBe(29999);
    const detected = await runJson<Json>([...base, "--map", "giftName=[gift]"], { stdin: log });
    expect(detected.json.audit.rejected.count).toBeGreaterThan(0);
  });

  it("refuses a CSV with no gift column, naming its columns (exit 2)", async () => {
    const { code, stderr } = await runCli(base, { stdin: "who,qty\nann,1\n" });
    expect(code).toBe(2);
    expect(stderr).toContain("no gift column");
    expect(stderr).toContain("--map");
  });

  it("refuses a missing log file, a bad --map, --tz or --top (exit 2)", async () => {
    for (const extra of [
      ["--log", "/nonexistent/stream.csv"],
      ["--log", fixture("tikfinity-webhook.ndjson"), "--map", "nonsense=x"],
      ["--log", fixture("tikfinity-webhook.ndjson"), "--by", "day", "--tz", "Mars/Olympus"],
      ["--log", fixture("tikfinity-webhook.ndjson"), "--by", "sender", "--top", "0"],
    ]) {
      const { code, stderr } = await runCli([...base, ...extra]);
      expect(code, extra.join(" ")).toBe(2);
      expect(stderr).toMatch(/^gift-calc: error: /);
    }
  });
});

describe("estimate --log: rejects", () => {
  const bad = `${HEADER}${[
    ",u1,A,6369,Lion,1,false,,,",
    ",u1,A,,,1,false,,,",
    ',u1,"A"x,5655,Rose,1,true,true,,',
    ",u1,A,5655,Rose,many,true,true,,",
    ",u1,A,5655,Rose,1,maybe,true,,",
    ",u1,A,5655,Rose,1,true,true,",
    ",u1,A,123,Nope,1,false,,,",
  ].join("\n")}\n`;

  it("rejects unreadable rows with their line numbers; the first few on stderr", async () => {
    const { code, json, stderr } = await runJson<Json>(base, { stdin: bad });
    expect(code).toBe(0);
    expect(json.totals.coins).toBe(29999);
    expect(json.audit.rejected.first.map((reject) => [reject.line, reject.code])).toEqual([
      [3, "NO_GIFT"],
      [4, "MALFORMED_CSV"],
      [5, "BAD_NUMBER"],
      [6, "BAD_BOOLEAN"],
      [7, "COLUMN_COUNT"],
      [8, "UNPRICED"],
    ]);
    expect(stderr.match(/rejected stdin:\d+/g)).toHaveLength(5);
    expect(stderr).toContain("6 rows rejected in all");
  });

  it("writes every reject to --rejects FILE as CSV", async () => {
    const file = join(scratch(), "rejects.csv");
    await runCli([...base, "--rejects", file, "--log", "-"], { stdin: bad });
    const lines = readFileSync(file, "utf8").trim().split("\n");
    expect(lines[0]).toBe("file,line,code,reason");
    expect(lines).toHaveLength(7);
    expect(lines[6]).toMatch(/^stdin,8,UNPRICED,/);
  });

  it("neutralises formulas in the --rejects file", async () => {
    const file = join(scratch(), "rejects.csv");
    await runCli([...base, "--rejects", file, "--map", "giftName=g"], { stdin: "g\n=cmd()\n" });
    expect(readFileSync(file, "utf8")).not.toMatch(/,=cmd/);
  });

  it("--strict exits 1 on any rejection, after printing the result", async () => {
    const { code, stdout, stderr } = await runCli([...base, "--strict", "--format", "json"], { stdin: bad });
    expect(code).toBe(1);
    expect(JSON.parse(stdout).audit.rejected.count).toBe(6);
    expect(stderr).toContain("6 log rows were rejected");
    const clean = await runCli([...base, "--strict", "--log", fixture("tikfinity-webhook.ndjson")]);
    expect(clean.code).toBe(0);
  });
});

describe("estimate --log: output", () => {
  const log = fixture("tiktok-live-connector-v1.ndjson");

  it("includes the audit in every format", async () => {
    const json = await runJson<Json>([...base, "--log", log]);
    expect(json.json.audit).toMatchObject({ rows: 8, counted: 4 });
    const table = await runCli([...base, "--log", log]);
    expect(table.stdout).toContain("Audit");
    expect(table.stdout).toMatch(/rows read\s+8/);
    expect(table.stdout).toContain("8 rows = 4 counted + 3 held + 1 duplicates + 0 rejected + 0 filtered");
    const markdown = await runCli([...base, "--log", log, "--format", "markdown"]);
    expect(markdown.stdout).toContain("### Audit");
    expect(markdown.stdout).toContain("| rows read | 8 |");
    const csv = await runCli([...base, "--log", log, "--format", "csv"]);
    expect(csv.stdout).toContain("Audit,rows,8");
    expect(csv.stdout).toContain("Audit,streakFramesHeld,3");
  });

  it("drops open streaks with --open-streaks drop, and the audit says what they were worth", async () => {
    const { json } = await runJson<Json & { audit: { openStreaks: object } }>([
      ...base,
      "--log",
      log,
      "--open-streaks",
      "drop",
    ]);
    expect(json.totals.coins).toBe(3 + 29999 + 5);
    expect(json.audit.openStreaks).toEqual({ count: 1, coins: 10, rule: "drop" });
  });

  it("groups by sender with a proportional bar per row, largest first", async () => {
    const table = await runCli([...base, "--log", log, "--by", "sender"]);
    expect(table.stdout).toContain("By sender");
    expect(table.stdout).toMatch(/Bob\s+│\s+202\s+│\s+1\s+│\s+29999\s+│.*█{24}/);
    const { json } = await runJson<Json>([...base, "--log", log, "--by", "sender"]);
    expect(json.groups?.rows?.map((row) => [row.key, row.label, row.coins])).toEqual([
      ["202", "Bob", 29999],
      ["303", "Cleo", 10],
      ["101", "Anna", 8],
    ]);
  });

  it("keeps the top N groups with --top and says what it left out", async () => {
    const { json } = await runJson<Json>([...base, "--log", log, "--by", "sender", "--top", "1"]);
    expect(json.groups?.rows).toHaveLength(1);
    expect(json.groups?.others).toMatchObject({ groups: 2 });
    const table = await runCli([...base, "--log", log, "--by", "sender", "--top", "1"]);
    expect(table.stdout).toContain("2 more (");
  });

  it("groups by receiver, gift, day, hour and minute", async () => {
    const receivers = await runJson<Json>([...base, "--log", log, "--by", "receiver"]);
    expect(receivers.json.groups?.rows?.map((row) => row.key).sort()).toEqual(["(host)", "999"]);
    const gifts = await runJson<Json>([...base, "--log", log, "--by", "gift"]);
    expect(gifts.json.groups?.rows?.[0]).toMatchObject({ key: "6369", label: "Lion" });
    const minutes = await runJson<Json>([...base, "--log", log, "--by", "minute"]);
    expect(minutes.json.groups?.rows?.map((row) => row.key)).toEqual([
      "2024-11-24 12:00",
      "2024-11-24 12:01",
      "2024-11-24 12:02",
      "2024-11-24 12:03",
    ]);
  });

  it("buckets hours in --tz, and reads zone-less timestamps in that zone", async () => {
    const gifts = fixture("tiktoklive-gifts.csv");
    for (const zone of ["UTC", "America/New_York", "Asia/Kolkata"]) {
      const { json } = await runJson<Json>([...base, "--log", gifts, "--by", "hour", "--tz", zone]);
      expect(json.groups?.zone).toBe(zone);
      expect(json.groups?.rows?.map((row) => [row.key, row.coins])).toEqual([
        ["2024-11-24 13:00", 4 + 29999],
        ["2024-11-24 23:00", 40],
      ]);
    }
    const utc = await runJson<Json>([...base, "--log", log, "--by", "day", "--tz", "Asia/Tokyo"]);
    expect(utc.json.groups?.rows?.map((row) => row.key)).toEqual(["2024-11-24"]);
    const late = await runJson<Json>([...base, "--log", log, "--by", "hour", "--tz", "Asia/Kolkata"]);
    expect(late.json.groups?.rows?.[0]?.key).toBe("2024-11-24 17:00");
  });

  it("--by event --format csv writes the canonical CSV, which reads back to the same totals", async () => {
    const first = await runJson<Json>([...base, "--log", fixture("tiktok-chat-reader.json")]);
    const events = await runCli([
      ...base,
      "--log",
      fixture("tiktok-chat-reader.json"),
      "--by",
      "event",
      "--format",
      "csv",
    ]);
    expect(events.code).toBe(0);
    const lines = events.stdout.trim().split("\n");
    expect(lines[0]).toBe(
      "timestamp,sender_id,sender,gift_id,gift,count,streakable,repeat_end,group_id,receiver_id",
    );
    expect(lines).toHaveLength(1 + first.json.audit.counted);
    expect(events.stderr).toContain("12 rows = 5 counted");
    const file = join(scratch(), "normalised.csv");
    writeFileSync(file, events.stdout);
    const again = await runJson<Json>([...base, "--log", file]);
    expect(again.json.totals.coins).toBe(first.json.totals.coins);
    expect(again.json.audit).toMatchObject({ rows: 5, counted: 5 });
  });

  it("--by event neutralises formulas in nicknames and gives JSON events", async () => {
    const csv = await runCli([
      ...base,
      "--log",
      fixture("gift-calc-canonical.csv"),
      "--by",
      "event",
      "--format",
      "csv",
    ]);
    expect(csv.stdout).toContain(`"'=HYPERLINK(""x"")"`);
    const { json } = await runJson<Json>([
      ...base,
      "--log",
      fixture("gift-calc-canonical.csv"),
      "--by",
      "event",
    ]);
    expect(json.groups?.events?.map((event) => [event.gift, event.count])).toEqual([
      ["Rose", 7],
      ["Lion", 1],
      ["Perfume", 3],
    ]);
  });

  describe("--by event --format csv streams the normalised log", () => {
    // About 4 MiB of events: many pieces, read in many chunks (a file) or stdin pushes.
    const rows = 80_000;
    const body = Array.from(
      { length: rows },
      (_, at) => `2026-11-24T18:00:00Z,u${at % 97},Ann ${at % 97},6369,Lion,1,false,,,\n`,
    ).join("");

    it("waits for a stdout that lags, from a file and from stdin, and writes every event", async () => {
      const file = join(scratch(), "long.csv");
      writeFileSync(file, `${HEADER}${body}`);
      const args = [...base, "--by", "event", "--format", "csv"];
      const fast = await runCli([...args, "--log", file]);
      const slowFile = await runCli([...args, "--log", file], { slowStdout: true });
      const slowStdin = await runCli([...args, "--log", "-"], {
        slowStdout: true,
        stdin: `${HEADER}${body}`,
      });
      expect(fast.stdout.split("\n")).toHaveLength(1 + rows + 1);
      expect(fast.stdoutWaits).toBe(0);
      // Once a chunk read: five 1 MiB reads of the file; stdin here comes as one chunk.
      expect(slowFile.stdoutWaits).toBeGreaterThanOrEqual(4);
      expect(slowStdin.stdoutWaits).toBeGreaterThanOrEqual(1);
      for (const slow of [slowFile, slowStdin]) {
        expect(slow.code).toBe(0);
        expect(slow.stdout).toBe(fast.stdout);
        expect(slow.stderr).toBe(fast.stderr);
      }
    });

    it("shows a table of the first 1,000 events, or --top's, and writes --top's alone as CSV", async () => {
      const file = join(scratch(), "long.csv");
      writeFileSync(file, `${HEADER}${body}`);
      const table = await runCli([...base, "--log", file, "--by", "event"]);
      expect(table.code).toBe(0);
      // An event's row starts with its time.
      expect(table.stdout.match(/│ 2026-11-24T18:00:00\.000Z/g)).toHaveLength(1000);
      expect(table.stdout).toContain(
        `${rows - 1000} more events (${rows - 1000} gifts, ${(rows - 1000) * 29999} coins) not shown`,
      );
      const markdown = await runCli([
        ...base,
        "--log",
        file,
        "--by",
        "event",
        "--top",
        "3",
        "--format",
        "markdown",
      ]);
      expect(markdown.stdout.match(/\| 2026-11-24T18:00:00\.000Z/g)).toHaveLength(3);
      const json = await runJson<Json>([...base, "--log", file, "--by", "event"]);
      expect(json.json.groups?.events).toHaveLength(rows);
      const csv = await runCli([...base, "--log", file, "--by", "event", "--top", "2", "--format", "csv"]);
      expect(csv.stdout.trim().split("\n")).toHaveLength(1 + 2);
      expect(csv.stderr).toContain(`gift-calc: ${rows - 2} more events not written (--top)`);
    });

    it("gives every event in JSON from the file they wait in, as kept in memory, to a stdout that lags", async () => {
      const file = join(scratch(), "long.csv");
      writeFileSync(file, `${HEADER}${body}`);
      const args = [...base, "--log", file, "--by", "event", "--format", "json"];
      // With --top (all of them) the events are kept in memory; without it they wait in a file.
      const kept = await runCli([...args, "--top", String(rows)]);
      const aside = await runCli(args, { slowStdout: true });
      expect(aside.code).toBe(0);
      expect(aside.stdout).toBe(kept.stdout);
      expect(JSON.parse(aside.stdout).groups.events).toHaveLength(rows);
      expect(aside.stdoutWaits).toBeGreaterThan(10);
      // No event: an empty array, as JSON.stringify writes it.
      const none = await runCli([...base, "--log", "-", "--by", "event", "--format", "json"], {
        stdin: `${HEADER},u1,Ann,99999,Nope,1,false,,,\n`,
      });
      expect(none.stdout).toContain('"events": []');
      expect(JSON.parse(none.stdout).groups).toEqual({ by: "event", events: [] });
    });

    it("writes nothing when a later log cannot be read", async () => {
      const file = join(scratch(), "long.csv");
      writeFileSync(file, `${HEADER}${body}`);
      const rejects = join(scratch(), "rejects.csv");
      const result = await runCli([
        ...base,
        "--log",
        file,
        "--log",
        join(scratch(), "missing.csv"),
        "--by",
        "event",
        "--format",
        "csv",
        "--rejects",
        rejects,
      ]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^gift-calc: error: .*missing\.csv/);
      expect(result.stdout).toBe("");
      expect(() => readFileSync(rejects)).toThrow();
    });
  });

  it("--by event keeps a row's own streakable flag over the catalog's", async () => {
    // Rose streaks in the catalog; these rows say it does not, so each is counted at once.
    const log = `${HEADER},u1,Ann,5655,Rose,2,false,false,,\n,u1,Ann,5655,Rose,3,true,true,,\n`;
    const csv = await runCli([...base, "--log", "-", "--by", "event", "--format", "csv"], { stdin: log });
    expect(csv.stdout.trim().split("\n").slice(1)).toEqual([
      ",u1,Ann,5655,Rose,2,false,true,,",
      ",u1,Ann,5655,Rose,3,true,true,,",
    ]);
  });
});

describe("estimate --log: reading a file in chunks", () => {
  const rows = 50_000; // about 2.5 MiB: several 1 MiB reads, one in flight while another is parsed
  const body = Array.from({ length: rows }, (_, index) => `,u${index % 97},Ann,6369,Lion,1,false,,,\n`).join(
    "",
  );

  it("counts a file read in several chunks the same as the same bytes from stdin", async () => {
    const file = join(scratch(), "long.csv");
    writeFileSync(file, `${HEADER}${body}`);
    const fromFile = await runJson<Json>([...base, "--log", file]);
    const fromStdin = await runJson<Json>([...base, "--log", "-"], { stdin: `${HEADER}${body}` });
    expect(fromFile.json.audit.rows).toBe(rows);
    expect(fromFile.json.totals.coins).toBe(rows * 29999);
    expect(fromFile.json).toEqual(fromStdin.json);
  });

  it("fails with BAD_LOG, the read in flight settled, when the header names no gift column", async () => {
    const file = join(scratch(), "no-gift.csv");
    writeFileSync(file, `when,who\n${"2026-01-01,ann\n".repeat(200_000)}`);
    const { code, stderr } = await runCli([...base, "--log", file]);
    expect(code).toBe(2);
    expect(stderr).toContain("no gift column");
  });
});

describe("progress", () => {
  const terminal = { stderr: { isTTY: true, write: () => true }, env: {} };
  it("shows only for long file reads to a terminal, never in pipes, CI or --quiet", () => {
    expect(showsProgress(PROGRESS_FROM_BYTES, terminal, false)).toBe(true);
    expect(showsProgress(PROGRESS_FROM_BYTES - 1, terminal, false)).toBe(false);
    expect(showsProgress(PROGRESS_FROM_BYTES, { ...terminal, stderr: { write: () => true } }, false)).toBe(
      false,
    );
    expect(showsProgress(PROGRESS_FROM_BYTES, { ...terminal, env: { CI: "true" } }, false)).toBe(false);
    expect(showsProgress(PROGRESS_FROM_BYTES, terminal, true)).toBe(false);
  });
});

describe("estimate --log: files it cannot use", () => {
  it("--rejects in a folder that does not exist is one error line with a hint, exit 2", async () => {
    const path = join(scratch(), "no-such-folder", "rejects.csv");
    const { code, stderr } = await runCli([
      ...base,
      "--log",
      fixture("gift-calc-canonical.csv"),
      "--rejects",
      path,
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^gift-calc: error: --rejects .* cannot be written \(ENOENT\)\n {2}hint: \S/);
  });

  it("a directory given as a log is an error with a hint, exit 2", async () => {
    const { code, stderr } = await runCli([...base, "--log", scratch()]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/is a directory\n {2}hint: name a file/);
  });
});
