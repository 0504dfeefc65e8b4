import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SenderTable } from "../../src/io/log/senders.js";

/** A CSV field's raw bytes for a text: doubled quotes when it has quotes (as in a quoted field). */
const raw = (text: string) => text.replaceAll('"', '""');

describe("sender table", () => {
  it("gives each id its string and one index, and the name on this row, however names change", () => {
    // Short and long ids and names (longer than a slot holds), quotes, non-ASCII, blank names.
    const id = fc.constantFrom("u1", "u2", "u22", "7012345678901234567", `u${"x".repeat(40)}`, 'q"1', "zoë");
    const name = fc.constantFrom(
      "",
      "Ann",
      "Annie",
      'A "B"',
      "🌹 fan",
      "n".repeat(31),
      "n".repeat(32),
      "n".repeat(70),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(id, name), { minLength: 1, maxLength: 80 }), (rows) => {
        const table = new SenderTable();
        const indexOf = new Map<string, number>();
        for (const [sender, nickname] of rows) {
          const idBytes = raw(sender);
          const nameBytes = raw(nickname);
          // The row's bytes somewhere in a bigger buffer, as a scanner leaves them.
          const buffer = Buffer.from(`xx,${idBytes},${nameBytes},yy`);
          const idStart = 3;
          const idEnd = idStart + Buffer.byteLength(idBytes);
          const nameStart = idEnd + 1;
          const nameEnd = nameStart + Buffer.byteLength(nameBytes);
          const found = table.find(
            buffer,
            idStart,
            idEnd,
            idBytes !== sender,
            nameStart,
            nameEnd,
            nameBytes !== nickname,
          );
          expect([found, table.name]).toEqual([sender, nickname === "" ? null : nickname]);
          if (!indexOf.has(sender)) indexOf.set(sender, table.index);
          expect(table.index).toBe(indexOf.get(sender));
        }
        expect(new Set(indexOf.values()).size).toBe(indexOf.size);
      }),
    );
  });

  it("keeps its senders across growth, and past its limit reads ids without keeping them", () => {
    const table = new SenderTable(3000);
    const find = (sender: string, name: string) => {
      const buffer = Buffer.from(`${sender},${name}`);
      return [
        table.find(buffer, 0, sender.length, false, sender.length + 1, buffer.length, false),
        table.index,
        table.name,
      ];
    };
    for (let i = 0; i < 3000; i++) expect(find(`u${i}`, `viewer ${i}`)).toEqual([`u${i}`, i, `viewer ${i}`]);
    expect(find("u1234", "viewer 1234")).toEqual(["u1234", 1234, "viewer 1234"]);
    expect(find("u1234", "renamed")).toEqual(["u1234", 1234, "renamed"]);
    expect(find("u9999", "late")).toEqual(["u9999", -1, "late"]);
    expect(find("u9999", "late")).toEqual(["u9999", -1, "late"]);
  });
});
