import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configFromText, defaultsFromText, loadConfigFile } from "../../src/io/config-file.js";
import { rejected, thrown } from "../helpers/model.js";

describe("configFromText", () => {
  it("reads every key, rates as exact text", () => {
    const config = configFromText(
      [
        "preset: half",
        'agencyRate: "10%"',
        "taxRate: 0.2",
        "usdPerDiamond: 0.0045",
        "currency: EUR",
        "rates: { EUR: 0.91 }",
        "withdrawal: { minimumUsd: 50 }",
        "payoutMethods: { wise: { percent: 0.5, fixedUsd: 1 } }",
        "catalog: my-gifts.yaml",
      ].join("\n"),
      "gift-calc.yaml",
    );
    expect(config).toEqual({
      preset: "half",
      agencyRate: "10%",
      taxRate: "0.2",
      usdPerDiamond: "0.0045",
      currency: "EUR",
      rates: { EUR: "0.91" },
      withdrawal: { minimumUsd: "50" },
      payoutMethods: { wise: { percent: "0.5", fixedUsd: "1" } },
      catalog: "my-gifts.yaml",
    });
  });

  it("reads an empty file as an empty config", () => {
    expect(configFromText("", "gift-calc.yaml")).toEqual({});
    expect(configFromText("# only comments\n", "gift-calc.yaml")).toEqual({});
  });

  it("names file, line, column and field of a bad value", () => {
    const error = thrown(() => configFromText("preset: half\n\nagencyRate: lots\n", "conf/gift-calc.yaml"));
    expect(error.code).toBe("BAD_CONFIG");
    expect(error.message).toContain("conf/gift-calc.yaml:3:1 ");
    expect(error.message).toContain("agencyRate");
    expect(error.message).toContain("INVALID_VALUE");
  });

  it.each(["agencyRate: 2", 'taxRate: "150%"', "agencyRate: -0.1"])(
    "names file, line and field of a rate out of 0–1: %s",
    (line) => {
      const error = thrown(() => configFromText(`preset: half\n${line}\n`, "gift-calc.yaml"));
      expect(error.code).toBe("BAD_CONFIG");
      expect(error.message).toContain("gift-calc.yaml:2:1  INVALID_VALUE");
    },
  );

  it.each(["agencyRate: 1", 'taxRate: "100%"', 'agencyRate: "0%"'])("accepts the bounds: %s", (line) => {
    expect(() => configFromText(`${line}\n`, "gift-calc.yaml")).not.toThrow();
  });

  it("names an unknown key, at the key", () => {
    const error = thrown(() => configFromText("preset: half\npresett: standard\n", "gift-calc.yaml"));
    expect(error.code).toBe("BAD_CONFIG");
    expect(error.message).toContain("gift-calc.yaml:2:1");
    expect(error.message).toContain('UNKNOWN_KEY  presett: unknown key "presett"');
  });

  it("names a nested field", () => {
    const error = thrown(() => configFromText("withdrawal:\n  minimumUsd: many\n", "gift-calc.yaml"));
    expect(error.message).toContain("gift-calc.yaml:2:3 ");
    expect(error.message).toContain("withdrawal.minimumUsd");
  });

  it("refuses YAML syntax errors, with the place", () => {
    const error = thrown(() => configFromText("preset: [half\n", "gift-calc.yaml"));
    expect(error.code).toBe("BAD_CONFIG");
    expect(error.message).toMatch(/gift-calc\.yaml:\d+:\d+ {2}YAML_SYNTAX/);
  });

  it("refuses a document that is not a map", () => {
    expect(thrown(() => configFromText("- a\n- b\n", "gift-calc.yaml")).code).toBe("BAD_CONFIG");
  });

  it("counts the other problems", () => {
    const error = thrown(() => configFromText("agencyRate: x\ntaxRate: y\n", "gift-calc.yaml"));
    expect(error.message).toContain("(and 1 more)");
  });

  it("requires every section of the built-in defaults", () => {
    const error = thrown(() => defaultsFromText("choices: {}\n", "data/defaults.yaml"));
    expect(error.code).toBe("BAD_CONFIG");
    expect(error.message).toContain("MISSING_KEY");
  });
});

describe("loadConfigFile", () => {
  it("reads a file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gift-calc-config-"));
    writeFileSync(join(dir, "gift-calc.yaml"), "\uFEFFpreset: half\n");
    expect(await loadConfigFile(join(dir, "gift-calc.yaml"))).toEqual({ preset: "half" });
  });

  it("says when the file is missing or a directory", async () => {
    expect((await rejected(() => loadConfigFile("/no/such/gift-calc.yaml"))).code).toBe("FILE_UNREADABLE");
    expect((await rejected(() => loadConfigFile(tmpdir()))).code).toBe("FILE_UNREADABLE");
  });
});
