/**
 * The CSV scanner's working memory and its index: the bytes being scanned, and the positions of
 * every comma, line feed and quote among them, found sixteen bytes at a time by a small
 * WebAssembly SIMD module (special-bytes.wat). Where WebAssembly is missing (`node --jitless`) the
 * same positions come from a plain loop, so results never depend on which one ran.
 */
import { SPECIAL_BYTES_WASM } from "./special-bytes-wasm.js";
import { wasmModule } from "./wasm-module.js";

const COMMA = 44;
const LF = 10;
const QUOTE = 34;
const PAGE = 65_536;
/** The index reads up to 15 bytes past the data's end. */
const PADDING = 16;

interface IndexExports {
  readonly memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  index(start: number, end: number, out: number): number;
}

const specialBytesModule = wasmModule<IndexExports>(SPECIAL_BYTES_WASM);

/** Positions of the special bytes of `bytes[start, end)`, written from `positions[0]`: the fallback. */
export function indexSpecialBytes(
  bytes: Uint8Array,
  start: number,
  end: number,
  positions: Int32Array,
): number {
  let count = 0;
  for (let at = start; at < end; at++) {
    const byte = bytes[at] as number;
    if (byte === COMMA || byte === LF || byte === QUOTE) positions[count++] = at;
  }
  return count;
}

/**
 * One index's memory, reused by every scan in the process: a scan is synchronous, so scanners take
 * turns (`acquire` hands a private index to a scan that starts inside another's callback).
 */
let shared: SpecialByteIndex | undefined;
let isSharedBusy = false;

/** An index with room for `capacity` data bytes, for one synchronous scan; `release` it after. */
export function acquireIndex(capacity: number): SpecialByteIndex {
  if (isSharedBusy) return new SpecialByteIndex(capacity);
  shared ??= new SpecialByteIndex(capacity);
  shared.reserve(capacity);
  isSharedBusy = true;
  return shared;
}

export function releaseIndex(index: SpecialByteIndex): void {
  if (index === shared) isSharedBusy = false;
}

export class SpecialByteIndex {
  private readonly exports: IndexExports | undefined;
  private memory: ArrayBuffer;
  /** Bytes the data region can hold; the positions follow it (4 bytes per data byte at worst). */
  private capacity = 0;
  private positionsAt = 0;
  /** The data region, `capacity` bytes (views are remade when the memory grows). */
  bytes: Uint8Array = new Uint8Array(0);
  /** Every position of the last `index()`, from 0. */
  positions: Int32Array = new Int32Array(0);

  constructor(capacity: number, useWasm = true) {
    const exports = useWasm ? specialBytesModule() : null;
    if (exports !== null) {
      this.exports = exports;
      this.memory = exports.memory.buffer;
    } else {
      this.memory = new ArrayBuffer(0);
    }
    this.reserve(capacity);
  }

  /** Whether the positions come from the WebAssembly module. */
  get isWasm(): boolean {
    return this.exports !== undefined;
  }

  /** Make room for `capacity` data bytes, keeping the data already there. */
  reserve(capacity: number): void {
    if (capacity <= this.capacity) return;
    const positionsAt = (capacity + PADDING + 3) & ~3;
    const needed = positionsAt + capacity * 4;
    if (this.exports !== undefined) {
      const memory = this.exports.memory;
      if (memory.buffer.byteLength < needed)
        memory.grow(Math.ceil((needed - memory.buffer.byteLength) / PAGE));
      this.memory = memory.buffer;
    } else {
      const grown = new ArrayBuffer(needed);
      new Uint8Array(grown).set(new Uint8Array(this.memory, 0, this.capacity));
      this.memory = grown;
    }
    this.capacity = capacity;
    this.positionsAt = positionsAt;
    this.bytes = new Uint8Array(this.memory, 0, capacity);
    this.positions = new Int32Array(this.memory, positionsAt, capacity);
  }

  /** Index `bytes[start, end)` into `positions` (from 0); returns how many special bytes there are. */
  index(start: number, end: number): number {
    if (this.exports !== undefined) return this.exports.index(start, end, this.positionsAt);
    return indexSpecialBytes(this.bytes, start, end, this.positions);
  }

  /** A Buffer view of `bytes[0, end)` (no copy), for decoding and `indexOf`. */
  view(end: number): Buffer {
    return Buffer.from(this.memory, 0, end);
  }
}
