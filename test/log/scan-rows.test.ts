/**
 * The scan thread numbers senders by the bytes of their ids (scan-rows.wat), and the main thread
 * makes their strings from those numbers (NumberedSenders): together they must give every row the
 * id and name the reader's own sender table gives it, numbered alike.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvColumns } from "../../src/io/log/csv-columns.js";
import { CsvScanner, emptyCsvRecord, MAX_FIELDS, PLAIN_STRIDE } from "../../src/io/log/csv-scanner.js";
import {
  DECODED,
  decodeValues,
  isoUtcFromBytes,
  V,
  VALUE_COUNT,
  wholeFromBytes,
} from "../../src/io/log/row-values.js";
import { ROW } from "../../src/io/log/scan-batch.js";
import { ScanRows } from "../../src/io/log/scan-rows.js";
import {
  NumberedSenders,
  SENDER_NEW,
  SENDER_RENAMED,
  SENDER_SAME,
  SenderTable,
} from "../../src/io/log/senders.js";
import { epochToMs } from "../../src/io/log/values.js";

/** What a plain record's count gets in a batch (scan-batch.ts). */
const PLAIN = 1 << 29;

/** A CSV field's raw bytes for a text: doubled quotes when it has quotes (as in a quoted field). */
const raw = (text: string) => text.replaceAll('"', '""');

/** A row's sender and name bytes, somewhere in the scan memory, as a scanner leaves them. */
function place(rows: ScanRows, sender: string, name: string) {
  const bytes = Buffer.from(`xx,${raw(sender)},${raw(name)},yy`);
  rows.reserve(bytes.length);
  rows.bytes.set(bytes);
  const idStart = 3;
  const idEnd = idStart + Buffer.byteLength(raw(sender));
  const nameStart = idEnd + 1;
  const nameEnd = nameStart + Buffer.byteLength(raw(name));
  return { buffer: rows.view(bytes.length), idStart, idEnd, nameStart, nameEnd };
}

