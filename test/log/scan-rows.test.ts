/**
 * The scan thread numbers senders by the bytes of their ids (scan-rows.wat), and the main thread
 * makes their strings from those numbers (NumberedSenders): together they must give every row the
 * id and name the reader's own sender table gives it, numbered alike.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ScanRows } from "../../src/io/log/scan-rows.js";
import {
  NumberedSenders,
  SENDER_NEW,
  SENDER_RENAMED,
  SENDER_SAME,
  SenderTable,
} from "../../src/io/log/senders.js";

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
    const name = fc.constantFrom("", "Ann", "Annie", 'A "B"', "🌹 fan", "n".repeat(8), "n".repeat(70));
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
