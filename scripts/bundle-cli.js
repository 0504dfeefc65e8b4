#!/usr/bin/env node
// After `tsc`: bundle the CLI (dist/cli/main.js and everything it imports, commander included) into
// dist/bin/, so start-up loads a handful of files instead of ~40 modules. Lazily imported parts
// (each command's action, the file parsers) stay separate chunks, loaded only when used. The
// chunks sit at the same depth as dist/cli/ and dist/io/, so `new URL("../data/…", import.meta.url)`
// and `../../package.json` resolve as they do unbundled. The library (dist/index.js) is not bundled.
//
// The chunks are CommonJS (dist/bin/package.json says so, as bin/package.json does for the bin):
// Node 20 loads them ~10 ms sooner than the same code as ES modules, whose loader resolves, links
// and evaluates each file through promises (measured on `estimate lion=1` and `--help`). chalk,
// the one ES-module-only dependency, stays a dynamic import().
import { writeFile } from "node:fs/promises";
import { build, rolldown } from "rolldown";

// commander requires node:child_process (~3 ms to load, with net and dgram) for executable
// subcommands, which gift-calc has none of: it is required only if one is ever spawned.
const CHILD_PROCESS = "const childProcess = require('node:child_process');";
const lazyChildProcess = {
  name: "lazy-child-process",
  transform(code, id) {
    if (!/[\\/]commander[\\/]lib[\\/]command\.js$/.test(id)) return undefined;
    if (!code.includes(CHILD_PROCESS)) throw new Error(`${id}: no "${CHILD_PROCESS}" to make lazy`);
    return code.replace(
      CHILD_PROCESS,
      "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };",
    );
  },
};

await build({
  // log-thread.js is an entry too: the bin imports it first for a large log's head start, and the
  // CLI's own import of it is then the same module (one thread, taken over).
  input: { main: "dist/cli/main.js", "log-thread": "dist/cli/actions/log-thread.js" },
  platform: "node",
  // The heavy dependencies stay in node_modules, imported lazily by the chunks that need them (and
  // visible there to the test that checks the main job never loads them); commander and big.js,
  // which every run needs, are bundled.
  external: ["yaml", "zod", "chalk", "cli-table3"],
  logLevel: "warn",
  plugins: [lazyChildProcess],
  output: { dir: "dist/bin", format: "cjs", cleanDir: true },
});
await writeFile("dist/bin/package.json", `${JSON.stringify({ type: "commonjs" })}\n`);

// The log scan thread's entry, one CommonJS file: a worker boots ~7 ms sooner without the ES
// module loader, and its first batch is what a large log's estimate waits for. scan-thread.ts
// finds it as ./csv-scan-worker.cjs beside itself, so it is written beside the bundled chunks
// (dist/bin/) and beside the unbundled library (dist/io/log/).
const worker = await rolldown({
  input: "dist/io/log/csv-scan-worker.js",
  platform: "node",
  logLevel: "warn",
});
for (const dir of ["dist/bin", "dist/io/log"]) {
  await worker.write({ file: `${dir}/csv-scan-worker.cjs`, format: "cjs" });
}
await worker.close();
