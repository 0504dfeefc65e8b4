/** Data → JSON text: stable key order as built, two-space indent, one trailing newline. */
export function renderJson(data: unknown): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** Arrays longer than this are written element by element, not stringified whole. */
const LONG_ARRAY = 64;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const prototype = Object.getPrototypeOf(value);
  return (prototype === Object.prototype || prototype === null) && !("toJSON" in value);
}

/** A value JSON.stringify leaves out of an object (and writes as null in an array). */
const isOmitted = (value: unknown) =>
  value === undefined || typeof value === "function" || typeof value === "symbol";

/**
 * The text of `renderJson(data)`, in pieces of about `pieceChars` characters: a result with tens of
 * thousands of groups is never held as one string (nor as that string's bytes on its way out).
 */
export function* renderJsonPieces(data: unknown, pieceChars = 1 << 16): Generator<string> {
  let text = "";
  function* walk(value: unknown, indent: string): Generator<string> {
    const inner = `${indent}  `;
    if (Array.isArray(value) && value.length > LONG_ARRAY) {
      // Elements (group rows, events) are small: stringified a block at a time, which is as fast
      // as one JSON.stringify of the whole array, without its one large string.
      text += "[";
      for (let at = 0; at < value.length; at += LONG_ARRAY) {
        const block = JSON.stringify(value.slice(at, at + LONG_ARRAY), null, 2);
        // "[\n  a,\n  b\n]" → "\n  a,\n  b", indented to this depth.
        text += `${at === 0 ? "" : ","}${block.slice(1, -2).replaceAll("\n", `\n${indent}`)}`;
        if (text.length >= pieceChars) {
          yield text;
          text = "";
        }
      }
      text += `\n${indent}]`;
      return;
    }
    if (isPlainObject(value)) {
      const keys = Object.keys(value).filter((key) => !isOmitted(value[key]));
      if (keys.length === 0) {
        text += "{}";
        return;
      }
      text += "{";
      for (let at = 0; at < keys.length; at++) {
        const key = keys[at] as string;
        text += `${at === 0 ? "" : ","}\n${inner}${JSON.stringify(key)}: `;
        yield* walk(value[key], inner);
      }
      text += `\n${indent}}`;
      return;
    }
    leaf(value, indent);
  }
  function leaf(value: unknown, indent: string): void {
    text += (JSON.stringify(value, null, 2) ?? "null").replaceAll("\n", `\n${indent}`);
  }
  yield* walk(data, "");
  yield `${text}\n`;
}
