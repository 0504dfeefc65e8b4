import { closeSync, mkdtempSync, openSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_FILE_BYTES, readTextFile } from "../../src/io/files.js";
import { rejected } from "../helpers/model.js";

const dir = mkdtempSync(join(tmpdir(), "gift-calc-files-"));

describe("readTextFile", () => {
  it("reads UTF-8 and drops a byte-order mark", async () => {
    writeFileSync(join(dir, "bom.yaml"), "\uFEFFrose: 1\n");
    expect(await readTextFile(join(dir, "bom.yaml"), "tally file")).toBe("rose: 1\n");
  });

  it("refuses a file over the size limit without reading it", async () => {
    const path = join(dir, "huge.yaml");
    closeSync(openSync(path, "w"));
    truncateSync(path, MAX_FILE_BYTES + 1);
    const error = await rejected(() => readTextFile(path, "catalog"));
    expect(error.code).toBe("FILE_TOO_LARGE");
    expect(error.message).toContain("huge.yaml");
  });

  it("says what is wrong with a path that is not a readable file", async () => {
    const missing = await rejected(() => readTextFile(join(dir, "none.yaml"), "catalog"));
    expect(missing).toMatchObject({ code: "FILE_UNREADABLE", hint: "check the path" });
    expect(missing.message).toBe(`catalog ${join(dir, "none.yaml")} does not exist`);
    expect((await rejected(() => readTextFile(dir, "catalog"))).message).toContain("is a directory");
  });
});
