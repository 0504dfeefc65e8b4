/**
 * A map keyed by whole-number ids (0 ≤ id < 2^53), the 13-digit group and message ids of TikTok
 * logs. A `Map` boxes such a key into a fresh heap number on every lookup and holds an entry object
 * per id. Here an id goes in and out as its two 32-bit halves (`highOf`, `lowOf`): small integers,
 * which V8 passes between functions unboxed, where a 13-digit number is boxed at every call that is
 * not inlined. Keys sit in an Int32Array, so lookups, inserts and deletes allocate nothing.
 * Open addressing with linear probing; a delete shifts the rest of its cluster back instead of
 * leaving a tombstone, so a table through which millions of streaks pass stays as small as the
 * streaks open at once.
 */

/** Marks an empty slot in the high halves: no id's is negative. */
const EMPTY = -1;
const TWO_TO_32 = 4_294_967_296;

/** Is `value` a key an IdMap takes (a whole number from 0 to 2^53 − 1)? */
export function isWholeId(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

/** The high 21 bits of a whole id. */
export function highOf(id: number): number {
  return (id / TWO_TO_32) | 0;
}

/** The low 32 bits of a whole id, as a signed 32-bit integer. */
export function lowOf(id: number): number {
  return id | 0;
}

/** The whole id with these halves. */
export function idOf(high: number, low: number): number {
  return high * TWO_TO_32 + (low >>> 0);
}

export class IdMap<V> {
  /** By slot: the key's high half (EMPTY: no key), then its low half. */
  private keys: Int32Array;
  private values: (V | undefined)[];
  private mask: number;
  private count = 0;

  constructor(capacity = 16) {
    let slots = 8;
    while (slots < capacity * 2) slots *= 2;
    this.mask = slots - 1;
    this.keys = new Int32Array(slots * 2).fill(EMPTY);
    this.values = new Array<V | undefined>(slots).fill(undefined);
  }

  get size(): number {
    return this.count;
  }

  /** The value kept for the id with these halves, or undefined. */
  get(high: number, low: number): V | undefined {
    const { keys, mask } = this;
    let slot = home(high, low, mask);
    for (;;) {
      const keyHigh = keys[slot * 2] as number;
      if (keyHigh === high && keys[slot * 2 + 1] === low) return this.values[slot];
      if (keyHigh === EMPTY) return undefined;
      slot = (slot + 1) & mask;
    }
  }

  has(high: number, low: number): boolean {
    return this.get(high, low) !== undefined;
  }

  /** Keep `value` (never undefined) for the id with these halves, replacing what was kept. */
  set(high: number, low: number, value: V): void {
    const { keys, mask } = this;
    let slot = home(high, low, mask);
    for (;;) {
      const keyHigh = keys[slot * 2] as number;
      if (keyHigh === high && keys[slot * 2 + 1] === low) {
        this.values[slot] = value;
        return;
      }
      if (keyHigh === EMPTY) break;
      slot = (slot + 1) & mask;
    }
    keys[slot * 2] = high;
    keys[slot * 2 + 1] = low;
    this.values[slot] = value;
    this.count++;
    // At most half full: probes stay short.
    if (this.count * 2 > mask) this.grow();
  }

  /** Forget the id with these halves; true when it was kept. */
  delete(high: number, low: number): boolean {
    const { keys, values, mask } = this;
    let hole = home(high, low, mask);
    for (;;) {
      const keyHigh = keys[hole * 2] as number;
      if (keyHigh === high && keys[hole * 2 + 1] === low) break;
      if (keyHigh === EMPTY) return false;
      hole = (hole + 1) & mask;
    }
    // Move back every later entry of the cluster whose home is not between the hole and itself.
    let slot = hole;
    for (;;) {
      slot = (slot + 1) & mask;
      const keyHigh = keys[slot * 2] as number;
      if (keyHigh === EMPTY) break;
      const keyLow = keys[slot * 2 + 1] as number;
      const want = home(keyHigh, keyLow, mask);
      const stays = hole <= slot ? hole < want && want <= slot : hole < want || want <= slot;
      if (stays) continue;
      keys[hole * 2] = keyHigh;
      keys[hole * 2 + 1] = keyLow;
      values[hole] = values[slot];
      hole = slot;
    }
    keys[hole * 2] = EMPTY;
    values[hole] = undefined;
    this.count--;
    return true;
  }

  /** Every id and its value, in no particular order. */
  *entries(): Generator<[number, V]> {
    const { keys, values } = this;
    for (let slot = 0; slot < values.length; slot++) {
      const high = keys[slot * 2] as number;
      if (high !== EMPTY) yield [idOf(high, keys[slot * 2 + 1] as number), values[slot] as V];
    }
  }

  clear(): void {
    this.keys.fill(EMPTY);
    this.values.fill(undefined);
    this.count = 0;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    const slots = oldValues.length * 2;
    this.mask = slots - 1;
    this.keys = new Int32Array(slots * 2).fill(EMPTY);
    this.values = new Array<V | undefined>(slots).fill(undefined);
    for (let old = 0; old < oldValues.length; old++) {
      const high = oldKeys[old * 2] as number;
      if (high === EMPTY) continue;
      const low = oldKeys[old * 2 + 1] as number;
      let slot = home(high, low, this.mask);
      while (this.keys[slot * 2] !== EMPTY) slot = (slot + 1) & this.mask;
      this.keys[slot * 2] = high;
      this.keys[slot * 2 + 1] = low;
      this.values[slot] = oldValues[old];
    }
  }
}

/** The slot an id hashes to: both halves mixed, so consecutive ids spread out. */
function home(high: number, low: number, mask: number): number {
  let hash = Math.imul(low ^ Math.imul(high, 0x27d4eb2d), 0x9e3779b1);
  hash ^= hash >>> 15;
  return hash & mask;
}

/**
 * The whole id a text spells in canonical decimal (no sign, no leading zero), else -1: ids that
 * come as text (JSON logs) then share keys with ids read as numbers, exactly when their texts agree.
 */
export function wholeIdOfText(text: string): number {
  const length = text.length;
  if (length === 0 || length > 16 || (length > 1 && text.charCodeAt(0) === 48)) return -1;
  let value = 0;
  for (let i = 0; i < length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return Number.isSafeInteger(value) ? value : -1;
}
