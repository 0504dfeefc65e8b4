import { describe, expect, it } from "vitest";
import { parseYaml } from "../../src/io/yaml.js";

function value(text: string): unknown {
  const parsed = parseYaml(text);
  if (!parsed.ok) throw new Error(parsed.problems[0]?.message);
  return parsed.yaml.value;
}

function problems(text: string) {
  const parsed = parseYaml(text);
  return parsed.ok ? [] : parsed.problems;
}

describe("parseYaml", () => {
  it("keeps a number that is not whole as its exact source text", () => {
    expect(value("rate: 0.005\nbig: 0.1000000000000000055511151231257827\n")).toEqual({
      rate: "0.005",
      big: "0.1000000000000000055511151231257827",
    });
  });

  it("keeps whole numbers as numbers, unless too large to hold exactly", () => {
    expect(value("coins: 29999\nhuge: 123456789012345678901\n")).toEqual({
      coins: 29999,
      huge: "123456789012345678901",
    });
  });

  it("reads quoted decimals as strings", () => {
    expect(value('rate: "0.005"')).toEqual({ rate: "0.005" });
  });

  it.each(["!!js/function 'return 1'", "!custom 5", "!<tag:example.com,2000:x> 5"])(
    "refuses the custom tag in %j",
    (scalar) => {
      const [problem] = problems(`a: 1\nb: ${scalar}\n`);
      expect(problem?.line).toBe(2);
    },
  );

  it("refuses duplicate keys, at the second one", () => {
    const [problem] = problems("preset: half\npreset: standard\n");
    expect(problem).toMatchObject({ line: 2 });
    expect(problem?.message).toMatch(/unique|duplicate/i);
  });

  it("bounds alias expansion (a billion laughs is refused quickly)", () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 9; level++) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(",")}]`);
    }
    const started = Date.now();
    expect(problems(lines.join("\n")).length).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("reports syntax errors with line and column", () => {
    const [problem] = problems("a: 1\nb: [1, 2\nc: 3\n");
    expect(problem?.line).toBeGreaterThanOrEqual(2);
    expect(problem?.col).toBeGreaterThanOrEqual(1);
  });

  it("locates a path, or a key, or its nearest parent", () => {
    const parsed = parseYaml("withdrawal:\n  minimumUsd: 100\n  extra: 1\nlist:\n  - x\n  - y\n");
    if (!parsed.ok) throw new Error("expected valid YAML");
    expect(parsed.yaml.locate(["withdrawal", "minimumUsd"])).toEqual({ line: 2, col: 3 });
    expect(parsed.yaml.locate(["withdrawal", "extra"])).toEqual({ line: 3, col: 3 });
    expect(parsed.yaml.locate(["list", 1])).toEqual({ line: 6, col: 5 });
    expect(parsed.yaml.locate(["withdrawal", "missing"]).line).toBe(2);
  });

  it("reads an empty document as null", () => {
    expect(value("")).toBeNull();
  });
});
