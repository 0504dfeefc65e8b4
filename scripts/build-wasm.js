#!/usr/bin/env node
// Assemble src/io/log/special-bytes.wat into src/io/log/special-bytes-wasm.ts (the module's bytes as
// base64), so the scanner loads it from source, compiled output and bundle alike, with no file to
// find at run time. The generated file is committed; a test fails when it is not the assembled .wat.
// Usage: node scripts/build-wasm.js [--check]
import { readFile, writeFile } from "node:fs/promises";
import { assembleSpecialBytes, SPECIAL_BYTES_TS, specialBytesModuleText } from "./wasm.js";

const root = new URL("../", import.meta.url);
const wasm = await assembleSpecialBytes();
const text = specialBytesModuleText(wasm);
const target = new URL(SPECIAL_BYTES_TS, root);
if (process.argv.includes("--check")) {
  const current = await readFile(target, "utf8").catch(() => "");
  if (current !== text) {
    console.error(`${SPECIAL_BYTES_TS} is not the assembled .wat: run node scripts/build-wasm.js`);
    process.exit(1);
  }
} else {
  await writeFile(target, text);
  console.log(`${SPECIAL_BYTES_TS}: ${wasm.length} bytes of WebAssembly`);
}
