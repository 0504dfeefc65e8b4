/**
 * Strings from byte ranges without a new string per row: a sender or gift name that repeats (they
 * do, millions of times) is looked up by its bytes and the first string made for it is returned.
 * Bounded: past `limit` distinct keys, new keys are decoded but not kept.
 */

export class ByteInterner {
  private mask: number;
  private hashes: Int32Array;
  private offsets: Int32Array;
  private lengths: Int32Array;
  private strings: (string | undefined)[];
  private arena: Buffer;
  private used = 0;
  private size = 0;
  private readonly limit: number;

  constructor(limit = 1 << 20) {
    this.limit = limit;
    this.mask = (1 << 12) - 1;
    this.hashes = new Int32Array(this.mask + 1);
    this.offsets = new Int32Array(this.mask + 1);
    this.lengths = new Int32Array(this.mask + 1);
    this.strings = new Array(this.mask + 1);
    this.arena = Buffer.allocUnsafe(1 << 16);
  }

  /** The string for `buffer[start, end)`, decoded as UTF-8. */
  get(buffer: Buffer, start: number, end: number): string {
    const length = end - start;
    let hash = 0x811c9dc5 | 0;
    let isAscii = true;
    for (let i = start; i < end; i++) {
      const byte = buffer[i] as number;
      if (byte > 0x7f) isAscii = false;
      hash = Math.imul(hash ^ byte, 0x01000193);
    }
    const { hashes, offsets, lengths, strings, arena, mask } = this;
    let slot = hash & mask;
    for (;;) {
      const found = strings[slot];
      if (found === undefined) break;
      if (hashes[slot] === hash && lengths[slot] === length) {
        const offset = offsets[slot] as number;
        let same = true;
        for (let i = 0; i < length; i++) {
          if (arena[offset + i] !== buffer[start + i]) {
            same = false;
            break;
          }
        }
        if (same) return found;
      }
      slot = (slot + 1) & mask;
    }
    const text = isAscii ? buffer.toString("latin1", start, end) : buffer.toString("utf8", start, end);
    if (this.size >= this.limit) return text;
    if (this.used + length > this.arena.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.arena.length * 2, this.used + length));
      this.arena.copy(grown, 0, 0, this.used);
      this.arena = grown;
    }
    buffer.copy(this.arena, this.used, start, end);
    hashes[slot] = hash;
    offsets[slot] = this.used;
    lengths[slot] = length;
    strings[slot] = text;
    this.used += length;
    this.size++;
    if (this.size * 2 > mask) this.grow();
    return text;
  }

  private grow(): void {
    const { hashes, offsets, lengths, strings } = this;
    const capacity = (this.mask + 1) * 2;
    this.mask = capacity - 1;
    this.hashes = new Int32Array(capacity);
    this.offsets = new Int32Array(capacity);
    this.lengths = new Int32Array(capacity);
    this.strings = new Array(capacity);
    for (let old = 0; old < strings.length; old++) {
      const text = strings[old];
      if (text === undefined) continue;
      let slot = (hashes[old] as number) & this.mask;
      while (this.strings[slot] !== undefined) slot = (slot + 1) & this.mask;
      this.hashes[slot] = hashes[old] as number;
      this.offsets[slot] = offsets[old] as number;
      this.lengths[slot] = lengths[old] as number;
      this.strings[slot] = text;
    }
  }
}
