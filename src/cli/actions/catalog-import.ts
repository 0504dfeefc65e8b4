/** `gift-calc catalog import CAPTURE [--into FILE]`. */
import { access, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Command } from "commander";
import { GiftCalcError } from "../../errors.js";
import { captureFromText } from "../../io/catalog-capture.js";
import { catalogFromText, checkCatalogText } from "../../io/catalog-file.js";
import { catalogFromCapture, type ImportResult, mergeCapture } from "../../io/catalog-writer.js";
import { readTextFile } from "../../io/files.js";
import { diffReport, diffTableReport } from "../../render/catalog-report.js";
import { render } from "../../render/format.js";
import type { CatalogImportOptions } from "../commands/catalog.js";
import { baseContext } from "../context.js";
import type { CliFormat } from "../formats.js";
import type { CliIo } from "../io.js";
import { DIFF_SCHEMA, readNamed } from "./catalog.js";

function checkedDate(text: string): string {
  const date = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
    throw new GiftCalcError("BAD_OPTION", `--date "${text}" is not a date written YYYY-MM-DD`, {
      hint: "for example --date 2024-01-05 (the day the capture was taken)",
    });
  }
  return date;
}

/** Real captures repeat names ("Heart" at 1 and 10 coins): say so, since aliases must be hand-written. */
function noteWarnings(text: string, file: string, note: (text: string) => void): void {
  const warnings = checkCatalogText(text, file).problems.filter((problem) => problem.severity === "warning");
  if (warnings.length === 0) return;
  note(
    `${file} has ${warnings.length} warning(s) (active gifts sharing a name); give each an alias, ` +
      `then check with \`gift-calc catalog validate --strict\``,
  );
}

/** The existing catalog's text, or undefined when the file does not exist yet. */
async function existingText(path: string): Promise<string | undefined> {
  try {
    await access(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
  }
  return readTextFile(path, "catalog");
}

export async function catalogImportAction(captureFile: string, command: Command, io: CliIo): Promise<void> {
  const context = await baseContext(command, io);
  const options = command.opts<CatalogImportOptions>();
  const format = context.options.format as Exclude<CliFormat, "github">;
  const { label, text } = await readNamed(io, captureFile, "capture");
  const capture = captureFromText(text, label);
  // A raw response dates itself (extra.now); a plain array is dated by --date, else today (UTC).
  // An explicit --date wins over both.
  const date =
    options.date === undefined
      ? (capture.capturedAt ?? io.now().toISOString().slice(0, 10))
      : checkedDate(options.date);
  for (const reason of capture.skipped) context.note(`skipped ${reason}`);
  if (capture.gifts.length === 0) {
    throw new GiftCalcError("BAD_CAPTURE", `${label} lists no gifts`, {
      hint: "an empty capture would retire every gift; check the file",
    });
  }

  if (options.into === undefined) {
    const result = catalogFromCapture(capture, date);
    context.write(result.text);
    context.note(`${capture.gifts.length} gifts from the capture of ${date}`);
    noteWarnings(result.text, "the catalog", context.note);
    return;
  }

  const path = resolve(io.cwd, options.into);
  const current = await existingText(path);
  let result: ImportResult;
  if (current === undefined) {
    result = catalogFromCapture(capture, date);
  } else {
    const capturedAt = catalogFromText(current, options.into).source.capturedAt;
    if (capturedAt !== undefined && date < capturedAt && !options.force) {
      throw new GiftCalcError(
        "BAD_CAPTURE",
        `the capture of ${date} is older than ${options.into} (captured ${capturedAt}); merging it would retire newer gifts`,
        { hint: "add --force if that is what you want" },
      );
    }
    result = mergeCapture(current, options.into, capture, date);
  }
  const data = {
    schema: DIFF_SCHEMA,
    old: { file: current === undefined ? null : options.into },
    new: { file: options.into, capturedAt: date, gifts: result.catalog.gifts.length },
    counts: result.diff.counts,
    changes: result.diff.changes,
  };
  context.write(
    render(
      format,
      data,
      () =>
        format === "csv"
          ? diffTableReport(result.diff)
          : diffReport(options.into ?? "", `${label} (${date})`, result.diff),
      context.style,
    ),
  );
  if (options.dryRun) {
    context.note(`--dry-run: ${options.into} not written`);
    return;
  }
  try {
    await writeFile(path, result.text);
  } catch (error) {
    throw new GiftCalcError("FILE_UNREADABLE", `cannot write ${options.into}: ${(error as Error).message}`, {
      hint: "check the path and its permissions",
    });
  }
  context.note(`wrote ${options.into} (${result.catalog.gifts.length} gifts)`);
  noteWarnings(result.text, options.into, context.note);
}
