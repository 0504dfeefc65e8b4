/** The README stays true: its commands, its example output and its list of model options. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MODEL_OPTIONS } from "../../src/cli/options.js";
import { runCli } from "../helpers/cli.js";

const README = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

/** The lines shown after `$ gift-calc ARGS` in a console block, up to the block's end. */
function shownOutput(args: string): string {
  const start = README.indexOf(`$ gift-calc ${args}\n`);
  if (start === -1) throw new Error(`README shows no run of gift-calc ${args}`);
  const body = README.slice(start).split("\n").slice(1);
  return `${body.slice(0, body.indexOf("```")).join("\n")}\n`;
}

describe("README", () => {
  it("has the two quick-start commands, and the test command is what .ci/run runs", () => {
    expect(README).toContain("npm ci && node bin/gift-calc.js estimate lion=1 rose=500\n");
    expect(README).toContain("npm ci && npm test\n");
    expect(readFileSync(new URL("../../.ci/run", import.meta.url), "utf8")).toContain("npm ci && npm test\n");
  });

  it("shows the real output of the main job", async () => {
    const { stdout } = await runCli(["estimate", "lion=1", "rose=500"]);
    expect(shownOutput("estimate lion=1 rose=500")).toBe(stdout);
  });

  it("shows the real --check message", async () => {
    const { stderr } = await runCli(["estimate", "rose=100", "--preset", "half", "--check"]);
    expect(shownOutput("estimate rose=100 --preset half --check")).toContain(stderr);
  });

  it("shows the real output of goal, up to the elided assumptions", async () => {
    const { stdout } = await runCli(["goal", "500", "--currency", "EUR", "--agency", "20"]);
    const shown = shownOutput("goal 500 --currency EUR --agency 20");
    expect(stdout.startsWith(shown.slice(0, shown.indexOf("  …")))).toBe(true);
  });

  it.each(MODEL_OPTIONS.map((option) => [option.flags.split(" ")[0], option.env]))(
    "documents %s and %s",
    (flag, env) => {
      expect(README).toContain(`\`${flag}`);
      expect(README).toContain(`\`${env}\``);
    },
  );

  it("documents every exit code", () => {
    for (const code of ["0", "1", "2", "3"]) expect(README).toMatch(new RegExp(`^\\| ${code}\\s+\\|`, "m"));
  });
});
