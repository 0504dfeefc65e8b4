import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fileStdout } from "../../src/cli/main.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = join(ROOT, "bin/gift-calc.js");
const ENV = { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined };

describe("stdout redirected to a file", () => {
  it("is written straight to the file, every byte, in order", () => {
    const path = join(mkdtempSync(join(tmpdir(), "gift-calc-stdout-")), "out.txt");
    const fd = openSync(path, "w");
    try {
      const stdout = fileStdout(fd);
      expect(stdout).toBeDefined();
      const pieces = ["plain ascii\n", "Öz 🌹 \u2028 \ud800 x\n", "b".repeat(100_000), ""];
      for (const piece of pieces) stdout?.write(piece);
      expect(readFileSync(path)).toEqual(Buffer.from(pieces.join("")));
    } finally {
      closeSync(fd);
    }
  });

  it("is left to process.stdout when not a regular file", () => {
    const fd = openSync("/dev/null", "w");
    try {
      expect(fileStdout(fd)).toBeUndefined();
    } finally {
      closeSync(fd);
    }
    expect(fileStdout(2 ** 30)).toBeUndefined();
  });

  it("gets the bin's output byte for byte as a pipe does", () => {
    const args = [BIN, "estimate", "--log", "test/fixtures/logs/gift-calc-canonical.csv", "--by", "sender"];
    for (const format of ["json", "table"]) {
      const piped = spawnSync(process.execPath, [...args, "--format", format], { cwd: ROOT, env: ENV });
      const path = join(mkdtempSync(join(tmpdir(), "gift-calc-stdout-")), "out");
      const fd = openSync(path, "w");
      const filed = spawnSync(process.execPath, [...args, "--format", format], {
        cwd: ROOT,
        env: ENV,
        stdio: ["ignore", fd, "pipe"],
      });
      closeSync(fd);
      expect(filed.status).toBe(0);
      expect(piped.stdout.length).toBeGreaterThan(100);
      expect(readFileSync(path)).toEqual(piped.stdout);
    }
  });
});
