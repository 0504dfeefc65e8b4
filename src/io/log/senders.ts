/**
 * The senders of a CSV log, by the bytes of their id: for each, its id as a string and the name it
 * had on its last row. A row's sender costs one hash of its id and a look at one 64-byte slot that
 * holds the id's and the name's bytes, and one at the pair of strings; no string is made unless
 * the sender is new or renamed. With ~50k senders the table is far bigger than the CPU's caches,
 * and a sender not seen lately cost a cache miss at each place looked at: seven, when the id and
 * the name each went through an interner.
 */

/** Int32s per slot: hash, id length, sender index + 1 (0: empty), name length; id bytes; name bytes. */
const SLOT = 16;
const ID_AT = 4 * 4;
const ID_BYTES = 16;
const NAME_AT = 8 * 4;
const NAME_BYTES = 32;

function decode(buffer: Buffer, start: number, end: number, isEscaped: boolean): string {
  let isAscii = true;
  for (let i = start; i < end && isAscii; i++) isAscii = (buffer[i] as number) < 0x80;
  const text = isAscii ? buffer.toString("latin1", start, end) : buffer.toString("utf8", start, end);
  // A quoted CSV field's doubled quotes: the raw bytes are the key, the text has them undone.
  return isEscaped ? text.replaceAll('""', '"') : text;
}

export class SenderTable {
  private mask = (1 << 10) - 1;
  private table = new Int32Array((this.mask + 1) * SLOT);
  private slotBytes = new Uint8Array(this.table.buffer);
  /** By sender index: [2i] its id, [2i + 1] its last name (null for none), side by side. */
  private readonly strings: (string | null)[] = [];
  /** By sender index: where the rest of an id, or of a name, too long for its slot is in the arena. */
  private spills = new Int32Array(1 << 10);
  private arena = new Uint8Array(1 << 12);
  private used = 0;
  private count = 0;
  private readonly limit: number;
  /** The last `find`'s sender index (a record's `senderKey`), or -1 when past the limit. */
  index = -1;
  /** The last `find`'s sender name: null when the row has none. */
  name: string | null = null;

  constructor(limit = 1 << 20) {
    this.limit = limit;
  }

  /**
   * The sender whose id is `buffer[idStart, idEnd)` (not blank), named `buffer[nameStart, nameEnd)`
   * on this row (empty: no name): its id string; `index` and `name` tell the rest.
   */
  find(
    buffer: Buffer,
    idStart: number,
    idEnd: number,
    isIdEscaped: boolean,
    nameStart: number,
    nameEnd: number,
    isNameEscaped: boolean,
  ): string {
    const idLength = idEnd - idStart;
    let hash = 0x811c9dc5 | 0;
    for (let i = idStart; i < idEnd; i++) hash = Math.imul(hash ^ (buffer[i] as number), 0x01000193);
    const { table, mask } = this;
    let slot = hash & mask;
    for (;;) {
      const at = slot * SLOT;
      const index = (table[at + 2] as number) - 1;
      if (index < 0) break;
      if (
        table[at] === hash &&
        table[at + 1] === idLength &&
        this.holdsId(at, index, buffer, idStart, idLength)
      ) {
        this.index = index;
        if (!this.holdsName(at, index, buffer, nameStart, nameEnd)) {
          this.rename(at, index, buffer, nameStart, nameEnd, isNameEscaped);
        }
        this.name = this.strings[index * 2 + 1] as string | null;
        return this.strings[index * 2] as string;
      }
      slot = (slot + 1) & mask;
    }
    const id = decode(buffer, idStart, idEnd, isIdEscaped);
    this.name = nameStart === nameEnd ? null : decode(buffer, nameStart, nameEnd, isNameEscaped);
    this.index = -1;
    if (this.count >= this.limit) return id;
    this.add(slot, hash, buffer, idStart, idEnd, nameStart, nameEnd, id);
    return id;
  }

  private holdsId(at: number, index: number, buffer: Buffer, start: number, length: number): boolean {
    const slotBytes = this.slotBytes;
    const from = at * 4 + ID_AT;
    const inSlot = Math.min(length, ID_BYTES);
    for (let i = 0; i < inSlot; i++) if (slotBytes[from + i] !== buffer[start + i]) return false;
    if (length <= ID_BYTES) return true;
    const arena = this.arena;
    const offset = (this.spills[index * 2] as number) - ID_BYTES;
    for (let i = ID_BYTES; i < length; i++) if (arena[offset + i] !== buffer[start + i]) return false;
    return true;
  }

