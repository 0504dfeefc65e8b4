#!/usr/bin/env node
// Assemble each .wat of scripts/wasm.js into its TypeScript file (the module's bytes as base64), so
// the scanner loads it from source, compiled output and bundle alike, with no file to find at run
// time. The generated files are committed; a test fails when one is not its assembled .wat.
// Usage: node scripts/build-wasm.js [--check]
import { readFile, writeFile } from "node:fs/promises";
import { assembleModule, moduleText, WASM_MODULES } from "./wasm.js";

const root = new URL("../", import.meta.url);
let isStale = false;
for (const module of WASM_MODULES) {
  const wasm = await assembleModule(module);
  const text = moduleText(module, wasm);
  const target = new URL(module.ts, root);
  if (process.argv.includes("--check")) {
    const current = await readFile(target, "utf8").catch(() => "");
    if (current !== text) {
      console.error(`${module.ts} is not the assembled .wat: run node scripts/build-wasm.js`);
      isStale = true;
    }
  } else {
    await writeFile(target, text);
    console.log(`${module.ts}: ${wasm.length} bytes of WebAssembly`);
  }
}
if (isStale) process.exit(1);
