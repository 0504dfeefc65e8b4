/**
 * Held frames (HeldFrames in core/log/record.ts): the scan thread takes the frames of streaks that
 * the next frame of their streak supersedes out of its batches, and the counter only counts them.
 * Counting must come out exactly as when every row is handed over: the same totals, audit, events
 * and rejects, whatever the log's streaks, senders, gifts, flags, prices and breaks. The thread's
 * work is done here in-process, as csv-scan-worker.ts does it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createCatalog } from "../../src/core/catalog.js";
import { type CountedEvent, createLogCounter, type LogCount } from "../../src/core/log/count.js";
import type { LogReject } from "../../src/core/log/record.js";
import { CsvScanner, emptyCsvRecord, MAX_FIELDS } from "../../src/io/log/csv-scanner.js";
import { createLogReader } from "../../src/io/log/reader.js";
import { replayBatch, ScanBatchWriter, scanThreadHandler } from "../../src/io/log/scan-batch.js";
import { ScanRows } from "../../src/io/log/scan-rows.js";
import { gift } from "../helpers/gifts.js";

const catalog = createCatalog(
  [
    gift(5655, "Rose", 1, true),
    gift(6093, "Football", 1, true),
    gift(7934, "Heart Me", 1, false),
    gift(0, "Zero", 5, true),
    gift(70_000, "Big Id", 10, true),
  ],
  { description: "test" },
);

interface Counted {
  readonly count: LogCount;
  readonly events: unknown[];
  readonly rejects: LogReject[];
  /** Rows the thread took out as held frames. */
  readonly held: number;
}

type Options = { readonly receiver?: string; readonly openStreaks?: "count" | "drop" };

function counterOf(options: Options, events: unknown[], rejects: LogReject[]) {
  return createLogCounter(catalog, {
    ...options,
    // The sender key is a hint, given by the thread or by the reader (see LogRecord): left out.
    onCounted: (counted: CountedEvent) => {
      const { senderKey: _, ...event } = counted;
      events.push({ ...event, gift: counted.gift.name, groupId: counted.groupId });
    },
    reuseEvent: true,
    onReject: (reject) => rejects.push(reject),
  });
}

/** Every row handed over: the reader scanning the log itself. */
function countDirect(bytes: Buffer, options: Options): Counted {
  const events: unknown[] = [];
  const rejects: LogReject[] = [];
  const counter = counterOf(options, events, rejects);
  const reader = createLogReader(counter, { format: "csv", file: "stream.csv" });
  reader.push(bytes);
  reader.end();
  return { count: counter.finish(), events, rejects, held: 0 };
}

interface Reading {
  /** Bytes a read. */
  readonly chunk?: number;
  /** The gifts reach the thread after this many reads (the catalog loads meanwhile). */
  readonly from?: number;
  /** The rows' numbers are left to the main thread in the first reads, up to this one. */
  readonly undecoded?: number;
  /** The first read, the header's run (read in JavaScript), has this many lines: the header alone by default. */
  readonly firstLines?: number;
}

/** The log read as the scan thread reads it, in `chunk`-byte reads, held frames taken out. */
function countThreaded(bytes: Buffer, options: Options, reading: Reading = {}): Counted {
  const { chunk = 1 << 16, from = 0, undecoded = 0, firstLines = 1 } = reading;
  const events: unknown[] = [];
  const rejects: LogReject[] = [];
  const counter = counterOf(options, events, rejects);
  const reader = createLogReader(counter, { format: "csv", file: "stream.csv" });
  const handler = reader.csvHandler();
  const writer = new ScanBatchWriter();
  const replayed = emptyCsvRecord();
  const rows = ScanRows.create(chunk) as ScanRows;
  let held = 0;
  let batches = 0;
  const threaded = scanThreadHandler(writer, { map: [], unused: [] }, rows, () => {
    const batch = writer.take(0);
    held += batch.heldFrames;
    replayBatch(batch, handler, replayed);
    writer.giveBack(batch.bytes, batch.ints, batch.values);
    if (++batches === from && handler.heldFrames !== undefined) rows.supersede(handler.heldFrames.gifts);
    threaded.decodesValues = batches >= undecoded;
  });
  threaded.decodesValues = undecoded === 0;
  if (from === 0 && handler.heldFrames !== undefined) rows.supersede(handler.heldFrames.gifts);
  const scanner = new CsvScanner(threaded, MAX_FIELDS, rows);
  // The header alone first, as the thread's small first read has it: the rows after it are read
  // in WebAssembly (the header's run is read in JavaScript).
  let header = 0;
  for (let line = 0; line < firstLines; line++) header = bytes.indexOf(10, header) + 1;
  scanner.push(bytes.subarray(0, header));
  for (let at = header; at < bytes.length; at += chunk) scanner.push(bytes.subarray(at, at + chunk));
  scanner.end();
  reader.end();
  return { count: counter.finish(), events, rejects, held };
}

