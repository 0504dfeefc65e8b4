import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { LogRecord } from "../../src/core/log/record.js";
import { createLogReader } from "../../src/io/log/reader.js";

function groupIds(values: readonly string[]): (string | number | null)[] {
  const records: LogRecord[] = [];
  const reader = createLogReader({ record: (record) => records.push({ ...record }), reject: () => {} });
  reader.push(Buffer.from(`gift_id,group_id\n${values.map((value) => `5655,${value}`).join("\n")}\n`));
  reader.end();
  return records.map((record) => record.groupId);
}

describe("CSV ids", () => {
  it("reads up to 15 digits as the number they spell, anything else as text", () => {
    const digits = fc.stringMatching(/^[0-9]{1,18}$/);
    const other = fc.stringMatching(/^[0-9a-z:_-]{1,16}$/);
    fc.assert(
      fc.property(fc.array(fc.oneof(digits, other), { minLength: 1, maxLength: 20 }), (values) => {
        const expected = values.map((value) => (/^[0-9]{1,15}$/.test(value) ? Number(value) : value));
        expect(groupIds(values)).toEqual(expected);
      }),
    );
    expect(groupIds(["7300000000001", "999999999999999", "0", "000123", "1000000000"])).toEqual([
      7300000000001, 999999999999999, 0, 123, 1000000000,
    ]);
  });
});