describe("senders numbered by the scan thread", () => {
  it("give each row the id, name and number the reader's own table gives it", () => {
    const id = fc.constantFrom("u1", "u2", "u22", "7012345678901234567", `u${"x".repeat(40)}`, 'q"1', "zoë");
    // Names of one length that differ in one byte only: first, last, and past the first eight.
    const name = fc.constantFrom(
      ...["", "Ann", "Annie", 'A "B"', "🌹 fan", "n".repeat(8), "n".repeat(70)],
      ...["viewer 1", "viewer 2", "Viewer 1", "viewer 10", "viewer 11", `${"n".repeat(69)}m`],
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(id, name), { minLength: 1, maxLength: 80 }), (senders) => {
        const rows = ScanRows.create(16) as ScanRows;
        const numbered = new NumberedSenders();
        const own = new SenderTable();
        for (const [sender, nickname] of senders) {
          const { buffer, idStart, idEnd, nameStart, nameEnd } = place(rows, sender, nickname);
          const isIdEscaped = raw(sender) !== sender;
          const isNameEscaped = raw(nickname) !== nickname;
          const number = rows.sender(idStart, idEnd, nameStart, nameEnd);
          const found = numbered.find(
            number,
            buffer,
            idStart,
            idEnd,
            isIdEscaped,
            nameStart,
            nameEnd,
            isNameEscaped,
          );
          const expected = own.find(buffer, idStart, idEnd, isIdEscaped, nameStart, nameEnd, isNameEscaped);
          expect([found, numbered.name, numbered.index]).toEqual([expected, own.name, own.index]);
        }
      }),
    );
  });

  it("say whether a sender is new, renamed or as on its last row", () => {
    const rows = ScanRows.create(16) as ScanRows;
    const numberOf = (sender: string, name: string) => {
      const { idStart, idEnd, nameStart, nameEnd } = place(rows, sender, name);
      return rows.sender(idStart, idEnd, nameStart, nameEnd);
    };
    expect(numberOf("u1", "Ann")).toBe(0 * 4 + SENDER_NEW);
    expect(numberOf("u2", "")).toBe(1 * 4 + SENDER_NEW);
    expect(numberOf("u1", "Ann")).toBe(0 * 4 + SENDER_SAME);
    expect(numberOf("u1", "Annie")).toBe(0 * 4 + SENDER_RENAMED);
    expect(numberOf("u1", "Annie")).toBe(0 * 4 + SENDER_SAME);
    // A shorter name is kept where the longer one was; a longer one, elsewhere.
    expect(numberOf("u1", "A")).toBe(0 * 4 + SENDER_RENAMED);
    expect(numberOf("u1", "A")).toBe(0 * 4 + SENDER_SAME);
    expect(numberOf("u1", "A much longer name than before")).toBe(0 * 4 + SENDER_RENAMED);
    expect(numberOf("u1", "A much longer name than before")).toBe(0 * 4 + SENDER_SAME);
    expect(numberOf("u2", "")).toBe(1 * 4 + SENDER_SAME);
  });

  it("number 2^18 senders across the table's growth, and answer -1 past them", () => {
    const rows = ScanRows.create(64) as ScanRows;
    const numberOf = (sender: string) => {
      const { idStart, idEnd, nameStart, nameEnd } = place(rows, sender, "fan");
      return rows.sender(idStart, idEnd, nameStart, nameEnd);
    };
    const limit = 1 << 18;
    for (let i = 0; i < limit; i++) expect(numberOf(`u${i}`)).toBe(i * 4 + SENDER_NEW);
    for (let i = 0; i < limit; i += 997) expect(numberOf(`u${i}`)).toBe(i * 4 + SENDER_SAME);
    expect(numberOf("one more")).toBe(-1);
    expect(numberOf("one more")).toBe(-1);
    expect(numberOf("u5")).toBe(5 * 4 + SENDER_SAME);
  });

  it("answer -1 for a new sender when the room for ids and names is used up, and stay exact", () => {
    const rows = ScanRows.create(1 << 12) as ScanRows;
    const long = "n".repeat(1000);
    const numberOf = (sender: string, name: string) => {
      const { idStart, idEnd, nameStart, nameEnd } = place(rows, sender, name);
      return rows.sender(idStart, idEnd, nameStart, nameEnd);
    };
    // 16 MiB of room: about 16,000 senders of a 1 KB name.
    let count = 0;
    while (numberOf(`u${count}`, long) !== -1) count++;
    expect(count).toBeGreaterThan(16_000);
    expect(count).toBeLessThan(17_000);
    expect(numberOf("u1", long)).toBe(1 * 4 + SENDER_SAME);
    // A renaming that does not fit leaves the old name: the next row is a renaming again (true).
    expect(numberOf("u1", `${long}!`)).toBe(1 * 4 + SENDER_RENAMED);
    expect(numberOf("u1", `${long}!`)).toBe(1 * 4 + SENDER_RENAMED);
    // One that fits where the old name was is kept.
    expect(numberOf("u1", "short")).toBe(1 * 4 + SENDER_RENAMED);
    expect(numberOf("u1", "short")).toBe(1 * 4 + SENDER_SAME);
  });

  it("fail loudly when the main thread is handed a number out of order (a bug, not input)", () => {
    const numbered = new NumberedSenders();
    const buffer = Buffer.from("u1,Ann");
    expect(() => numbered.find(3 * 4 + SENDER_NEW, buffer, 0, 2, false, 3, 6, false)).toThrow(
      "numbered sender 3 after 0 senders",
    );
  });
});

