/**
 * Tally files: a YAML map `gift: count`, or CSV lines `gift,count` (a header row is optional).
 */

import { parseTally, type Tally } from "../core/tally.js";
import { GiftCalcError } from "../errors.js";
import { readTextFile } from "./files.js";

function csvTallies(text: string, fileName: string): Tally[] {
  const tallies: Tally[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const comma = line.lastIndexOf(",");
    const gift = (comma === -1 ? line : line.slice(0, comma)).trim().replace(/^"(.*)"$/, "$1");
    const count = comma === -1 ? "1" : line.slice(comma + 1).trim();
    if (index === 0 && /^(gift|name|id)$/i.test(gift) && !/^\d/.test(count)) return; // header row
    try {
      tallies.push({ ...parseTally(`${gift}=${count}`), origin: `${fileName}:${index + 1}` });
    } catch (error) {
      if (error instanceof GiftCalcError) {
        throw new GiftCalcError("BAD_TALLY", `${fileName}:${index + 1}: ${error.message}`, {
          hint: "each line is gift,count",
        });
      }
      throw error;
    }
  });
  return tallies;
}

async function yamlTallies(text: string, fileName: string): Promise<Tally[]> {
  const { parseYaml } = await import("./yaml.js");
  const parsed = parseYaml(text);
  if (!parsed.ok) {
    const [first] = parsed.problems;
    throw new GiftCalcError(
      "BAD_TALLY",
      `${fileName}:${first?.line ?? 1}:${first?.col ?? 1}: ${first?.message}`,
      {
        hint: "write one `gift: count` per line",
      },
    );
  }
  const value = parsed.yaml.value ?? {};
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new GiftCalcError("BAD_TALLY", `${fileName}: expected a map of gift: count`, {
      hint: "write one `gift: count` per line",
    });
  }
  const record = value as Record<string, unknown>;
  const written = parsed.yaml.keys?.() ?? Object.keys(record);
  return written.map((gift) => {
    const count = record[gift];
    const { line, col } = parsed.yaml.locate([gift]);
    if (typeof count !== "number" && typeof count !== "string") {
      throw new GiftCalcError("BAD_TALLY", `${fileName}:${line}:${col}: count of "${gift}" is not a number`, {
        hint: "write one `gift: count` per line, e.g. rose: 100",
      });
    }
    try {
      return { ...parseTally(`${gift}=${count}`), origin: `${fileName}:${line}:${col}` };
    } catch (error) {
      if (error instanceof GiftCalcError) {
        throw new GiftCalcError("BAD_TALLY", `${fileName}:${line}:${col}: ${error.message}`, {
          hint: "write one `gift: count` per line, e.g. rose: 100",
        });
      }
      throw error;
    }
  });
}

export async function loadTallyFile(path: string): Promise<Tally[]> {
  const text = await readTextFile(path, "tally file");
  const looksCsv = /\.csv$/i.test(path) || (!/\.ya?ml$/i.test(path) && /^[^:\n]*,/.test(text.trimStart()));
  return looksCsv ? csvTallies(text, path) : yamlTallies(text, path);
}
