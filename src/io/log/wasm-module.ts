/**
 * Loading the log scanner's WebAssembly modules (special-bytes.wat, scan-rows.wat), carried as
 * base64 in generated files: each is compiled once per process, and is absent (null) where
 * WebAssembly or its SIMD instructions are (`node --jitless`), so callers fall back to JavaScript.
 */

/** The little of the WebAssembly API used here (Node's types leave it out; `--jitless` leaves it out too). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: unknown };
}

/** A module's exports, each time a new instance (its own memory); null where WebAssembly is missing. */
export function wasmModule<Exports>(base64: string): () => Exports | null {
  let compiled: object | null | undefined;
  return () => {
    const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
    if (compiled === undefined) {
      try {
        compiled = api === undefined ? null : new api.Module(Buffer.from(base64, "base64"));
      } catch {
        compiled = null;
      }
    }
    if (compiled === null || api === undefined) return null;
    return new api.Instance(compiled, {}).exports as Exports;
  };
}
