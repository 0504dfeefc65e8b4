/**
 * Strings from byte ranges without a new string per row: a sender or gift name that repeats (they
 * do, millions of times) is looked up by its bytes and the first string made for it is returned.
 * Bounded: past `limit` distinct keys, new keys are decoded but not kept.
 */

/** Int32s per slot of the table: hash, offset of the key's bytes in the arena, their length, string index + 1. */
const SLOT = 4;

export class ByteInterner {
  private mask: number;
  /**
   * Open addressing with linear probing. One interleaved table (not one array per attribute) so a
   * probe touches one cache line: with ~50k senders the table is far bigger than the CPU's caches.
   */
  private table: Int32Array;
  /** Dense: the strings in the order they were first seen. */
  private readonly strings: string[] = [];
  private arena: Uint8Array;
  private used = 0;
  private readonly limit: number;

  constructor(limit = 1 << 20) {
    this.limit = limit;
    this.mask = (1 << 12) - 1;
    this.table = new Int32Array((this.mask + 1) * SLOT);
    this.arena = new Uint8Array(1 << 16);
  }

  /**
   * The string for `buffer[start, end)`, decoded as UTF-8. `isEscaped`: the bytes are a quoted CSV
   * field's, with doubled quotes to undo; such a key is kept by its raw bytes, undone once.
   */
  get(buffer: Buffer, start: number, end: number, isEscaped = false): string {
    const length = end - start;
    let hash = 0x811c9dc5 | 0;
    let isAscii = true;
    for (let i = start; i < end; i++) {
      const byte = buffer[i] as number;
      if (byte > 0x7f) isAscii = false;
      hash = Math.imul(hash ^ byte, 0x01000193);
    }
    const { table, arena, mask } = this;
    let slot = hash & mask;
    for (;;) {
      const at = slot * SLOT;
      const index = table[at + 3] as number;
      if (index === 0) break;
      if (table[at] === hash && table[at + 2] === length) {
        const offset = table[at + 1] as number;
        let same = true;
        for (let i = 0; i < length; i++) {
          if (arena[offset + i] !== buffer[start + i]) {
            same = false;
            break;
          }
        }
        if (same) return this.strings[index - 1] as string;
      }
      slot = (slot + 1) & mask;
    }
    const decoded = isAscii ? buffer.toString("latin1", start, end) : buffer.toString("utf8", start, end);
    const text = isEscaped ? decoded.replaceAll('""', '"') : decoded;
    if (this.strings.length >= this.limit) return text;
    if (this.used + length > this.arena.length) {
      const grown = new Uint8Array(Math.max(this.arena.length * 2, this.used + length));
      grown.set(this.arena.subarray(0, this.used));
      this.arena = grown;
    }
    this.arena.set(buffer.subarray(start, end), this.used);
    const at = slot * SLOT;
    table[at] = hash;
    table[at + 1] = this.used;
    table[at + 2] = length;
    const index = this.strings.length;
    this.strings.push(text);
    table[at + 3] = index + 1;
    this.used += length;
    if (this.strings.length * 2 > mask) this.grow();
    return text;
  }

  private grow(): void {
    const old = this.table;
    const capacity = (this.mask + 1) * 2;
    this.mask = capacity - 1;
    this.table = new Int32Array(capacity * SLOT);
    for (let at = 0; at < old.length; at += SLOT) {
      if (old[at + 3] === 0) continue;
      let slot = (old[at] as number) & this.mask;
      while (this.table[slot * SLOT + 3] !== 0) slot = (slot + 1) & this.mask;
      this.table.set(old.subarray(at, at + SLOT), slot * SLOT);
    }
  }
}
