/** Report → terminal text: cli-table3 tables, aligned field lists, optional colour. */
import { createRequire } from "node:module";
import type TableConstructor from "cli-table3";
import type StringWidth from "string-width";
import type { Cell, Column, FieldsSection, Report, TableSection, Tone } from "./report.js";
import { forTerminal } from "./sanitise.js";
import { PLAIN, type Style } from "./style.js";

const BAR_WIDTH = 24;

// cli-table3 is CommonJS and costs ~9 ms to load: require it on first use, so `--format json`,
// `--help`, plain ASCII tables and everything else that never needs it do not pay for it.
let tableConstructor: typeof TableConstructor | undefined;
function loadTable(): typeof TableConstructor {
  tableConstructor ??= createRequire(import.meta.url)("cli-table3") as typeof TableConstructor;
  return tableConstructor;
}

/**
 * Above this many rows cli-table3 is no use: its time grows with the square of the rows (9 minutes
 * for 180k, a `--by event` table of a 1M-row log) and past ~120k it overflows the stack.
 */
const LARGE_TABLE = 2000;

// The escape sequences cli-table3 leaves out of a cell's width (colours, bold).
// biome-ignore lint/suspicious/noControlCharactersInRegex: the escapes are the point
const SGR = /\u001b\[(?:\d*;){0,5}\d*m/g;

/** A cell's width in columns as cli-table3 measures it (string-width, escapes left out). */
let displayWidth: ((text: string) => number) | undefined;
function loadDisplayWidth(): (text: string) => number {
  if (displayWidth === undefined) {
    const stringWidth = createRequire(import.meta.url)("string-width") as typeof StringWidth;
    displayWidth = (text) => stringWidth(text.replace(SGR, ""));
  }
  return displayWidth;
}

function cellText(value: Cell): string {
  if (value === null) return "—";
  if (typeof value === "boolean") return value ? "yes" : "no";
  return forTerminal(String(value));
}

function toned(text: string, tone: Tone | undefined, style: Style): string {
  switch (tone) {
    case "good":
      return style.good(text);
    case "bad":
      return style.bad(text);
    case "warn":
      return style.warn(text);
    case "dim":
      return style.dim(text);
    case "strong":
      return style.bold(text);
    default:
      return text;
  }
}

function bar(value: number, largest: number): string {
  if (largest <= 0 || value <= 0) return "";
  const eighths = Math.max(1, Math.round((value / largest) * BAR_WIDTH * 8));
  return "█".repeat(Math.floor(eighths / 8)) + (["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8] ?? "");
}

type Align = "left" | "right";

/** The table through cli-table3: compact (a rule under the header only), no colours of its own. */
export function drawWithCliTable3(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  colAligns: readonly Align[],
): string {
  const Table = loadTable();
  const table = new Table({
    head: [...head],
    style: { head: [], border: [], compact: true },
    colAligns: [...colAligns],
  });
  for (const cells of rows) table.push([...cells]);
  return table.toString();
}

/**
 * One column per character: printable ASCII and the few narrow marks reports use (— for nothing,
 * × for a count, dashes and quotes in gift names); the property test checks each against cli-table3.
 */
const NARROW = "[\\x20-\\x7e\\u00b7\\u00d7\\u2013\\u2014\\u2018\\u2019\\u201c\\u201d\\u2026\\u2212]*";
/** Narrow text, plain or in chalk's bold (colour on: headers, totals), which cli-table3 leaves be. */
const PLAIN_CELL = new RegExp(`^(?:${NARROW}|\\u001b\\[1m${NARROW}\\u001b\\[22m)$`);
// biome-ignore lint/suspicious/noControlCharactersInRegex: the escapes of bold are the point
const BOLD = /\u001b\[(?:1|22)m/g;

const visibleLength = (text: string) => text.replace(BOLD, "").length;

/**
 * The table exactly as `drawWithCliTable3` draws it, measuring cells with `width`: for cells that
 * match `PLAIN_CELL` (no wide or combining characters, no other escapes) the length of their text
 * does, and loading cli-table3 and its string-width costs ~10 ms, more than the rest of a plain
 * table command's work; for a large table, cli-table3's own measure (`loadDisplayWidth`).
 */
export function drawPlainTable(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  colAligns: readonly Align[],
  width: (text: string) => number = visibleLength,
): string {
  const widths = head.map(width);
  for (const cells of rows) {
    cells.forEach((text, column) => {
      widths[column] = Math.max(widths[column] ?? 0, width(text));
    });
  }
  const rule = (left: string, middle: string, right: string) =>
    `${left}${widths.map((columnWidth) => "─".repeat(columnWidth + 2)).join(middle)}${right}`;
  const line = (cells: readonly string[]) => {
    const texts = widths.map((columnWidth, column) => {
      const text = cells[column] ?? "";
      const room = " ".repeat(columnWidth - width(text));
      return ` ${colAligns[column] === "right" ? room + text : text + room} `;
    });
    return `│${texts.join("│")}│`;
  };
  const lines = [rule("┌", "┬", "┐"), line(head)];
  if (rows.length > 0) lines.push(rule("├", "┼", "┤"));
  // One at a time: a spread of a large table's rows would overflow the stack.
  for (const cells of rows) lines.push(line(cells));
  lines.push(rule("└", "┴", "┘"));
  return lines.join("\n");
}

/** Any table as `drawWithCliTable3` draws it, in time that grows with its rows (see LARGE_TABLE). */
export function drawLargeTable(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  colAligns: readonly Align[],
): string {
  return drawPlainTable(head, rows, colAligns, loadDisplayWidth());
}

function drawTable(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  colAligns: readonly Align[],
): string {
  const isPlain = [head, ...rows].every((cells) => cells.every((text) => PLAIN_CELL.test(text)));
  if (isPlain) return drawPlainTable(head, rows, colAligns);
  if (rows.length > LARGE_TABLE) return drawLargeTable(head, rows, colAligns);
  return drawWithCliTable3(head, rows, colAligns);
}

function renderTableSection(section: TableSection, style: Style): string {
  const columns: Column[] = [...section.columns];
  const withBar = section.barColumn !== undefined;
  const head = columns.map((column) => style.bold(forTerminal(column.header)));
  if (withBar) head.push("");
  const rows: string[][] = [];
  const largest = withBar
    ? Math.max(0, ...section.rows.map((row) => Number(row[section.barColumn as string] ?? 0)))
    : 0;
  for (const row of section.rows) {
    const cells = columns.map((column) => cellText(row[column.key] ?? null));
    if (withBar) cells.push(style.accent(bar(Number(row[section.barColumn as string] ?? 0), largest)));
    rows.push(cells);
  }
  if (section.footer) {
    const footer = section.footer;
    const cells = columns.map((column) =>
      style.bold(footer[column.key] === undefined ? "" : cellText(footer[column.key] ?? null)),
    );
    if (withBar) cells.push("");
    rows.push(cells);
  }
  const colAligns: Align[] = [...columns.map((column) => column.align ?? "left"), "left"];
  const lines = drawTable(head, rows, colAligns).split("\n");
  // Cells never wrap, so each row is one line: the header rule is line 2, the footer the last but one.
  const rule = lines[2];
  if (section.footer && section.rows.length > 0 && rule !== undefined) lines.splice(-2, 0, rule);
  return `${style.bold(forTerminal(section.title))}\n${lines.join("\n")}`;
}

function renderFieldsSection(section: FieldsSection, style: Style): string {
  // Labels can carry names from input (a gift's name in "short by (Rose)"): sanitise them too.
  const labels = section.fields.map((field) => forTerminal(field.label));
  const width = Math.max(0, ...labels.map((label) => label.length));
  const lines = section.fields.map(
    (field, index) =>
      `  ${style.dim((labels[index] ?? "").padEnd(width))}  ${toned(cellText(field.value), field.tone, style)}`,
  );
  return `${style.bold(forTerminal(section.title))}\n${lines.join("\n")}`;
}

export function renderTable(report: Report, style: Style = PLAIN): string {
  const blocks = report.sections.map((section) =>
    section.kind === "table" ? renderTableSection(section, style) : renderFieldsSection(section, style),
  );
  if (report.notes && report.notes.length > 0) {
    blocks.push(report.notes.map((note) => style.dim(`· ${forTerminal(note)}`)).join("\n"));
  }
  return `${blocks.join("\n\n")}\n`;
}
