/** The program itself: help, version, usage errors, and the error contract. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { reportError } from "../../src/cli/errors.js";
import { GiftCalcError } from "../../src/errors.js";
import { runCli } from "../helpers/cli.js";

const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  version: string;
};

describe("help and version", () => {
  it("--help lists the commands and examples, exit 0", async () => {
    const { code, stdout } = await runCli(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Usage: gift-calc");
    expect(stdout).toMatch(/estimate \[options\] \[tally\.\.\.\]/);
    expect(stdout).toContain("config");
    expect(stdout).toContain("gift-calc estimate lion=1 rose=500");
  });

  it("estimate --help lists every model option with its environment variable", async () => {
    const { stdout } = await runCli(["estimate", "--help"]);
    for (const flag of [
      "--preset",
      "--rewards-rate",
      "--agency",
      "--method",
      "--tax",
      "--currency",
      "--rate",
      "--check",
    ]) {
      expect(stdout).toContain(flag);
    }
    expect(stdout).toContain("GIFT_CALC_AGENCY");
  });

  it("with no command, prints the help on stderr and exits 2 (a usage error)", async () => {
    const { code, stdout, stderr } = await runCli([]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("Usage: gift-calc");
    expect(stderr).toContain("gift-calc estimate lion=1 rose=500");
  });

  it("help COMMAND is help asked for: stdout, exit 0", async () => {
    const { code, stdout } = await runCli(["help", "estimate"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Usage: gift-calc estimate");
  });

  it("a command group without its verb shows its help and exits 2", async () => {
    const { code, stderr } = await runCli(["config"]);
    expect(code).toBe(2);
    expect(stderr).toContain("Usage: gift-calc config");
  });

  it("--version prints the package version", async () => {
    const { code, stdout } = await runCli(["--version"]);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(version);
  });
});

describe("usage errors (exit 2, one line and a hint)", () => {
  it.each([
    [["estimate", "lion=1", "--frobnicate"], "unknown option '--frobnicate'"],
    [["estimat", "lion=1"], "unknown command 'estimat'"],
    [["estimate", "--preset"], "argument missing"],
  ])("%j", async (argv, message) => {
    const { code, stdout, stderr } = await runCli(argv);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    const lines = stderr.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^gift-calc: error: /);
    expect(lines[0]).toContain(message);
    expect(
      lines.slice(1).every((line) => line.startsWith("  hint: ") || line.startsWith("(Did you mean")),
    ).toBe(true);
  });
});

describe("reportError", () => {
  const capture = () => {
    const chunks: string[] = [];
    return { stderr: { write: (text: string) => chunks.push(text) }, text: () => chunks.join("") };
  };

  it("prints a known error as one line and a hint, without a stack", () => {
    const io = capture();
    const code = reportError(new GiftCalcError("BAD_OPTION", "bad \u001b[31mthing", { hint: "do this" }), io);
    expect(code).toBe(2);
    expect(io.text()).toBe("gift-calc: error: bad thing\n  hint: do this\n");
  });

  it("prints anything else as a bug, with its stack, exit 3", () => {
    const io = capture();
    expect(reportError(new TypeError("oops"), io)).toBe(3);
    expect(io.text()).toContain("this is a bug in gift-calc");
    expect(io.text()).toContain("TypeError: oops");
    expect(io.text()).toMatch(/\n\s+at /);
  });
});