/** A log of these lines (and a final line end), counted with every row handed over and as the thread reads it. */
function bothWays(lines: readonly string[], reading?: Reading): { direct: Counted; threaded: Counted } {
  const bytes = Buffer.from(`${lines.join("\n")}\n`);
  return { direct: countDirect(bytes, {}), threaded: countThreaded(bytes, {}, reading) };
}

/**
 * A streak-heavy log: streaks of rising frames (sometimes falling: a restart), with or without an
 * end frame, interleaved, on few groups, senders and gifts, with the quirks that stop a frame from
 * being taken out (a rename, another gift, a flag, a price, a row the thread does not read).
 */
const streak = fc.record({
  // "rising" and "falling": a group id of the streak's own, above or below the streaks' before it
  // (TikTok's rise: a streak's first frame may then go too).
  group: fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom("7300000000001", "7300000000002", "7300000000003", "42") },
    { weight: 8, arbitrary: fc.constantFrom("rising", "falling") },
    { weight: 1, arbitrary: fc.constantFrom("", "g-text", "12345678901234567") },
  ),
  sender: fc.oneof({ weight: 6, arbitrary: fc.constantFrom("u1", "u2") }, fc.constantFrom("u3", "")),
  gift: fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom("5655", "6093") },
    fc.constantFrom("7934", "0", "70000", "999", "", "x"),
  ),
  end: fc.constantFrom("true", "true", "none", "", "maybe"),
  frames: fc.array(
    fc.record({
      // Mostly rising counts; a fall is a restart.
      step: fc.oneof(
        { weight: 8, arbitrary: fc.integer({ min: 0, max: 3 }) },
        fc.integer({ min: -5, max: -1 }),
      ),
      name: fc.oneof(
        { weight: 12, arbitrary: fc.constant("same") },
        fc.constantFrom("renamed", "", 'a "b", c'),
      ),
      gift: fc.oneof({ weight: 12, arbitrary: fc.constant("") }, fc.constantFrom("5655", "6093")),
      streakable: fc.oneof({ weight: 10, arbitrary: fc.constant("true") }, fc.constantFrom("false", "")),
      price: fc.oneof({ weight: 10, arbitrary: fc.constant("") }, fc.constantFrom("1", "2", "5", "10")),
      message: fc.nat({ max: 40 }),
      receiver: fc.constantFrom("", "", "host2"),
      kind: fc.oneof(
        { weight: 40, arbitrary: fc.constant("row") },
        // A zone-less time: read by the reader (not the thread), and counted.
        fc.constantFrom("short", "malformed", "quoted", "count0", "blank", "zoneless"),
      ),
    }),
    { minLength: 1, maxLength: 12 },
  ),
});

const logArbitrary = fc.record({
  streaks: fc.array(streak, { minLength: 1, maxLength: 12 }),
  /** How the streaks' frames interleave. */
  order: fc.array(fc.nat(), { minLength: 1, maxLength: 200 }),
  withPrice: fc.boolean(),
  withMessages: fc.boolean(),
  /** A receiver column (read: a streak's first frame then stays, as its receiver may count). */
  withReceivers: fc.boolean(),
});

type Log = typeof logArbitrary extends fc.Arbitrary<infer T> ? T : never;

const cell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

