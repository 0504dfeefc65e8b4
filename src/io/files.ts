/**
 * Reading whole files (catalogs, configs, tallies): size-limited, with errors a user can act on.
 * Logs stream and do not come through here.
 */
import { readFile, stat } from "node:fs/promises";
import { GiftCalcError } from "../errors.js";

/** Catalogs and configs larger than this are refused: they are not what the user meant to pass. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export async function readTextFile(path: string, what: string): Promise<string> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      throw new GiftCalcError("FILE_UNREADABLE", `${what} ${path} is a directory`, { hint: "name a file" });
    }
    size = info.size;
  } catch (error) {
    if (error instanceof GiftCalcError) throw error;
    throw unreadable(path, what, error);
  }
  if (size > MAX_FILE_BYTES) {
    throw new GiftCalcError(
      "FILE_TOO_LARGE",
      `${what} ${path} is ${size} bytes, more than ${MAX_FILE_BYTES}`,
      {
        hint: "is this the right file?",
      },
    );
  }
  try {
    const text = await readFile(path, "utf8");
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (error) {
    throw unreadable(path, what, error);
  }
}

export function unreadable(path: string, what: string, error: unknown): GiftCalcError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === "ENOENT"
      ? "does not exist"
      : code === "EACCES"
        ? "cannot be read (permission denied)"
        : `cannot be read (${(error as Error).message})`;
  return new GiftCalcError("FILE_UNREADABLE", `${what} ${path} ${reason}`, {
    hint: code === "ENOENT" ? "check the path" : "check the file",
  });
}