  private holdsName(at: number, index: number, buffer: Buffer, start: number, end: number): boolean {
    const length = end - start;
    if (this.table[at + 3] !== length) return false;
    const slotBytes = this.slotBytes;
    const from = at * 4 + NAME_AT;
    const inSlot = Math.min(length, NAME_BYTES);
    for (let i = 0; i < inSlot; i++) if (slotBytes[from + i] !== buffer[start + i]) return false;
    if (length <= NAME_BYTES) return true;
    const arena = this.arena;
    const offset = (this.spills[index * 2 + 1] as number) - NAME_BYTES;
    for (let i = NAME_BYTES; i < length; i++) if (arena[offset + i] !== buffer[start + i]) return false;
    return true;
  }

  /** Keep `buffer[start, end)` in the arena; where it went. */
  private spill(buffer: Buffer, start: number, end: number): number {
    const length = end - start;
    if (this.used + length > this.arena.length) {
      const grown = new Uint8Array(Math.max(this.arena.length * 2, this.used + length));
      grown.set(this.arena.subarray(0, this.used));
      this.arena = grown;
    }
    const offset = this.used;
    for (let i = 0; i < length; i++) this.arena[offset + i] = buffer[start + i] as number;
    this.used += length;
    return offset;
  }

  /** A sender's name is not the one of its last row: keep this one. */
  private rename(
    at: number,
    index: number,
    buffer: Buffer,
    start: number,
    end: number,
    isEscaped: boolean,
  ): void {
    this.strings[index * 2 + 1] = start === end ? null : decode(buffer, start, end, isEscaped);
    this.keepName(at, index, buffer, start, end);
  }

  /** Keep the bytes of a sender's name, to check the next row's against. */
  private keepName(at: number, index: number, buffer: Buffer, start: number, end: number): void {
    const length = end - start;
    this.table[at + 3] = length;
    const slotBytes = this.slotBytes;
    const from = at * 4 + NAME_AT;
    const inSlot = Math.min(length, NAME_BYTES);
    for (let i = 0; i < inSlot; i++) slotBytes[from + i] = buffer[start + i] as number;
    if (length > NAME_BYTES) this.spills[index * 2 + 1] = this.spill(buffer, start + NAME_BYTES, end);
  }

  private add(
    slot: number,
    hash: number,
    buffer: Buffer,
    idStart: number,
    idEnd: number,
    nameStart: number,
    nameEnd: number,
    id: string,
  ): void {
    const index = this.count++;
    if (index * 2 >= this.spills.length) {
      const grown = new Int32Array(this.spills.length * 2);
      grown.set(this.spills);
      this.spills = grown;
    }
    const idLength = idEnd - idStart;
    const at = slot * SLOT;
    this.table[at] = hash;
    this.table[at + 1] = idLength;
    this.table[at + 2] = index + 1;
    const slotBytes = this.slotBytes;
    const from = at * 4 + ID_AT;
    for (let i = 0; i < idLength && i < ID_BYTES; i++) slotBytes[from + i] = buffer[idStart + i] as number;
    if (idLength > ID_BYTES) this.spills[index * 2] = this.spill(buffer, idStart + ID_BYTES, idEnd);
    this.strings.push(id, this.name);
    this.keepName(at, index, buffer, nameStart, nameEnd);
    this.index = index;
    if (this.count * 2 > this.mask) this.grow();
  }

  private grow(): void {
    const old = this.table;
    const capacity = (this.mask + 1) * 2;
    this.mask = capacity - 1;
    this.table = new Int32Array(capacity * SLOT);
    this.slotBytes = new Uint8Array(this.table.buffer);
    for (let at = 0; at < old.length; at += SLOT) {
      if (old[at + 2] === 0) continue;
      let slot = (old[at] as number) & this.mask;
      while (this.table[slot * SLOT + 2] !== 0) slot = (slot + 1) & this.mask;
      this.table.set(old.subarray(at, at + SLOT), slot * SLOT);
    }
  }
}
