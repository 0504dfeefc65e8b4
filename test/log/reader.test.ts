import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { LogRecord, LogReject } from "../../src/core/log/record.js";
import { MAX_RECORD_BYTES } from "../../src/io/log/csv-scanner.js";
import { parseFieldMap } from "../../src/io/log/fields.js";
import { createLogReader, detect, type LogReaderOptions } from "../../src/io/log/reader.js";

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/logs/${name}`, import.meta.url)));

function read(chunks: readonly Buffer[], options: LogReaderOptions = {}) {
  const records: LogRecord[] = [];
  const rejects: LogReject[] = [];
  const reader = createLogReader(
    { record: (record) => records.push({ ...record }), reject: (reject) => rejects.push(reject) },
    options,
  );
  for (const chunk of chunks) reader.push(chunk);
  reader.end();
  return { records, rejects, format: reader.format };
}

const cuts = (bytes: Buffer) =>
  Array.from({ length: bytes.length + 1 }, (_, cut) => [bytes.subarray(0, cut), bytes.subarray(cut)]);

describe("log readers", () => {
  it("detects the format from the first non-blank byte, after a BOM", () => {
    expect(detect(Buffer.from("\uFEFF  \n[{}]"))).toBe("json");
    expect(detect(Buffer.from('\n{"a":1}'))).toBe("ndjson");
    expect(detect(Buffer.from("giftId,count"))).toBe("csv");
    expect(detect(Buffer.from(" \r\n"))).toBeUndefined();
  });

  for (const name of [
    "tiktok-live-connector-v1.ndjson",
    "tiktok-live-connector-v2.ndjson",
    "tiktok-chat-reader.json",
    "tiktoklive-gifts.csv",
    "gift-calc-canonical.csv",
  ]) {
    it(`reads ${name} the same whatever the chunk boundaries`, () => {
      const bytes = fixture(name);
      const whole = read([bytes]);
      expect(whole.records.length).toBeGreaterThan(0);
      for (const chunks of cuts(bytes)) expect(read(chunks)).toEqual(whole);
      expect(read([...bytes].map((byte) => Buffer.from([byte])))).toEqual(whole);
    });
  }

  it("reads nested fields, the cross-walk's names and value quirks", () => {
    const { records } = read([fixture("tiktok-live-connector-v2.ndjson")]);
    expect(records[0]).toMatchObject({
      line: 1,
      giftId: 5879,
      giftName: "Doughnut",
      unitCoins: 30,
      count: 1,
      isStreakable: true,
      isStreakEnd: false,
      senderId: "401",
      senderName: "Dana",
      groupId: "g-1",
    });
    const python = read([fixture("tiktoklive-gifts.csv")]);
    expect(python.records[0]).toMatchObject({
      isStreakable: true,
      isStreakEnd: false,
      senderName: "Fan, One",
    });
    expect(python.records[4]).toMatchObject({ line: 6, senderName: "Multi\nline", giftName: "Perfume" });
  });

  it("reads epoch seconds, epoch milliseconds and ISO 8601, zone-less ISO in the given zone", () => {
    const log =
      "giftId,timestamp\n1,1732449600\n1,1732449600000\n1,2024-11-24T12:00:00Z\n1,2024-11-24T13:00:00+01:00\n1,2024-11-24 12:00:00.000Z\n";
    const times = read([Buffer.from(log)]).records.map((record) => record.timestamp);
    expect(new Set(times)).toEqual(new Set([Date.UTC(2024, 10, 24, 12)]));
    const local = read([Buffer.from("giftId,timestamp\n1,2024-11-24T13:00:00\n")], {
      offsetOf: () => 3_600_000,
    });
    expect(local.records[0]?.timestamp).toBe(Date.UTC(2024, 10, 24, 12));
  });

  it("applies --map before the cross-walk", () => {
    const { records } = read([Buffer.from("present,qty,giftName\nLion,2,Rose\n")], {
      map: parseFieldMap(["giftName=present", "count=qty"]),
    });
    expect(records[0]).toMatchObject({ giftName: "Lion", count: 2 });
  });

  it("rejects bad JSON lines, non-objects and an unclosed array with their lines", () => {
    const ndjson = read([Buffer.from('{"giftId":1}\n{oops\n\n[1]\n{"giftName":"Rose","repeatCount":"x"}\n')]);
    expect(ndjson.records).toHaveLength(1);
    expect(ndjson.rejects.map((reject) => [reject.line, reject.code])).toEqual([
      [2, "BAD_JSON"],
      [4, "NOT_AN_OBJECT"],
      [5, "BAD_NUMBER"],
    ]);
    const array = read([Buffer.from('[\n{"giftId":1},\n{"giftId":2}\n')]);
    expect(array.records).toHaveLength(2);
    expect(array.rejects.map((reject) => reject.code)).toEqual(["BAD_JSON"]);
  });

  it("rejects an NDJSON line too long to be an event and carries on", () => {
    const long = `{"giftName":"${"x".repeat(MAX_RECORD_BYTES + 10)}"}`;
    const { records, rejects } = read([Buffer.from(long), Buffer.from('\n{"giftId":1}\n')]);
    expect(rejects.map((reject) => [reject.line, reject.code])).toEqual([[1, "BAD_JSON"]]);
    expect(records.map((record) => [record.line, record.giftId])).toEqual([[2, 1]]);
  });

  it("names the file in rejects", () => {
    const { rejects } = read([Buffer.from("giftId\nnope\n")], { file: "stream.csv" });
    expect(rejects).toEqual([expect.objectContaining({ file: "stream.csv", line: 2, code: "BAD_NUMBER" })]);
  });
});
