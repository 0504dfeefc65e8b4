/**
 * Text from input (viewer nicknames, gift names) is chosen by strangers: strip terminal control
 * and escape sequences before it reaches a terminal, and neutralise spreadsheet formulas in CSV.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const ESCAPE_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Remove escape sequences and control characters (newlines and tabs become spaces). */
export function forTerminal(text: string): string {
  return text
    .replace(ESCAPE_SEQUENCE, "")
    .replace(/[\n\t\r]/g, " ")
    .replace(CONTROL, "");
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: formulas neutralised with a leading apostrophe, quoted per RFC 4180 when needed. */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return "";
  // A number or a boolean is its own text: no formula, nothing to quote.
  if (typeof value !== "string") return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One markdown table cell: no controls, pipes escaped, one line. */
export function markdownCell(value: string | number | boolean | null): string {
  if (value === null) return "";
  return forTerminal(String(value)).replace(/\\/g, "\\\\").replace(/\|/g, "\\|");
}
