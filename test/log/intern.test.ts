import { describe, expect, it } from "vitest";
import { ByteInterner } from "../../src/io/log/intern.js";

describe("byte interner", () => {
  it("returns the first string made for the same bytes, across table growth", () => {
    const interner = new ByteInterner();
    const keys = Array.from({ length: 20_000 }, (_, index) =>
      index % 7 === 0 ? `zoë ${index}` : `u${index}`,
    );
    const buffer = Buffer.from(keys.join(","));
    const first: string[] = [];
    let at = 0;
    for (const key of keys) {
      const length = Buffer.byteLength(key);
      first.push(interner.get(buffer, at, at + length));
      at += length + 1;
    }
    expect(first).toEqual(keys);
    // Same bytes elsewhere (another buffer, another offset): the very same string comes back.
    const again = Buffer.from(`xx${keys[12_345]}`);
    expect(interner.get(again, 2, again.length)).toBe(first[12_345]);
    expect(interner.get(Buffer.from(""), 0, 0)).toBe("");
  });

  it("decodes but does not keep keys past its limit", () => {
    const interner = new ByteInterner(2);
    const buffer = Buffer.from("abc");
    expect([0, 1, 2].map((at) => interner.get(buffer, at, at + 1))).toEqual(["a", "b", "c"]);
    expect(interner.get(buffer, 2, 3)).toBe("c");
  });
});

describe("byte interner on quoted CSV fields", () => {
  it("keeps an escaped field by its raw bytes and gives its text with the quotes undone", () => {
    const interner = new ByteInterner();
    const buffer = Buffer.from('say ""hi""|say ""hi""|say "hi"');
    const first = interner.get(buffer, 0, 10, true);
    expect(first).toBe('say "hi"');
    expect(interner.get(buffer, 11, 21, true)).toBe(first);
    expect(interner.get(buffer, 22, 30)).toBe('say "hi"');
  });
});
