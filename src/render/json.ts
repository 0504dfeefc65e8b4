/** Data → JSON text: stable key order as built, two-space indent, one trailing newline. */
export function renderJson(data: unknown): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** Arrays longer than this are written a block of elements at a time, not stringified whole. */
const LONG_ARRAY = 64;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const prototype = Object.getPrototypeOf(value);
  return (prototype === Object.prototype || prototype === null) && !("toJSON" in value);
}

/** A value JSON.stringify leaves out of an object (and writes as null in an array). */
const isOmitted = (value: unknown) =>
  value === undefined || typeof value === "function" || typeof value === "symbol";

/** `elements` inside `depth - 1` arrays, so that JSON.stringify indents them `depth` levels deep. */
function nested(elements: unknown[], depth: number): unknown[] {
  let value = elements;
  for (let level = 1; level < depth; level++) value = [value];
  return value;
}

/**
 * Writes the elements of one array of the data, as `JSON.stringify(data, null, 2)` would: each
 * element on a new line at `indent`, separated by commas, no brackets; in pieces of about
 * `pieceChars` characters. For arrays of a known flat shape, faster than stringifying blocks.
 */
export type ElementsWriter = (indent: string, pieceChars: number) => Iterable<string>;

/** Characters JSON.stringify escapes in a string (any surrogate: it escapes the lone ones). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters JSON escapes are the point
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A string as JSON.stringify writes it; most need no escape and are only quoted. */
export function jsonString(text: string): string {
  return ESCAPED.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/** `jsonString(text)` without its quotes: most strings are their own text. */
export function jsonStringInside(text: string): string {
  return ESCAPED.test(text) ? JSON.stringify(text).slice(1, -1) : text;
}

/** A number as JSON.stringify writes it. */
export function jsonNumber(value: number): string {
  return Number.isFinite(value) ? String(value) : "null";
}

/**
 * The text of `renderJson(data)`, in pieces of about `pieceChars` characters: a result with tens of
 * thousands of groups is never held as one string (nor as that string's bytes on its way out).
 * The default keeps a piece (two bytes a character when it holds an emoji) under V8's large-object
 * size, so that written pieces are freed by the young generation's collections, not left to a full
 * one: with 64k pieces the peak memory of `--by event` was 15 MiB higher. `writers` write the
 * elements of the arrays they are keyed by, instead of the generic walk (nothing for none).
 */
export function* renderJsonPieces(
  data: unknown,
  pieceChars = 1 << 15,
  writers?: ReadonlyMap<unknown, ElementsWriter>,
): Generator<string> {
  let text = "";
  function* walk(value: unknown, indent: string): Generator<string> {
    const inner = `${indent}  `;
    const writer = writers?.get(value);
    if (writer !== undefined && Array.isArray(value)) {
      // The writer may have elements the array does not hold (a spill file's): "[]" if none came.
      let isEmpty = true;
      for (const piece of writer(inner, pieceChars)) {
        if (isEmpty) {
          yield `${text}[`;
          text = "";
          isEmpty = false;
        }
        yield piece;
      }
      text += isEmpty ? "[]" : `\n${indent}]`;
      return;
    }
    if (Array.isArray(value) && value.length > LONG_ARRAY && !("toJSON" in value)) {
      yield `${text}[`;
      text = "";
      yield* longArray(value, indent);
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
    text += (JSON.stringify(value, null, 2) ?? "null").replaceAll("\n", `\n${indent}`);
  }
  /**
   * The elements of an array at `indent`, a block at a time, each block a piece. A block is
   * stringified inside as many arrays as this one is deep, so that JSON.stringify indents it as
   * here (no re-indenting), and, but for the last, with one more element, so that its text ends
   * with a comma: each piece is then one slice of one JSON.stringify output, a flat string (the
   * `+=` of many small ones is a chain that is slow to encode on its way out).
   */
  function* longArray(value: readonly unknown[], indent: string): Generator<string> {
    const depth = indent.length / 2 + 1;
    // "[\n  [\n    0,\n    0\n  ]\n]": the block's text is "\n    a,\n    b," (or "…b" when last).
    const frame = JSON.stringify(nested([0, 0], depth), null, 2);
    const first = frame.lastIndexOf("\n", frame.indexOf("0"));
    const closing = frame.length - frame.lastIndexOf("0") - 1;
    const extra = frame.length - frame.lastIndexOf("\n", frame.lastIndexOf("0"));
    // Blocks of about a piece, from the size of the elements so far.
    let blockLength = LONG_ARRAY;
    let chars = 0;
    for (let at = 0; at < value.length; at += blockLength) {
      if (at > 0) blockLength = Math.max(1, Math.round(pieceChars / (chars / at)));
      const elements = value.slice(at, at + blockLength);
      const isLast = at + blockLength >= value.length;
      if (!isLast) elements.push(0);
      const block = JSON.stringify(nested(elements, depth), null, 2);
      const piece = block.slice(first, isLast ? -closing : -extra);
      chars += piece.length;
      yield piece;
    }
  }
  yield* walk(data, "");
  yield `${text}\n`;
}
