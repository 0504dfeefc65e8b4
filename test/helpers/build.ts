/**
 * vitest globalSetup: the end-to-end tests spawn bin/gift-calc.js, which runs dist/. Build first
 * when dist/ is missing or older than any source or data file, so `npm test` is right on a clean
 * clone and after an edit, and costs nothing when dist/ is fresh.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const OUTPUTS = [
  "dist/bin/main.js",
  "dist/cli/main.js",
  "dist/index.js",
  "dist/data/gift-catalog.json",
  "dist/data/defaults.json",
];

function newest(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

export function isBuildStale(): boolean {
  const outputs = OUTPUTS.map((file) => join(ROOT, file));
  if (!outputs.every(existsSync)) return true;
  const built = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  const sources = ["src", "data", "scripts", "package.json", "tsconfig.json", "tsconfig.build.json"];
  return Math.max(...sources.map((name) => newest(join(ROOT, name)))) > built;
}

export default function setup(): void {
  if (!isBuildStale()) return;
  const result = spawnSync("npm", ["run", "build"], {
    cwd: ROOT,
    encoding: "utf8",
    shell: process.platform === "win32",
  });
  if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`);
}
