import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadTallyFile } from "../../src/io/tally-file.js";
import { rejected } from "../helpers/model.js";

const dir = mkdtempSync(join(tmpdir(), "gift-calc-tallies-"));
/** The tallies without their origin (checked on its own below). */
async function tallies(path: string) {
  return (await loadTallyFile(path)).map(({ gift, count }) => ({ gift, count }));
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("loadTallyFile", () => {
  it("reads a YAML map of gift: count", async () => {
    const path = file("stream.yaml", "rose: 100\nLion: 1\n'TikTok Universe': 2\n");
    expect(await tallies(path)).toEqual([
      { gift: "rose", count: 100 },
      { gift: "Lion", count: 1 },
      { gift: "TikTok Universe", count: 2 },
    ]);
  });

  it("reads gift ids as keys, in the order written", async () => {
    expect(await tallies(file("ids.yml", "lion: 1\n5655: 3\n"))).toEqual([
      { gift: "lion", count: 1 },
      { gift: "5655", count: 3 },
    ]);
  });

  it("reads CSV gift,count with an optional header, comments and quoted names", async () => {
    const path = file("stream.csv", 'gift,count\nrose,100\n\n# a comment\n"TikTok Universe",1\nlion\n');
    expect(await tallies(path)).toEqual([
      { gift: "rose", count: 100 },
      { gift: "TikTok Universe", count: 1 },
      { gift: "lion", count: 1 },
    ]);
  });

  it("detects CSV without the extension", async () => {
    expect(await tallies(file("tallies.txt", "rose,5\nlion,1\n"))).toEqual([
      { gift: "rose", count: 5 },
      { gift: "lion", count: 1 },
    ]);
  });

  it("remembers where each tally was written, for errors about its gift", async () => {
    const csv = await loadTallyFile(file("where.csv", "gift,count\nrose,1\nlino,2\n"));
    expect(csv.map((tally) => tally.origin)).toEqual([`${dir}/where.csv:2`, `${dir}/where.csv:3`]);
    const yaml = await loadTallyFile(file("where.yaml", "rose: 1\nlino: 2\n"));
    expect(yaml.map((tally) => tally.origin)).toEqual([`${dir}/where.yaml:1:1`, `${dir}/where.yaml:2:1`]);
  });

  it("names the CSV line of a bad count", async () => {
    const error = await rejected(() => loadTallyFile(file("bad.csv", "gift,count\nrose,100\nlion,many\n")));
    expect(error.code).toBe("BAD_TALLY");
    expect(error.message).toContain("bad.csv:3:");
  });

  it("names the YAML line of a bad count", async () => {
    const error = await rejected(() => loadTallyFile(file("bad.yaml", "rose: 100\nlion: many\n")));
    expect(error.code).toBe("BAD_TALLY");
    expect(error.message).toContain("bad.yaml:2:");
  });

  it.each([
    ["list.yaml", "- rose\n- lion\n"],
    ["nested.yaml", "rose: { count: 1 }\n"],
    ["broken.yaml", "rose: [1\n"],
    ["negative.yaml", "rose: -1\n"],
  ])("refuses %s", async (name, text) => {
    const error = await rejected(() => loadTallyFile(file(name, text)));
    expect(error.code).toBe("BAD_TALLY");
    expect(error.message).toContain(name);
  });

  it("says when the file is missing", async () => {
    expect((await rejected(() => loadTallyFile(join(dir, "none.yaml")))).code).toBe("FILE_UNREADABLE");
  });
});
