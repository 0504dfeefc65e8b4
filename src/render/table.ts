/** Report → terminal text: cli-table3 tables, aligned field lists, optional colour. */
import { createRequire } from "node:module";
import type TableConstructor from "cli-table3";
import type { Cell, Column, FieldsSection, Report, TableSection, Tone } from "./report.js";
import { forTerminal } from "./sanitise.js";
import { PLAIN, type Style } from "./style.js";

const BAR_WIDTH = 24;

// cli-table3 is CommonJS and costs ~9 ms to load: require it on first use, so `--format json`,
// `--help` and everything that never draws a table do not pay for it.
let tableConstructor: typeof TableConstructor | undefined;
function loadTable(): typeof TableConstructor {
  tableConstructor ??= createRequire(import.meta.url)("cli-table3") as typeof TableConstructor;
  return tableConstructor;
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

function renderTableSection(section: TableSection, style: Style): string {
  const columns: Column[] = [...section.columns];
  const withBar = section.barColumn !== undefined;
  const head = columns.map((column) => style.bold(forTerminal(column.header)));
  if (withBar) head.push("");
  const Table = loadTable();
  const table = new Table({
    head,
    // compact: a rule under the header only; the footer gets its own rule below.
    style: { head: [], border: [], compact: true },
    colAligns: [...columns.map((column) => column.align ?? "left"), "left"],
  });
  const largest = withBar
    ? Math.max(0, ...section.rows.map((row) => Number(row[section.barColumn as string] ?? 0)))
    : 0;
  for (const row of section.rows) {
    const cells = columns.map((column) => cellText(row[column.key] ?? null));
    if (withBar) cells.push(style.accent(bar(Number(row[section.barColumn as string] ?? 0), largest)));
    table.push(cells);
  }
  if (section.footer) {
    const footer = section.footer;
    const cells = columns.map((column) =>
      style.bold(footer[column.key] === undefined ? "" : cellText(footer[column.key] ?? null)),
    );
    if (withBar) cells.push("");
    table.push(cells);
  }
  const lines = table.toString().split("\n");
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
