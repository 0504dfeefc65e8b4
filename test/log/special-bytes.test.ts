import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain JavaScript build script, without types
import { assembleModule, moduleText, WASM_MODULES } from "../../scripts/wasm.js";
import {
  acquireIndex,
  indexSpecialBytes,
  releaseIndex,
  SpecialByteIndex,
} from "../../src/io/log/special-bytes.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The positions an index finds in `input`, as a plain array. */
function positionsOf(index: SpecialByteIndex, input: Uint8Array): number[] {
  index.reserve(input.length);
  index.bytes.set(input);
  const count = index.index(0, input.length);
  return [...index.positions.subarray(0, count)];
}

const bytesWithSpecials = fc
  .uint8Array({ maxLength: 200 })
  .chain((noise) =>
    fc
      .array(fc.constantFrom(44, 10, 34, 13, 97), { maxLength: 200 })
      .map((specials) =>
        Uint8Array.from([...noise, ...specials].map((byte, at) => (at % 3 === 0 ? byte : 97))),
      ),
  );

describe("special-byte index", () => {
  const modules = WASM_MODULES as { wat: string; ts: string; name: string }[];
  it.each(modules)(
    "$ts is the assembled .wat (run node scripts/build-wasm.js after editing it)",
    async (module) => {
      const committed = readFileSync(new URL(module.ts, `file://${ROOT}`), "utf8");
      expect(committed).toBe(moduleText(module, await assembleModule(module)));
    },
  );

  it("runs the WebAssembly module here", () => {
    expect(new SpecialByteIndex(64).isWasm).toBe(true);
  });

  it("finds every comma, line feed and quote, and nothing else, as the plain loop does", () => {
    const wasm = new SpecialByteIndex(16);
    const plain = new SpecialByteIndex(16, false);
    expect(plain.isWasm).toBe(false);
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 300 }), bytesWithSpecials), (input) => {
        const expected: number[] = [];
        input.forEach((byte, at) => {
          if (byte === 44 || byte === 10 || byte === 34) expected.push(at);
        });
        expect(positionsOf(wasm, input)).toEqual(expected);
        expect(positionsOf(plain, input)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it("ignores what lies past the end, whatever the length mod 16", () => {
    const index = new SpecialByteIndex(64);
    index.bytes.fill(44);
    for (let end = 0; end <= 40; end++) {
      expect(index.index(0, end)).toBe(end);
      expect(index.index(end, 40)).toBe(40 - end);
      expect(indexSpecialBytes(index.bytes, 0, end, new Int32Array(64))).toBe(end);
    }
  });

  it("keeps its data when it grows", () => {
    const index = new SpecialByteIndex(8);
    index.bytes.set([1, 2, 3, 4, 5, 6, 7, 8]);
    index.reserve(1 << 20);
    expect([...index.bytes.subarray(0, 8)]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const plain = new SpecialByteIndex(8, false);
    plain.bytes.set([1, 2, 3, 4, 5, 6, 7, 8]);
    plain.reserve(1 << 16);
    expect([...plain.bytes.subarray(0, 8)]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("gives a scan that starts inside another's callback an index of its own", () => {
    const outer = acquireIndex(16);
    const inner = acquireIndex(16);
    expect(inner).not.toBe(outer);
    releaseIndex(inner);
    releaseIndex(outer);
    const again = acquireIndex(16);
    expect(again).toBe(outer);
    releaseIndex(again);
  });

  it("gives the same estimate without WebAssembly (node --jitless)", () => {
    const log = fileURLToPath(new URL("../fixtures/logs/gift-calc-canonical.csv", import.meta.url));
    const args = ["bin/gift-calc.js", "estimate", "--log", log, "--by", "sender", "--format", "json"];
    const run = (flags: string[]) =>
      spawnSync(process.execPath, [...flags, ...args], {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1" },
      });
    const withWasm = run([]);
    const without = run(["--jitless"]);
    expect(withWasm.status).toBe(0);
    expect(without.status).toBe(0);
    expect(without.stdout).toBe(withWasm.stdout);
  });
});