describe("numbers read by the scan thread's WebAssembly", () => {
  const whole = fc.oneof(
    fc.constantFrom("", "0", "1", "5655", "007", "x1", "1.5", "-3", " 2", "+4", "9007199254740991"),
    fc.constantFrom("9007199254740992", "99999999999999999999", "0000000000000000001", "1e5", "٣"),
    fc.nat().map(String),
  );
  const flag = fc.constantFrom(
    ...["", "true", "false", "TRUE", "False", "tRuE", "1", "0", "yes", "YES", "no", "No", "y", "N", "t", "F"],
    ...["maybe", "2", "truee", "ye", "nO ", "\u00e9", "T", "f"],
  );
  const id = fc.oneof(
    fc.constantFrom("", "7300000000000", "000123", "abc", "123456789012345", "1234567890123456", "12a"),
    // 8 to 15 digits (read eight at once), one byte among them maybe not a digit: just below or
    // above the digits, or far from them.
    fc
      .tuple(
        fc.stringMatching(/^[0-9]{8,15}$/),
        fc.nat(),
        fc.constantFrom("0", "9", "/", ":", "x", " ", "\u00e9", "\u0130", "\u0000"),
      )
      .map(([digits, at, odd]) => {
        const where = at % digits.length;
        return `${digits.slice(0, where)}${odd}${digits.slice(where + 1)}`;
      }),
  );
  const row = fc.tuple(whole, whole, whole, whole, flag, flag, id, id);
  const headers = [
    "gift_id,diamondCount,repeatCount,coins,streakable,repeatEnd,groupId,msgId",
    "gift_id,diamondCount,repeatCount,coins,giftType,streaking,groupId,msgId",
  ];

  it("are those decodeValues reads, and a row it cannot read in full is left to the reader", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...headers),
        fc.array(row, { minLength: 1, maxLength: 20 }),
        (header, rows) => {
          const bytes = Buffer.from(`${header}\n${rows.map((values) => values.join(",")).join("\n")}\n`);
          const columns = csvColumns(header.split(","), new Map(), new Set());
          if (columns === undefined) throw new Error("no gift column");
          const scanRows = ScanRows.create(bytes.length) as ScanRows;
          scanRows.plan(columns);
          const compact = emptyCsvRecord(PLAIN_STRIDE);
          const expected = new Float64Array(VALUE_COUNT);
          let compared = 0;
          const scanner = new CsvScanner(
            {
              record: () => {},
              malformed: () => {},
              records: (buffer, ints, length) => {
                // Before `rows` marks them: JavaScript reads each row of the run as it lies.
                const readable: (number[] | undefined)[] = [];
                for (let at = 0; at < length; at += 3 + (ints[at + 1] as number)) {
                  if (ints[at] === 1) continue;
                  Object.assign(compact, {
                    buffer,
                    fields: ints,
                    count: ints[at + 1],
                    at: at + 2,
                    line: ints[at],
                  });
                  const isRead = decodeValues(compact, columns, expected, 0) === DECODED;
                  readable.push(isRead ? [...expected.subarray(0, V.timestamp)] : undefined);
                }
                scanRows.rows(true, PLAIN, ROW.decoded, ROW.numbered);
                const values = scanRows.runValuesOf();
                let value = 0;
                let row = 0;
                for (let at = 0; at < length; at += 3 + ((ints[at + 1] as number) & 0xffff)) {
                  if (ints[at] === 1) continue;
                  const isDecoded = ((ints[at + 1] as number) & ROW.decoded) !== 0;
                  const read = isDecoded
                    ? [...values.subarray(value * VALUE_COUNT, value * VALUE_COUNT + V.timestamp)]
                    : undefined;
                  if (isDecoded) value++;
                  expect(read).toEqual(readable[row++]);
                  compared++;
                }
              },
            },
            MAX_FIELDS,
            scanRows,
          );
          scanner.push(bytes);
          scanner.end();
          expect(compared).toBe(rows.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("timestamps read by the scan thread's WebAssembly", () => {
  const pad = (value: number, width: number) => String(value).padStart(width, "0");
  const iso = fc
    .record({
      year: fc.integer({ min: 0, max: 9999 }),
      month: fc.integer({ min: 0, max: 13 }),
      day: fc.integer({ min: 0, max: 32 }),
      hour: fc.integer({ min: 0, max: 24 }),
      minute: fc.integer({ min: 0, max: 60 }),
      second: fc.integer({ min: 0, max: 61 }),
      millis: fc.option(fc.integer({ min: 0, max: 999 })),
    })
    .map(({ year, month, day, hour, minute, second, millis }) => {
      const time = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}`;
      return `${time}${millis === null ? "" : `.${pad(millis, 3)}`}Z`;
    });
  const other = fc.constantFrom(
    "",
    "1764000000",
    "1764000000123",
    "0",
    "2026-11-24 18:00:00",
    "2026-11-24T18:00:00+02:00",
    "x",
  );

  it("are those timestampInto reads, and a form only the reader reads leaves the row to it", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(iso, other, fc.nat().map(String)), { minLength: 1, maxLength: 30 }),
        (times) => {
          const bytes = Buffer.from(`gift_id,createTime\n${times.map((time) => `1,${time}`).join("\n")}\n`);
          const columns = csvColumns(["gift_id", "createTime"], new Map(), new Set());
          if (columns === undefined) throw new Error("no gift column");
          const rows = ScanRows.create(bytes.length) as ScanRows;
          rows.plan(columns);
          const read: (number | undefined)[] = [];
          const scanner = new CsvScanner(
            {
              record: () => {},
              malformed: () => {},
              records: (_buffer, ints, length) => {
                const values = rows.runValuesOf();
                rows.rows(true, PLAIN, ROW.decoded, ROW.numbered);
                let value = 0;
                for (let at = 0; at < length; at += 3 + ((ints[at + 1] as number) & 0xffff)) {
                  if (ints[at] === 1) continue;
                  const isDecoded = ((ints[at + 1] as number) & ROW.decoded) !== 0;
                  read.push(isDecoded ? (values[value * VALUE_COUNT + V.timestamp] as number) : undefined);
                  if (isDecoded) value++;
                }
              },
            },
            MAX_FIELDS,
            rows,
          );
          scanner.push(bytes);
          scanner.end();
          const expected = times.map((time) => {
            const text = Buffer.from(time);
            const whole = wholeFromBytes(text, 0, text.length);
            if (whole === -1) return Number.NaN;
            if (whole >= 0) return epochToMs(whole);
            const ms = isoUtcFromBytes(text, 0, text.length);
            return ms < 0 ? undefined : ms;
          });
          expect(read).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
