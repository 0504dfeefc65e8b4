/** Report → GitHub-flavoured markdown (pull-request comments, notes). */
import type { Cell, Report, Section } from "./report.js";
import { markdownCell } from "./sanitise.js";

function text(value: Cell): string {
  if (typeof value === "boolean") return value ? "yes" : "no";
  return markdownCell(value);
}

function renderSection(section: Section): string {
  if (section.kind === "fields") {
    const rows = section.fields.map((field) => `| ${markdownCell(field.label)} | ${text(field.value)} |`);
    return [`### ${markdownCell(section.title)}`, "", "| | |", "|---|---|", ...rows].join("\n");
  }
  const header = `| ${section.columns.map((column) => markdownCell(column.header)).join(" | ")} |`;
  const rule = `|${section.columns.map((column) => (column.align === "right" ? "---:" : "---")).join("|")}|`;
  const rows = section.rows.map(
    (row) => `| ${section.columns.map((column) => text(row[column.key] ?? null)).join(" | ")} |`,
  );
  const footer = section.footer;
  if (footer) {
    rows.push(
      `| ${section.columns.map((column) => (footer[column.key] === undefined ? "" : `**${text(footer[column.key] ?? null)}**`)).join(" | ")} |`,
    );
  }
  return [`### ${markdownCell(section.title)}`, "", header, rule, ...rows].join("\n");
}

export function renderMarkdown(report: Report): string {
  const blocks = [`## ${markdownCell(report.title)}`, ...report.sections.map(renderSection)];
  if (report.notes && report.notes.length > 0) {
    blocks.push(report.notes.map((note) => `- ${markdownCell(note)}`).join("\n"));
  }
  return `${blocks.join("\n\n")}\n`;
}