function serialise(log: Log): Buffer {
  const names = [
    "group_id",
    "sender_id",
    "sender",
    "gift_id",
    "count",
    "repeat_end",
    "streakable",
    "timestamp",
  ];
  if (log.withPrice) names.push("diamond_count");
  if (log.withMessages) names.push("msg_id");
  if (log.withReceivers) names.push("receiver_id");
  const lines = [names.join(",")];
  const next = log.streaks.map(() => 0);
  const counts = log.streaks.map(() => 0);
  for (let turn = 0; ; turn++) {
    const open = log.streaks.flatMap((streak, at) =>
      (next[at] as number) <= streak.frames.length ? [at] : [],
    );
    if (open.length === 0) break;
    const at = open[(log.order[turn % log.order.length] as number) % open.length] as number;
    const { sender, gift, end, frames } = log.streaks[at] as (typeof log.streaks)[number];
    const named = (log.streaks[at] as (typeof log.streaks)[number]).group;
    const group =
      named === "rising"
        ? String(7400000000000 + at)
        : named === "falling"
          ? String(7500000000000 - at)
          : named;
    const index = next[at] as number;
    next[at] = index + 1;
    const isLast = index === frames.length;
    if (isLast && end === "none") continue;
    const row = frames[Math.min(index, frames.length - 1)] as (typeof frames)[number];
    counts[at] = Math.max(1, (counts[at] as number) + (isLast ? 0 : row.step));
    const count = row.kind === "count0" ? "0" : String(counts[at]);
    const time = row.kind === "zoneless" ? "2026-11-24 18:00:00" : "1764000000";
    const values = [
      group,
      sender,
      row.name,
      row.gift || gift,
      count,
      isLast ? end : "false",
      row.streakable,
      time,
    ];
    if (log.withPrice) values.push(row.price);
    if (log.withMessages) values.push(String(row.message));
    if (log.withReceivers) values.push(row.receiver);
    if (row.kind === "short") values.pop();
    if (row.kind === "blank") {
      lines.push("");
      continue;
    }
    let line = values.map(cell).join(",");
    if (row.kind === "quoted") line = values.map((value) => `"${value.replaceAll('"', '""')}"`).join(",");
    if (row.kind === "malformed") line = `${line}"oops`;
    lines.push(line);
  }
  return Buffer.from(`${lines.join("\n")}\n`);
}

