/** One entry point: a command's data and its Report in the format the user chose. */
import { renderCsv } from "./csv.js";
import { type ElementsWriter, renderJson, renderJsonPieces } from "./json.js";
import { renderMarkdown } from "./markdown.js";
import type { Report } from "./report.js";
import type { Style } from "./style.js";
import { renderTable } from "./table.js";

export const FORMATS = ["table", "json", "csv", "markdown"] as const;
export type Format = (typeof FORMATS)[number];

export function render(format: Format, data: unknown, report: () => Report, style: Style): string {
  switch (format) {
    case "json":
      return renderJson(data);
    case "csv":
      return renderCsv(report());
    case "markdown":
      return renderMarkdown(report());
    default:
      return renderTable(report(), style);
  }
}

/** `render`'s text in pieces: JSON of a large result is never one string (see renderJsonPieces). */
export function renderPieces(
  format: Format,
  data: unknown,
  report: () => Report,
  style: Style,
  writers?: ReadonlyMap<unknown, ElementsWriter>,
): Iterable<string> {
  return format === "json"
    ? renderJsonPieces(data, undefined, writers)
    : [render(format, data, report, style)];
}
