/**
 * Report → CSV (RFC 4180, CRLF-free LF lines). Tables come first, each with its own header row; the
 * field sections follow as one `section,field,value` table; blocks are separated by a blank line.
 */
import type { Cell, Report } from "./report.js";
import { csvCell } from "./sanitise.js";

const line = (cells: readonly Cell[]) => cells.map(csvCell).join(",");

export function renderCsv(report: Report): string {
  const blocks: string[] = [];
  for (const section of report.sections) {
    if (section.kind !== "table") continue;
    const lines = [line(section.columns.map((column) => column.key))];
    for (const row of section.rows)
      lines.push(line(section.columns.map((column) => row[column.key] ?? null)));
    if (section.footer) {
      const footer = section.footer;
      lines.push(line(section.columns.map((column) => footer[column.key] ?? null)));
    }
    blocks.push(lines.join("\n"));
  }
  const fields = report.sections.flatMap((section) =>
    section.kind === "fields"
      ? section.fields.map((field) => line([section.title, field.key, field.value]))
      : [],
  );
  if (fields.length > 0) blocks.push([line(["section", "field", "value"]), ...fields].join("\n"));
  return `${blocks.join("\n\n")}\n`;
}