describe("held frames taken out by the scan thread", () => {
  it("count exactly as when every row is handed over", () => {
    let held = 0;
    let frames = 0;
    fc.assert(
      fc.property(
        logArbitrary,
        fc.integer({ min: 16, max: 4000 }),
        fc.nat({ max: 3 }),
        fc.constantFrom<Options>({}, { openStreaks: "drop" }, { receiver: "host" }),
        fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, fc.integer({ min: 1, max: 2 })),
        (log, chunk, from, options, undecoded) => {
          const bytes = serialise(log);
          const direct = countDirect(bytes, options);
          const threaded = countThreaded(bytes, options, { chunk, from, undecoded });
          expect(threaded.count).toEqual(direct.count);
          expect(threaded.events).toEqual(direct.events);
          expect(threaded.rejects).toEqual(direct.rejects);
          // Never with a receiver to keep (a held frame may be filtered), nor with message ids.
          if (options.receiver !== undefined || log.withMessages) expect(threaded.held).toBe(0);
          if (options.receiver === undefined && !log.withMessages) {
            held += threaded.held;
            frames += direct.count.audit.streakFramesHeld;
          }
        },
      ),
      { numRuns: 400 },
    );
    // Not met by taking nothing out: some of the held frames that could go went so (few: the
    // streaks interleave on four groups, and one quirk breaks a chain).
    expect(held).toBeGreaterThan(frames / 40);
  });

  it("are not taken out across a row only the reader reads", () => {
    // The zone-less end frame is read by the reader alone: after it, the next frame opens a new
    // streak, which a frame taken out would open later (after another), in another order.
    const bytes = Buffer.from(
      [
        "group_id,sender_id,gift_id,count,repeat_end,timestamp",
        "7300000000001,u1,5655,1,false,1764000000",
        "7300000000001,u1,5655,2,true,2026-11-24 18:00:00",
        "7300000000002,u2,5655,1,false,1764000000",
        "7300000000001,u1,5655,2,false,1764000000",
        "7300000000003,u2,6093,1,false,1764000000",
        "7300000000001,u1,5655,3,false,1764000000",
        "",
      ].join("\n"),
    );
    const direct = countDirect(bytes, {});
    const threaded = countThreaded(bytes, {});
    expect(threaded.events).toEqual(direct.events);
    expect(threaded.held).toBe(0);
  });

  it("are taken out of a long streak but for its end, and its first frame when its sender is new", () => {
    const streak = (group: string, sender: string) => {
      const lines: string[] = [];
      for (let count = 1; count <= 50; count++) lines.push(`${group},${sender},One,5655,${count},false`);
      return [...lines, `${group},${sender},One,5655,50,true`];
    };
    // u1 is new at its streak's first frame (which the main thread's sender table must see), u2 is
    // known from an earlier row.
    const lines = [
      "group_id,sender_id,sender,gift_id,count,repeat_end",
      ...streak("7300000000001", "u1"),
      "7300000000002,u2,One,7934,1,",
      ...streak("7300000000003", "u2"),
    ];
    const bytes = Buffer.from(`${lines.join("\n")}\n`);
    const threaded = countThreaded(bytes, {});
    expect(threaded.held).toBe(49 + 50);
    expect(threaded.count.audit).toMatchObject({ rows: 103, counted: 3, streakFramesHeld: 100 });
    expect(threaded.count.gifts).toEqual([
      { gift: "Rose", giftId: 5655, count: 100, coinsEach: 1 },
      { gift: "Heart Me", giftId: 7934, count: 1, coinsEach: 1 },
    ]);
  });

  // A streak of group 7300000000009 open at 2 gifts (from a row the thread did not read); then a
  // frame of 1 (a restart: the open streak closes at 2) and frames of 2. Taking the frame of 1 out
  // would make the frame of 2 a next frame of the open streak: 2 gifts counted, not 4.
  const restart = (first: string) =>
    Buffer.from(
      [
        "group_id,sender_id,sender,gift_id,count,repeat_end,timestamp",
        "7300000000001,u1,One,7934,1,,1764000000",
        `7300000000009,u1,One,5655,2,false,${first}`,
        "7300000000009,u1,One,5655,1,false,1764000000",
        "7300000000009,u1,One,5655,2,false,1764000000",
        "7300000000009,u1,One,5655,2,true,1764000000",
        "",
      ].join("\n"),
    );
  it.each([
    ["read in JavaScript (the header's run)", restart("1764000000"), { firstLines: 3 }],
    ["whose numbers the thread left to the main thread", restart("1764000000"), { chunk: 64, undecoded: 3 }],
    ["with a time only the reader reads", restart("2026-11-24 18:00:00"), {}],
  ])("keep a streak's first frame after a row %s", (_, bytes, reading) => {
    const direct = countDirect(bytes, {});
    const threaded = countThreaded(bytes, {}, reading);
    expect(direct.count.audit).toMatchObject({ counted: 3, streaksRestarted: 1 });
    expect(threaded.count).toEqual(direct.count);
    expect(threaded.events).toEqual(direct.events);
  });

  it("leave the streaks open at the end in their order, a first frame taken out or not", () => {
    // 7300000000002's first frame goes: the thread's streak opens after 7300000000003's.
    const { direct, threaded } = bothWays([
      "group_id,sender_id,sender,gift_id,count,repeat_end",
      "7300000000001,u1,One,7934,1,",
      "7300000000002,u1,One,5655,1,false",
      "7300000000003,u2,Two,5655,1,false",
      "7300000000002,u1,One,5655,2,false",
    ]);
    expect(threaded.held).toBe(1);
    expect(direct.events).toMatchObject([{ senderId: "u1" }, { senderId: "u2" }, { senderId: "u1" }]);
    expect(threaded.events).toEqual(direct.events);
  });

  it("keep a streak's first frame when the receivers are read", () => {
    // The streak is open at the end: it counts for the receiver of its first frame.
    const { direct, threaded } = bothWays([
      "group_id,sender_id,sender,gift_id,count,repeat_end,receiver_id",
      "7300000000001,u1,One,7934,1,,",
      "7300000000002,u1,One,5655,1,false,host2",
      "7300000000002,u1,One,5655,2,false,",
    ]);
    expect(direct.events).toMatchObject([{ receiverId: null }, { receiverId: "host2" }]);
    expect(threaded.events).toEqual(direct.events);
    expect(threaded.held).toBe(0);
  });

  it("keep a streak's first frame when a row before had its group id or a higher one", () => {
    const lines = [
      "group_id,sender_id,sender,gift_id,count,repeat_end",
      "7300000000005,u1,One,7934,1,",
      // Below the highest group id so far: its streak may be open (it is not), so its first frame stays.
      "7300000000004,u1,One,5655,1,false",
      "7300000000004,u1,One,5655,2,false",
      "7300000000004,u1,One,5655,2,true",
      // Above: its first frame goes.
      "7300000000006,u1,One,5655,1,false",
      "7300000000006,u1,One,5655,2,false",
      "7300000000006,u1,One,5655,2,true",
    ];
    const bytes = Buffer.from(`${lines.join("\n")}\n`);
    const threaded = countThreaded(bytes, {});
    expect(threaded.held).toBe(1 + 2);
    expect(threaded.count.audit).toMatchObject({ rows: 7, counted: 3, streakFramesHeld: 4 });
  });
});
