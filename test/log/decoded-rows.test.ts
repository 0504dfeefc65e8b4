/**
 * The scan thread reads each row's numbers itself and hands the reader decoded rows; the reader
 * reads them from the bytes when it scans a log itself. Both must give the sink exactly the same
 * records and rejects, whatever the columns, their names, the values' quirks and the options.
 * The thread's work is done here in-process, as csv-scan-worker.ts does it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { LogRecord, LogReject } from "../../src/core/log/record.js";
import { zoneOffsets } from "../../src/core/log/zone.js";
import type { UnusedField } from "../../src/io/log/csv-columns.js";
import { type CsvHandler, CsvScanner, emptyCsvRecord, MAX_FIELDS } from "../../src/io/log/csv-scanner.js";
import { createLogReader, type LogReaderOptions } from "../../src/io/log/reader.js";
import { replayBatch, ScanBatchWriter, scanThreadHandler } from "../../src/io/log/scan-batch.js";
import { ScanRows } from "../../src/io/log/scan-rows.js";

interface Read {
  readonly records: LogRecord[];
  readonly rejects: LogReject[];
  readonly decodedRows: number;
  readonly numberedRows: number;
}

const sink = (records: LogRecord[], rejects: LogReject[], readsIdKeys: boolean) => ({
  record: (record: LogRecord) => records.push({ ...record }),
  reject: (reject: LogReject) => rejects.push(reject),
  knowsGiftId: (giftId: number) => giftId % 2 === 0,
  readsIdKeys,
});

/** The reader scanning the log itself. */
function readDirect(bytes: Buffer, options: LogReaderOptions, readsIdKeys: boolean): Read {
  const records: LogRecord[] = [];
  const rejects: LogReject[] = [];
  const reader = createLogReader(sink(records, rejects, readsIdKeys), { format: "csv", ...options });
  reader.push(bytes);
  reader.end();
  return { records, rejects, decodedRows: 0, numberedRows: 0 };
}

/** The log scanned and decoded as the scan thread does, in `chunk`-byte reads, then replayed. */
function readThreaded(
  bytes: Buffer,
  options: LogReaderOptions,
  readsIdKeys: boolean,
  chunk: number,
  decodes: readonly boolean[],
  useWasm = true,
): Read {
  const records: LogRecord[] = [];
  const rejects: LogReject[] = [];
  const reader = createLogReader(sink(records, rejects, readsIdKeys), { format: "csv", ...options });
  const own = reader.csvHandler();
  let decodedRows = 0;
  let numberedRows = 0;
  const handler: CsvHandler = {
    ...own,
    decoded: (row, values, at) => {
      decodedRows++;
      own.decoded?.(row, values, at);
    },
    numbered: (row, values, at) => {
      numberedRows++;
      own.numbered?.(row, values, at);
    },
  };
  const writer = new ScanBatchWriter();
  const replayed = emptyCsvRecord();
  // What the thread does with each record: rows go with their numbers when all are readable.
  // Without WebAssembly (`node --jitless`), the thread reads every row in JavaScript, senders unnumbered.
  const rows = useWasm ? ScanRows.create(chunk) : undefined;
  const choice = { map: [...(options.map ?? [])], unused: [...(options.unused ?? [])] };
  let batches = 0;
  const threaded = scanThreadHandler(writer, choice, rows, () => {
    const batch = writer.take(0);
    replayBatch(batch, handler, replayed);
    writer.giveBack(batch.bytes, batch.ints, batch.values);
    // The thread reads the rows' numbers, or leaves them to the reader, batch by batch.
    threaded.decodesValues = decodes[batches++ % decodes.length] as boolean;
  });
  threaded.decodesValues = decodes[decodes.length - 1] as boolean;
  const scanner = new CsvScanner(threaded, MAX_FIELDS, rows);
  for (let at = 0; at < bytes.length; at += chunk) scanner.push(bytes.subarray(at, at + chunk));
  scanner.end();
  reader.end();
  return { records, rejects, decodedRows, numberedRows };
}

function withoutSenderKey(record: LogRecord): LogRecord {
  const { senderKey: _, ...rest } = record;
  return rest;
}

/** Does every sender key (but -1) stand for one sender id? */
function keysNameOneSender(records: readonly LogRecord[]): boolean {
  const ids = new Map<number, string | null>();
  for (const { senderKey = -1, senderId } of records) {
    if (senderKey < 0) continue;
    if (ids.has(senderKey) && ids.get(senderKey) !== senderId) return false;
    ids.set(senderKey, senderId);
  }
  return true;
}

