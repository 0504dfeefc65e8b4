import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type LogRecord, NO_ID, TEXT_ID } from "../../src/core/log/record.js";
import { createLogReader } from "../../src/io/log/reader.js";

function read(csv: string, readsIdKeys: boolean): LogRecord[] {
  const records: LogRecord[] = [];
  const reader = createLogReader({
    record: (record) => records.push({ ...record }),
    reject: () => {},
    readsIdKeys,
  });
  reader.push(Buffer.from(csv));
  reader.end();
  return records;
}

describe("CSV fast keys", () => {
  it("give a key-reading sink the ids as numbers, agreeing with what any other sink reads", () => {
    const id = fc.oneof(
      fc.stringMatching(/^[0-9]{1,18}$/),
      fc.stringMatching(/^[0-9a-z:_-]{1,16}$/),
      fc.constant(""),
    );
    const sender = fc.constantFrom("u1", "u2", "u3", "", '"u""4"');
    fc.assert(
      fc.property(fc.array(fc.tuple(id, id, sender), { minLength: 1, maxLength: 20 }), (rows) => {
        const csv = `gift_id,group_id,msg_id,sender_id\n${rows.map(([group, message, from]) => `5655,${group},${message},${from}`).join("\n")}\n`;
        const plain = read(csv, false);
        const keyed = read(csv, true);
        expect(keyed).toHaveLength(plain.length);
        const hints = new Map<number, string | null>();
        plain.forEach((record, index) => {
          const fast = keyed[index] as LogRecord;
          const groupKey = fast.groupKey ?? Number.NaN;
          if (groupKey >= 0) expect([fast.groupId, record.groupId]).toEqual([null, groupKey]);
          else
            expect([fast.groupId, groupKey]).toEqual([
              record.groupId,
              record.groupId === null ? NO_ID : TEXT_ID,
            ]);
          const messageKey = fast.messageKey ?? Number.NaN;
          if (messageKey >= 0) expect([fast.messageId, record.messageId]).toEqual([null, String(messageKey)]);
          else {
            expect([fast.messageId, messageKey]).toEqual([
              record.messageId,
              record.messageId === null ? NO_ID : TEXT_ID,
            ]);
          }
          // One sender id, one hint, and the other way round.
          const hint = fast.senderKey ?? -1;
          if (hint >= 0) {
            if (!hints.has(hint)) hints.set(hint, fast.senderId);
            expect(hints.get(hint)).toBe(record.senderId);
          }
        });
        expect(new Set(hints.values()).size).toBe(hints.size);
      }),
    );
  });
});
