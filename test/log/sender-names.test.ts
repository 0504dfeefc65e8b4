import { describe, expect, it } from "vitest";
import type { LogRecord } from "../../src/core/log/record.js";
import { createLogReader } from "../../src/io/log/reader.js";

function senders(csv: string): [string | null, string | null][] {
  const records: LogRecord[] = [];
  const reader = createLogReader({ record: (record) => records.push({ ...record }), reject: () => {} });
  reader.push(Buffer.from(csv));
  reader.end();
  return records.map((record) => [record.senderId, record.senderName]);
}

describe("CSV sender names (checked against the sender's last name first)", () => {
  it("reads a name that changes, comes back, is quoted, blank or shared by two senders", () => {
    const rows: [string, string][] = [
      ["u1", "Ann"],
      ["u1", "Ann"],
      ["u1", "Annie"],
      ["u1", "Ann"],
      ["u2", "Ann"],
      ["u1", '"An""n"'],
      ["u1", ""],
      ["", "Bob"],
      ["u2", "Bo"],
      ["u2", "Bob"],
      ["u1", "Ann"],
    ];
    const csv = `gift_id,sender_id,sender\n${rows.map(([id, name]) => `5655,${id},${name}`).join("\n")}\n`;
    expect(senders(csv)).toEqual([
      ["u1", "Ann"],
      ["u1", "Ann"],
      ["u1", "Annie"],
      ["u1", "Ann"],
      ["u2", "Ann"],
      ["u1", 'An"n'],
      ["u1", null],
      [null, "Bob"],
      ["u2", "Bo"],
      ["u2", "Bob"],
      ["u1", "Ann"],
    ]);
  });

  it("reads names right for many senders (the per-sender table grows)", () => {
    const count = 10_000;
    const lines = Array.from({ length: count * 2 }, (_, index) => {
      const sender = index % count;
      return `5655,u${sender},name ${sender}${index >= count && sender % 3 === 0 ? " (renamed)" : ""}`;
    });
    const read = senders(`gift_id,sender_id,sender\n${lines.join("\n")}\n`);
    expect(read[count + 3]).toEqual(["u3", "name 3 (renamed)"]);
    expect(read[count + 4]).toEqual(["u4", "name 4"]);
    expect(read.filter(([, name]) => name?.endsWith("(renamed)"))).toHaveLength(Math.ceil(count / 3));
  });
});
