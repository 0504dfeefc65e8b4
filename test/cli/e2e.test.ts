/** A few runs of the real bin (built by test/helpers/build.ts), as a user's shell runs it. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = join(ROOT, "bin/gift-calc.js");
const ENV = { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined };

function gift(args: string[], cwd = ROOT) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd, env: ENV, encoding: "utf8" });
}

describe("bin/gift-calc.js", () => {
  it("--version", () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    const result = gift(["--version"]);
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(version);
  });

  it("estimate lion=1 rose=100 --format json", () => {
    const result = gift(["estimate", "lion=1", "rose=100", "--format", "json"]);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).payout.net).toBe("150.49");
    expect(result.stderr).toBe("");
  });

  it("a known error: one line and a hint, no stack, exit 2", () => {
    const result = gift(["estimate", "lino=1"]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe('gift-calc: error: unknown gift "lino"\n  hint: did you mean "Lion"?\n');
  });

  it("--check below the minimum exits 1", () => {
    expect(gift(["estimate", "rose=100", "--check"]).status).toBe(1);
  });

  it("exits quietly when the reader of stdout goes away (| head -1)", () => {
    // Enough output to fill the pipe after head has gone: a catalog of 3000 gifts, all tallied.
    const dir = mkdtempSync(join(tmpdir(), "gift-calc-pipe-"));
    const gifts = Array.from(
      { length: 3000 },
      (_, index) => `  - { id: ${index + 1}, name: "Gift ${index + 1}", coins: 1, streakable: false }`,
    );
    writeFileSync(join(dir, "catalog.yaml"), `source: { description: many }\ngifts:\n${gifts.join("\n")}\n`);
    writeFileSync(join(dir, "tallies.csv"), gifts.map((_, index) => `${index + 1},1`).join("\n"));
    const command = `set -o pipefail; "${process.execPath}" "${BIN}" --catalog catalog.yaml estimate --tally-file tallies.csv | head -1`;
    const result = spawnSync("bash", ["-c", command], { cwd: dir, env: ENV, encoding: "utf8" });
    expect(result.stdout).toBe("Gifts\n");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("the main job loads neither the YAML parser, zod, chalk nor cli-table3 for --format json", () => {
    // A preload that reports every ES module and CommonJS file loaded, on stderr.
    const dir = mkdtempSync(join(tmpdir(), "gift-calc-loads-"));
    writeFileSync(
      join(dir, "hooks.mjs"),
      "export async function load(url, context, next) { process.stderr.write('LOAD ' + url + '\\n'); return next(url, context); }\n",
    );
    writeFileSync(
      join(dir, "preload.mjs"),
      [
        'import Module, { register } from "node:module";',
        'register("./hooks.mjs", import.meta.url);',
        "const load = Module._load;",
        "Module._load = function (request, ...rest) { process.stderr.write('LOAD ' + request + '\\n'); return load.call(this, request, ...rest); };",
      ].join("\n"),
    );
    const loaded = (args: string[]) => {
      const result = spawnSync(process.execPath, ["--import", join(dir, "preload.mjs"), BIN, ...args], {
        cwd: ROOT,
        env: ENV,
        encoding: "utf8",
      });
      expect(result.status).toBe(0);
      return result.stderr;
    };
    const heavy = /node_modules\/(yaml|zod|chalk|cli-table3)\/|LOAD (yaml|zod|chalk|cli-table3)$/m;
    expect(loaded(["estimate", "lion=1", "--format", "json"])).not.toMatch(heavy);
    expect(loaded(["--help"])).not.toMatch(heavy);
    // A plain ASCII table is drawn without cli-table3 (render/table.ts).
    expect(loaded(["estimate", "lion=1"])).not.toMatch(heavy);
    // The guard itself works: a table with bars does load cli-table3, a YAML tally file the YAML parser.
    expect(
      loaded(["estimate", "--log", "test/fixtures/logs/gift-calc-canonical.csv", "--by", "gift"]),
    ).toMatch(/cli-table3/);
    expect(loaded(["estimate", "--tally-file", "test/fixtures/tallies.yaml", "--format", "json"])).toMatch(
      heavy,
    );
  });

  it("importing the library prints nothing and starts nothing", () => {
    const script = `const before = process.listenerCount("exit") + process.listenerCount("uncaughtException");
      const lib = await import(${JSON.stringify(join(ROOT, "dist/index.js"))});
      const after = process.listenerCount("exit") + process.listenerCount("uncaughtException");
      if (after !== before || typeof lib.estimate !== "function") process.exitCode = 9;`;
    const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe("");
  });
});