/** Values as logs write them, and as they should not. */
const number = fc.oneof(
  fc.constantFrom("", "0", "1", "5655", "007", "x1", "1.5", "-3", " 2", "99999999999999999999"),
  fc.nat({ max: 100_000 }).map(String),
);
const flag = fc.constantFrom("", "true", "false", "TRUE", "False", "1", "0", "yes", "n", "t", "maybe", "2");
const id = fc.oneof(
  fc.constantFrom("", "7300000000000", "000123", "abc", "12345678901234567", "9007199254740993", "1e5"),
  fc.nat().map(String),
);
const time = fc.oneof(
  fc.constantFrom(
    "",
    "1764000000",
    "1764000000123",
    "2026-11-24T18:00:00.051Z",
    "2026-11-24T18:00:00Z",
    "2026-11-24 18:00:00",
    "2026-11-24T18:00:00+02:00",
    "1969-12-31T23:59:59Z",
    "2026-13-01T00:00:00Z",
    "yesterday",
    "1764000000.5",
  ),
  fc.integer({ min: 0, max: 2_000_000_000_000 }).map(String),
);
const text = fc.constantFrom("", "Rose", "viewer 1", 'Fan, "One"', "é", "u1", "u2", "guest");

/** A header (the cross-walk's names of several tools) and rows of values for its columns. */
const log = fc
  .record({
    columns: fc.shuffledSubarray(
      [
        ["gift_id", number],
        ["giftName", text],
        ["diamondCount", number],
        ["repeatCount", number],
        ["coins", number],
        ["streakable", flag],
        ["giftType", number],
        ["repeatEnd", flag],
        ["streaking", flag],
        ["userId", text],
        ["nickname", text],
        ["receiverId", text],
        ["createTime", time],
        ["groupId", id],
        ["msgId", id],
      ] as const,
      { minLength: 1 },
    ),
    rows: fc.nat({ max: 30 }),
    seed: fc.nat(),
  })
  .chain(({ columns, rows }) =>
    fc
      .array(fc.tuple(...columns.map(([, value]) => value)), { minLength: rows, maxLength: rows })
      .map((values) => ({ names: columns.map(([name]) => name), values })),
  );

const cell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

function serialise(names: readonly string[], rows: readonly (readonly string[])[], drop: boolean): Buffer {
  const lines = [
    names.join(","),
    ...rows.map((row, at) => (drop && at % 7 === 3 ? row.slice(1) : row).map(cell).join(",")),
  ];
  return Buffer.from(`${lines.join("\n")}\n`);
}

const optionsArbitrary = fc.record({
  unused: fc.subarray(["timestamp", "senderName", "receiverId"] as UnusedField[]),
  zone: fc.constantFrom("UTC", "Europe/Berlin", "America/New_York"),
  readsIdKeys: fc.boolean(),
  mapGiftName: fc.boolean(),
  dropColumns: fc.boolean(),
  chunk: fc.integer({ min: 1, max: 200 }),
  decodes: fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
  useWasm: fc.boolean(),
});

describe("rows decoded by the scan thread", () => {
  it("reach the sink exactly as the rows the reader decodes itself", () => {
    let decoded = 0;
    let numbered = 0;
    fc.assert(
      fc.property(log, optionsArbitrary, ({ names, values }, choice) => {
        const bytes = serialise(names, values, choice.dropColumns);
        const options: LogReaderOptions = {
          unused: new Set(choice.unused),
          offsetOf: zoneOffsets(choice.zone),
          file: "stream.csv",
          map: choice.mapGiftName ? new Map([["giftName", "nickname"]]) : new Map(),
        };
        let direct: Read | Error;
        try {
          direct = readDirect(bytes, options, choice.readsIdKeys);
        } catch (error) {
          direct = error as Error;
        }
        if (direct instanceof Error) {
          expect(() =>
            readThreaded(bytes, options, choice.readsIdKeys, choice.chunk, choice.decodes, choice.useWasm),
          ).toThrow(direct.message);
          return;
        }
        const threaded = readThreaded(
          bytes,
          options,
          choice.readsIdKeys,
          choice.chunk,
          choice.decodes,
          choice.useWasm,
        );
        decoded += threaded.decodedRows;
        numbered += threaded.numberedRows;
        // A sender's key is a hint, numbered by whoever read the row: equal keys, equal senders.
        expect(threaded.records.map(withoutSenderKey)).toEqual(direct.records.map(withoutSenderKey));
        expect(keysNameOneSender(threaded.records)).toBe(true);
        expect(threaded.rejects).toEqual(direct.rejects);
      }),
      { numRuns: 400 },
    );
    // Most generated rows have a value the thread leaves to the reader; enough are decoded there.
    expect(decoded).toBeGreaterThan(200);
    expect(numbered).toBeGreaterThan(200);
  });
});
