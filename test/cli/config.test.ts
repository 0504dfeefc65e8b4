/** `gift-calc config show` and `config init`, in a temporary directory. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configFromText } from "../../src/io/config-file.js";
import { runCli, runJson } from "../helpers/cli.js";

const tempDir = () => mkdtempSync(join(tmpdir(), "gift-calc-cli-"));

interface ConfigJson {
  schema: string;
  configFile: string | null;
  values: Record<string, { value: string; origin: string; from?: string }>;
}

describe("config show", () => {
  it("says every value is a default when nothing is set", async () => {
    const { code, json } = await runJson<ConfigJson>(["config", "show"], { cwd: tempDir() });
    expect(code).toBe(0);
    expect(json.configFile).toBeNull();
    expect(json.values.preset).toEqual({ value: "standard", origin: "default" });
    expect(json.values.usdPerDiamond).toEqual({ value: "0.005", origin: "default", from: "preset standard" });
    expect(json.values["withdrawal.minimumUsd"]).toEqual({ value: "100", origin: "default" });
  });

  it("names the origin of each value: default, file, env, flag", async () => {
    const cwd = tempDir();
    writeFileSync(
      join(cwd, "gift-calc.yaml"),
      'preset: half\nagencyRate: "10%"\ntaxRate: 0.2\nwithdrawal: { minimumUsd: 50 }\n',
    );
    const { json } = await runJson<ConfigJson>(["config", "show", "--tax", "5"], {
      cwd,
      env: { GIFT_CALC_AGENCY: "15" },
    });
    expect(json.configFile).toBe(join(cwd, "gift-calc.yaml"));
    expect(json.values.preset).toEqual({ value: "half", origin: "file", from: join(cwd, "gift-calc.yaml") });
    expect(json.values.diamondsPerCoin).toMatchObject({ value: "0.5", origin: "file" });
    expect(json.values.agencyRate).toEqual({ value: "0.15", origin: "env", from: "GIFT_CALC_AGENCY" });
    expect(json.values.taxRate).toEqual({ value: "0.05", origin: "flag", from: "--tax" });
    expect(json.values.payoutMethod).toEqual({ value: "bank", origin: "default" });
    expect(json.values["withdrawal.minimumUsd"]).toMatchObject({ value: "50", origin: "file" });
  });

  it("--config and GIFT_CALC_CONFIG choose the file", async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, "mine.yaml"), "preset: half\n");
    const flag = await runJson<ConfigJson>(["config", "show", "--config", "mine.yaml"], { cwd });
    expect(flag.json.values.preset?.origin).toBe("file");
    const env = await runJson<ConfigJson>(["config", "show"], {
      cwd,
      env: { GIFT_CALC_CONFIG: join(cwd, "mine.yaml") },
    });
    expect(env.json.values.preset?.value).toBe("half");
  });

  it("prints a table of setting, value, from and where", async () => {
    const { stdout } = await runCli(["config", "show"], { cwd: tempDir() });
    expect(stdout).toMatch(/│ setting\s+│ value\s+│ from\s+│ where/);
    expect(stdout).toMatch(/│ preset\s+│ standard\s+│ default\s+│ built-in defaults/);
    expect(stdout).toContain("none (built-in defaults)");
  });

  it("a malformed config file exits 2 naming file, line and field", async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, "gift-calc.yaml"), "preset: half\nagencyRate: lots\n");
    for (const argv of [
      ["config", "show"],
      ["estimate", "lion=1"],
    ]) {
      const { code, stdout, stderr } = await runCli(argv, { cwd });
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toContain(`${join(cwd, "gift-calc.yaml")}:2:1  INVALID_VALUE  agencyRate:`);
      expect(stderr).toContain("hint:");
    }
  });

  it("an unknown key in the config file exits 2", async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, "gift-calc.yaml"), "agency: 10\n");
    const { code, stderr } = await runCli(["estimate", "lion=1"], { cwd });
    expect(code).toBe(2);
    expect(stderr).toContain('UNKNOWN_KEY  agency: unknown key "agency"');
  });

  it("a missing --config file exits 2", async () => {
    const { code, stderr } = await runCli(["estimate", "lion=1", "--config", "nope.yaml"], {
      cwd: tempDir(),
    });
    expect(code).toBe(2);
    expect(stderr).toContain("does not exist");
  });

  it("the config's catalog is relative to the config file", async () => {
    const cwd = tempDir();
    writeFileSync(
      join(cwd, "gifts.yaml"),
      "source: { description: mine }\ngifts:\n  - { id: 1, name: Star, coins: 7, streakable: false }\n",
    );
    writeFileSync(join(cwd, "gift-calc.yaml"), "catalog: gifts.yaml\n");
    const { json } = await runJson<{ totals: { coins: number } }>(["estimate", "star=2"], { cwd });
    expect(json.totals.coins).toBe(14);
  });
});

describe("config init", () => {
  it("writes a commented starter that is itself a valid (empty) config", async () => {
    const cwd = tempDir();
    const { code, stderr } = await runCli(["config", "init"], { cwd });
    expect(code).toBe(0);
    expect(stderr).toContain("wrote gift-calc.yaml");
    const text = readFileSync(join(cwd, "gift-calc.yaml"), "utf8");
    expect(text).toContain("# preset: standard");
    expect(configFromText(text, "gift-calc.yaml")).toEqual({});
  });

  it("every line of the starter, uncommented, is a valid config", async () => {
    const cwd = tempDir();
    await runCli(["config", "init"], { cwd });
    const text = readFileSync(join(cwd, "gift-calc.yaml"), "utf8")
      .split("\n")
      .filter((line) => /^# ?\s*[a-zA-Z]+:/.test(line) || /^#\s{2,}/.test(line))
      .map((line) => line.replace(/^# /, "").replace(/^#/, ""))
      .join("\n");
    expect(() => configFromText(text, "uncommented.yaml")).not.toThrow();
  });

  it("refuses to overwrite without --force (exit 2), overwrites with it", async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, "gift-calc.yaml"), "preset: half\n");
    const refused = await runCli(["config", "init"], { cwd });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("gift-calc.yaml already exists");
    expect(refused.stderr).toContain("--force");
    expect(readFileSync(join(cwd, "gift-calc.yaml"), "utf8")).toBe("preset: half\n");
    const forced = await runCli(["config", "init", "--force"], { cwd });
    expect(forced.code).toBe(0);
    expect(readFileSync(join(cwd, "gift-calc.yaml"), "utf8")).toContain("# preset: standard");
  });

  it("writes where --config or GIFT_CALC_CONFIG points when no file is named", async () => {
    const cwd = tempDir();
    expect((await runCli(["config", "init", "--config", "by-flag.yaml"], { cwd })).code).toBe(0);
    expect(readFileSync(join(cwd, "by-flag.yaml"), "utf8")).toContain("gift-calc configuration");
    await runCli(["config", "init"], { cwd, env: { GIFT_CALC_CONFIG: "by-env.yaml" } });
    expect(readFileSync(join(cwd, "by-env.yaml"), "utf8")).toContain("gift-calc configuration");
  });

  it("writes to the file named, quietly with -q", async () => {
    const cwd = tempDir();
    const { code, stderr } = await runCli(["-q", "config", "init", "other.yaml"], { cwd });
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(readFileSync(join(cwd, "other.yaml"), "utf8")).toContain("gift-calc configuration");
  });
});
