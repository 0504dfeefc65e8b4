#!/usr/bin/env node
// `npm run bench`: every bench/*.bench.js in name order, or only those named on the command line
// (`npm run bench -- startup`). Each prints its figures beside a baseline measured in the same run.
import { readdirSync } from "node:fs";
import { EXTRA_CA_CERTS } from "./lib.js";

const wanted = process.argv.slice(2);
const files = readdirSync(new URL("./", import.meta.url))
  .filter((name) => name.endsWith(".bench.js"))
  .filter((name) => wanted.length === 0 || wanted.some((word) => name.includes(word)))
  .sort();
console.log(`gift-calc benchmarks — node ${process.version}, ${new Date().toISOString()}`);
if (EXTRA_CA_CERTS !== undefined) {
  console.log(
    `NODE_EXTRA_CA_CERTS is set (${EXTRA_CA_CERTS}): commands are measured without it (see bench/lib.js)`,
  );
}
for (const file of files) {
  const { default: bench } = await import(new URL(file, import.meta.url));
  await bench();
}
