/**
 * A map keyed by whole-number ids (0 ≤ id < 2^53), the 13-digit group and message ids of TikTok
 * logs. A `Map` boxes such a key into a fresh heap number on every lookup and holds an entry object
 * per id; here keys sit in a Float64Array, so lookups, inserts and deletes allocate nothing.
 * Open addressing with linear probing; a delete shifts the rest of its cluster back instead of
 * leaving a tombstone, so a table through which millions of streaks pass stays as small as the
 * streaks open at once.
 */

/** Marks an empty slot: no id is negative. */
const EMPTY = -1;
const TWO_TO_32 = 4_294_967_296;

/** Is `value` a key an IdMap takes (a whole number from 0 to 2^53 − 1)? */
export function isWholeId(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

export class IdMap<V> {
  private keys: Float64Array;
  private values: (V | undefined)[];
  private mask: number;
  private count = 0;

  constructor(capacity = 16) {
    let slots = 8;
    while (slots < capacity * 2) slots *= 2;
    this.mask = slots - 1;
    this.keys = new Float64Array(slots).fill(EMPTY);
    this.values = new Array<V | undefined>(slots).fill(undefined);
  }

  get size(): number {
    return this.count;
  }

  /** The value kept for `id`, or undefined. `id` must be a whole id (see `isWholeId`). */
  get(id: number): V | undefined {
    const { keys, mask } = this;
    let slot = home(id, mask);
    for (;;) {
      const key = keys[slot] as number;
      if (key === id) return this.values[slot];
      if (key === EMPTY) return undefined;
      slot = (slot + 1) & mask;
    }
  }

  has(id: number): boolean {
    return this.get(id) !== undefined;
  }

  /** Keep `value` (never undefined) for `id`, replacing what was kept. */
  set(id: number, value: V): void {
    const { keys, mask } = this;
    let slot = home(id, mask);
    for (;;) {
      const key = keys[slot] as number;
      if (key === id) {
        this.values[slot] = value;
        return;
      }
      if (key === EMPTY) break;
      slot = (slot + 1) & mask;
    }
    keys[slot] = id;
    this.values[slot] = value;
    this.count++;
    // At most half full: probes stay short.
    if (this.count * 2 > mask) this.grow();
  }

  /** Forget `id`; true when it was kept. */
  delete(id: number): boolean {
    const { keys, values, mask } = this;
    let hole = home(id, mask);
    for (;;) {
      const key = keys[hole] as number;
      if (key === id) break;
      if (key === EMPTY) return false;
      hole = (hole + 1) & mask;
    }
    // Move back every later entry of the cluster whose home is not between the hole and itself.
    let slot = hole;
    for (;;) {
      slot = (slot + 1) & mask;
      const key = keys[slot] as number;
      if (key === EMPTY) break;
      const want = home(key, mask);
      const stays = hole <= slot ? hole < want && want <= slot : hole < want || want <= slot;
      if (stays) continue;
      keys[hole] = key;
      values[hole] = values[slot];
      hole = slot;
    }
    keys[hole] = EMPTY;
    values[hole] = undefined;
    this.count--;
    return true;
  }

  /** Every id and its value, in no particular order. */
  *entries(): Generator<[number, V]> {
    const { keys, values } = this;
    for (let slot = 0; slot < keys.length; slot++) {
      const key = keys[slot] as number;
      if (key !== EMPTY) yield [key, values[slot] as V];
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
    const slots = oldKeys.length * 2;
    this.mask = slots - 1;
    this.keys = new Float64Array(slots).fill(EMPTY);
    this.values = new Array<V | undefined>(slots).fill(undefined);
    for (let old = 0; old < oldKeys.length; old++) {
      const key = oldKeys[old] as number;
      if (key === EMPTY) continue;
      let slot = home(key, this.mask);
      while (this.keys[slot] !== EMPTY) slot = (slot + 1) & this.mask;
      this.keys[slot] = key;
      this.values[slot] = oldValues[old];
    }
  }
}

/** The slot an id hashes to: both 32-bit halves mixed, so consecutive ids spread out. */
function home(id: number, mask: number): number {
  const low = id >>> 0;
  const high = (id / TWO_TO_32) | 0;
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
