/**
 * The senders of a CSV log, by the bytes of their id: for each, its id as a string and the name it
 * had on its last row. A row's sender costs one hash of its id, a look at one slot of the hash
 * table and at one 64-byte entry that holds the id's and the name's bytes, and one at the pair of
 * strings; no string is made unless the sender is new or renamed. Entries are dense, in the order
 * senders first came, so the busiest senders (who come first) share a few cache lines: with ~50k
 * senders the whole is far bigger than the CPU's caches, and the old way (an id interner, then the
 * sender's last name in a name interner) looked at ~7 places per row for a sender not seen lately.
 */

/** Int32s per entry: id length, name length, two unused, then the id's bytes and the name's. */
const ENTRY = 16;
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
  /** Open addressing, linear probing: per slot the id's hash and the sender index + 1 (0: empty). */
  private slots = new Int32Array((this.mask + 1) * 2);
  /** By sender index (see ENTRY). */
  private entries = new Int32Array(1 << 10);
  private entryBytes = new Uint8Array(this.entries.buffer);
  /** By sender index: [2i] its id, [2i + 1] its last name (null for none), side by side. */
  private readonly strings: (string | null)[] = [];
  /** By sender index: where the rest of an id, or of a name, too long for its entry is in the arena. */
  private spills = new Int32Array(1 << 8);
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
    let hash = 0x811c9dc5 | 0;
    for (let i = idStart; i < idEnd; i++) hash = Math.imul(hash ^ (buffer[i] as number), 0x01000193);
    const { slots, mask } = this;
    let slot = hash & mask;
    for (;;) {
      const index = (slots[slot * 2 + 1] as number) - 1;
      if (index < 0) break;
      if (slots[slot * 2] === hash && this.holdsId(index, buffer, idStart, idEnd)) {
        this.index = index;
        if (!this.holdsName(index, buffer, nameStart, nameEnd)) {
          this.rename(index, buffer, nameStart, nameEnd, isNameEscaped);
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

  private holdsId(index: number, buffer: Buffer, start: number, end: number): boolean {
    const length = end - start;
    if (this.entries[index * ENTRY] !== length) return false;
    return this.holdsBytes(
      index * ENTRY * 4 + ID_AT,
      ID_BYTES,
      this.spills[index * 2] as number,
      buffer,
      start,
      end,
    );
  }

  private holdsName(index: number, buffer: Buffer, start: number, end: number): boolean {
    if (this.entries[index * ENTRY + 1] !== end - start) return false;
    const spill = this.spills[index * 2 + 1] as number;
    return this.holdsBytes(index * ENTRY * 4 + NAME_AT, NAME_BYTES, spill, buffer, start, end);
  }

  /**
   * Does the entry's room from `from` (`room` bytes, the rest in the arena at `spill`) hold
   * `buffer[start, end)`?
   */
  private holdsBytes(
    from: number,
    room: number,
    spill: number,
    buffer: Buffer,
    start: number,
    end: number,
  ): boolean {
    const entryBytes = this.entryBytes;
    const length = end - start;
    const inEntry = Math.min(length, room);
    for (let i = 0; i < inEntry; i++) if (entryBytes[from + i] !== buffer[start + i]) return false;
    if (length <= room) return true;
    const arena = this.arena;
    for (let i = room; i < length; i++) if (arena[spill + i - room] !== buffer[start + i]) return false;
    return true;
  }

  /** Keep `buffer[start, end)`: its first `room` bytes in the entry from `from`, the rest in the arena. */
  private keepBytes(from: number, room: number, buffer: Buffer, start: number, end: number): number {
    const entryBytes = this.entryBytes;
    const length = end - start;
    const inEntry = Math.min(length, room);
    for (let i = 0; i < inEntry; i++) entryBytes[from + i] = buffer[start + i] as number;
    if (length <= room) return 0;
    const rest = length - room;
    if (this.used + rest > this.arena.length) {
      const grown = new Uint8Array(Math.max(this.arena.length * 2, this.used + rest));
      grown.set(this.arena.subarray(0, this.used));
      this.arena = grown;
    }
    const offset = this.used;
    for (let i = 0; i < rest; i++) this.arena[offset + i] = buffer[start + room + i] as number;
    this.used += rest;
    return offset;
  }

  /** A sender's name is not the one of its last row: keep this one. */
  private rename(index: number, buffer: Buffer, start: number, end: number, isEscaped: boolean): void {
    this.strings[index * 2 + 1] = start === end ? null : decode(buffer, start, end, isEscaped);
    this.keepName(index, buffer, start, end);
  }

  /** Keep the bytes of a sender's name, to check the next row's against. */
  private keepName(index: number, buffer: Buffer, start: number, end: number): void {
    this.entries[index * ENTRY + 1] = end - start;
    this.spills[index * 2 + 1] = this.keepBytes(index * ENTRY * 4 + NAME_AT, NAME_BYTES, buffer, start, end);
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
    if ((index + 1) * ENTRY > this.entries.length) {
      const grown = new Int32Array(this.entries.length * 2);
      grown.set(this.entries);
      this.entries = grown;
      this.entryBytes = new Uint8Array(grown.buffer);
    }
    if (index * 2 + 2 > this.spills.length) {
      const grown = new Int32Array(this.spills.length * 2);
      grown.set(this.spills);
      this.spills = grown;
    }
    this.slots[slot * 2] = hash;
    this.slots[slot * 2 + 1] = index + 1;
    this.entries[index * ENTRY] = idEnd - idStart;
    this.spills[index * 2] = this.keepBytes(index * ENTRY * 4 + ID_AT, ID_BYTES, buffer, idStart, idEnd);
    this.strings.push(id, this.name);
    this.keepName(index, buffer, nameStart, nameEnd);
    this.index = index;
    if (this.count * 2 > this.mask) this.grow();
  }

  private grow(): void {
    const old = this.slots;
    const capacity = (this.mask + 1) * 2;
    this.mask = capacity - 1;
    this.slots = new Int32Array(capacity * 2);
    for (let at = 0; at < old.length; at += 2) {
      if (old[at + 1] === 0) continue;
      let slot = (old[at] as number) & this.mask;
      while (this.slots[slot * 2 + 1] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot * 2] = old[at] as number;
      this.slots[slot * 2 + 1] = old[at + 1] as number;
    }
  }
}

/** V.sender of a row whose sender the scan thread did not number: the reader reads it from the bytes. */
export const NO_SENDER_NUMBER = -1;

/** What the scan thread says of a row's sender besides its number (ScanRows.sender's low two bits). */
export const SENDER_SAME = 0;
export const SENDER_NEW = 1;
export const SENDER_RENAMED = 2;

/**
 * The senders the scan thread numbered (scan-rows.wat), by number: each one's id and the name it
 * had on its last row, as strings. The thread compares the bytes; here a string is made only for a
 * new sender or a new name, and a row's sender is otherwise two array reads.
 */
export class NumberedSenders {
  /** By number: [2n] the id, [2n + 1] the last name (null for none). */
  private readonly strings: (string | null)[] = [];
  /** The last `find`'s sender number (a record's `senderKey`), or -1 when it has none. */
  index = -1;
  /** The last `find`'s sender name: null when the row has none. */
  name: string | null = null;

  /** As `find`, for a sender the thread says is known and named as on its last row (SENDER_SAME). */
  known(number: number): string {
    const index = number >> 2;
    this.index = index;
    this.name = this.strings[index * 2 + 1] as string | null;
    return this.strings[index * 2] as string;
  }

  /**
   * The sender of a row whose id is `buffer[idStart, idEnd)` (not blank), named
   * `buffer[nameStart, nameEnd)`, which the thread numbered `number` (ScanRows.sender; -1: not
   * numbered, read from the bytes): its id; `index` and `name` tell the rest.
   */
  find(
    number: number,
    buffer: Buffer,
    idStart: number,
    idEnd: number,
    isIdEscaped: boolean,
    nameStart: number,
    nameEnd: number,
    isNameEscaped: boolean,
  ): string {
    const strings = this.strings;
    if (number < 0) {
      this.index = -1;
      this.name = nameStart === nameEnd ? null : decode(buffer, nameStart, nameEnd, isNameEscaped);
      return decode(buffer, idStart, idEnd, isIdEscaped);
    }
    const index = number >> 2;
    const news = number & 3;
    if (news !== SENDER_SAME) {
      const name = nameStart === nameEnd ? null : decode(buffer, nameStart, nameEnd, isNameEscaped);
      if (news === SENDER_RENAMED) strings[index * 2 + 1] = name;
      else if (index * 2 === strings.length) strings.push(decode(buffer, idStart, idEnd, isIdEscaped), name);
      else throw new Error(`the scan thread numbered sender ${index} after ${strings.length / 2} senders`);
    }
    return this.known(number);
  }
}
