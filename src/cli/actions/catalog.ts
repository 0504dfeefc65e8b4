/**
 * `gift-calc catalog validate|diff|list|show|schema`. The YAML parser and zod are imported by the
 * commands that read catalog files, not by `list` and `show`, which use the shipped JSON.
 */
import { relative, resolve } from "node:path";
import type { Command } from "commander";
import { type Catalog, findGift, type Gift, giftsNamed, isActive } from "../../core/catalog.js";
import { CATALOG_CHANGE_KINDS, type CatalogChangeKind, diffCatalogs } from "../../core/catalog-diff.js";
import { normaliseName } from "../../core/names.js";
import { CheckFailedError, GiftCalcError } from "../../errors.js";
import { BUILTIN_CATALOG_PATH } from "../../io/builtin.js";
import { readTextFile } from "../../io/files.js";
import { type FileProblem, formatProblem } from "../../io/problems.js";
import {
  diffReport,
  diffTableReport,
  giftListReport,
  giftReport,
  githubAnnotations,
  problemsReport,
} from "../../render/catalog-report.js";
import { render } from "../../render/format.js";
import { renderJson } from "../../render/json.js";
import { forTerminal } from "../../render/sanitise.js";
import type { CatalogListOptions } from "../commands/catalog.js";
import { baseContext, type Context, modelContext } from "../context.js";
import type { CliFormat } from "../formats.js";
import type { CliIo } from "../io.js";

export const VALIDATE_SCHEMA = "gift-calc.catalog-validate/1";
export const DIFF_SCHEMA = "gift-calc.catalog-diff/1";
export const LIST_SCHEMA = "gift-calc.catalog-list/1";
export const GIFT_SCHEMA = "gift-calc.catalog-gift/1";

/** Whole standard input as text, refused past the size limit of files. */
export async function readStdinText(io: CliIo, what: string): Promise<string> {
  const { MAX_FILE_BYTES } = await import("../../io/files.js");
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of io.stdin) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > MAX_FILE_BYTES) {
      throw new GiftCalcError("FILE_TOO_LARGE", `${what} on stdin is more than ${MAX_FILE_BYTES} bytes`, {
        hint: "a real catalog is far smaller; check what is piped in",
      });
    }
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A file named on the command line (`-` = stdin), and the label its problems are reported under. */
export async function readNamed(
  io: CliIo,
  file: string,
  what: string,
  label?: string,
): Promise<{ label: string; text: string }> {
  if (file === "-") return { label: label ?? "<stdin>", text: await readStdinText(io, what) };
  return { label: label ?? file, text: await readTextFile(resolve(io.cwd, file), what) };
}

/** The catalog `validate` checks when no file is named: --catalog, GIFT_CALC_CATALOG, the shipped one. */
function defaultCatalogFile(context: Context): string {
  const chosen = context.options.catalog ?? context.io.env.GIFT_CALC_CATALOG;
  if (chosen !== undefined && chosen !== "") return chosen;
  return relative(context.io.cwd, BUILTIN_CATALOG_PATH) || BUILTIN_CATALOG_PATH;
}

function problemLines(problems: readonly FileProblem[], context: Context): string {
  return problems
    .map((problem) => {
      const line = forTerminal(formatProblem(problem));
      return `${problem.severity === "error" ? context.style.bad(line) : context.style.warn(line)}\n`;
    })
    .join("");
}

export async function catalogValidateAction(
  file: string | undefined,
  command: Command,
  io: CliIo,
): Promise<void> {
  const context = await baseContext(command, io);
  const format = context.options.format as CliFormat;
  const { strict } = command.opts<{ strict?: boolean }>();
  const { label, text } = await readNamed(io, file ?? defaultCatalogFile(context), "catalog");
  const { checkCatalogText } = await import("../../io/catalog-file.js");
  const check = checkCatalogText(text, label);
  const errors = check.problems.filter((problem) => problem.severity === "error").length;
  const warnings = check.problems.length - errors;
  const gifts = check.file?.gifts.length;

  if (format === "github") context.write(githubAnnotations(check.problems));
  else if (format === "table") context.write(problemLines(check.problems, context));
  else {
    const data = {
      schema: VALIDATE_SCHEMA,
      file: label,
      valid: errors === 0 && (!strict || warnings === 0),
      gifts: gifts ?? null,
      errors,
      warnings,
      problems: check.problems,
    };
    context.write(render(format, data, () => problemsReport(label, check.problems, gifts), context.style));
  }

  const summary = `${label}: ${errors} error(s), ${warnings} warning(s)`;
  if (errors > 0) throw new CheckFailedError(summary, "fix the problems listed above");
  if (strict && warnings > 0) {
    throw new CheckFailedError(`${summary} (--strict)`, "fix the warnings, or drop --strict");
  }
  context.note(`${label}: valid${gifts === undefined ? "" : `, ${gifts} gifts`}, ${warnings} warning(s)`);
}

function parseKinds(text: string): CatalogChangeKind[] {
  const kinds = text
    .split(",")
    .map((kind) => kind.trim())
    .filter((kind) => kind !== "");
  for (const kind of kinds) {
    if (!(CATALOG_CHANGE_KINDS as readonly string[]).includes(kind)) {
      throw new GiftCalcError("BAD_OPTION", `--fail-on: unknown change kind "${kind}"`, {
        hint: `use a comma-separated list of ${CATALOG_CHANGE_KINDS.join(", ")}`,
      });
    }
  }
  return kinds as CatalogChangeKind[];
}

function sideOf(label: string, catalog: Catalog) {
  return {
    file: label,
    capturedAt: catalog.source.capturedAt ?? null,
    gifts: catalog.gifts.length,
    active: catalog.gifts.filter(isActive).length,
  };
}

export async function catalogDiffAction(
  oldFile: string,
  newFile: string,
  command: Command,
  io: CliIo,
): Promise<void> {
  const context = await baseContext(command, io);
  const { failOn, oldLabel, newLabel } = command.opts<{
    failOn?: string;
    oldLabel?: string;
    newLabel?: string;
  }>();
  const failKinds = failOn === undefined ? [] : parseKinds(failOn);
  if (oldFile === "-" && newFile === "-") {
    throw new GiftCalcError("BAD_OPTION", "only one side of a diff can be read from stdin", {
      hint: "git show main:data/gift-catalog.yaml | gift-calc catalog diff - data/gift-catalog.yaml",
    });
  }
  const older = await readNamed(io, oldFile, "catalog", oldLabel);
  const newer = await readNamed(io, newFile, "catalog", newLabel);
  const { catalogFromText } = await import("../../io/catalog-file.js");
  const before = catalogFromText(older.text, older.label);
  const after = catalogFromText(newer.text, newer.label);
  const diff = diffCatalogs(before, after);
  const format = context.options.format as Exclude<CliFormat, "github">;
  const data = {
    schema: DIFF_SCHEMA,
    old: sideOf(older.label, before),
    new: sideOf(newer.label, after),
    counts: diff.counts,
    changes: diff.changes,
  };
  context.write(
    render(
      format,
      data,
      () => (format === "csv" ? diffTableReport(diff) : diffReport(older.label, newer.label, diff)),
      context.style,
    ),
  );
  const failing = failKinds.filter((kind) => diff.counts[kind] > 0);
  if (failing.length > 0) {
    throw new CheckFailedError(
      `catalog diff: ${failing.map((kind) => `${diff.counts[kind]} ${kind}`).join(", ")} (--fail-on ${failOn})`,
    );
  }
}

function wholeCoins(text: string, flag: string): number {
  const digits = text.trim().replaceAll("_", "");
  if (!/^\d+$/.test(digits) || !Number.isSafeInteger(Number(digits))) {
    throw new GiftCalcError("BAD_NUMBER", `${flag} "${text}" is not a whole number of coins`, {
      hint: `coins are whole numbers, e.g. ${flag} 100`,
    });
  }
  return Number(digits);
}

/** A gift in JSON output, with the catalog file's key names. */
function giftJson(gift: Gift) {
  return {
    id: gift.id,
    name: gift.name,
    coins: gift.coins,
    streakable: gift.isStreakable,
    aliases: gift.aliases,
    retired: gift.retired ?? null,
  };
}

/** The gifts `catalog list` shows, in its order. */
export function selectGifts(catalog: Catalog, options: CatalogListOptions): Gift[] {
  const min = options.min === undefined ? undefined : wholeCoins(options.min, "--min");
  const max = options.max === undefined ? undefined : wholeCoins(options.max, "--max");
  const search = options.search === undefined ? undefined : normaliseName(options.search);
  const gifts = catalog.gifts.filter(
    (gift) =>
      (options.includeRetired || isActive(gift)) &&
      (!options.streakable || gift.isStreakable) &&
      (min === undefined || gift.coins >= min) &&
      (max === undefined || gift.coins <= max) &&
      (search === undefined ||
        [gift.name, ...gift.aliases].some((name) => normaliseName(name).includes(search))),
  );
  const byName = (a: Gift, b: Gift) => a.name.localeCompare(b.name, "en", { sensitivity: "base" });
  return gifts.sort((a, b) =>
    options.sort === "name"
      ? byName(a, b) || a.coins - b.coins
      : a.coins - b.coins || byName(a, b) || a.id - b.id,
  );
}

export async function catalogListAction(command: Command, io: CliIo): Promise<void> {
  const context = await modelContext(command, io);
  const options = command.opts<CatalogListOptions>();
  const gifts = selectGifts(context.catalog, options);
  const source = context.catalog.source;
  const data = { schema: LIST_SCHEMA, source, count: gifts.length, gifts: gifts.map(giftJson) };
  const notes = [
    `${gifts.length} of ${context.catalog.gifts.length} gifts; prices in viewer coins` +
      (source.capturedAt === undefined ? "" : ` as captured ${source.capturedAt}`),
  ];
  const format = context.options.format as Exclude<CliFormat, "github">;
  context.write(render(format, data, () => giftListReport("Gifts", gifts, notes), context.style));
}

export async function catalogShowAction(reference: string, command: Command, io: CliIo): Promise<void> {
  const context = await modelContext(command, io);
  const gift = findGift(context.catalog, reference);
  const namesakes = giftsNamed(context.catalog, gift.name).filter((other) => other !== gift);
  const data = { schema: GIFT_SCHEMA, gift: giftJson(gift), sameName: namesakes.map(giftJson) };
  const format = context.options.format as Exclude<CliFormat, "github">;
  context.write(render(format, data, () => giftReport(gift, namesakes), context.style));
}

export async function catalogSchemaAction(command: Command, io: CliIo): Promise<void> {
  const context = await baseContext(command, io);
  const { catalogJsonSchema } = await import("../../io/schema/catalog-schema.js");
  // Always JSON: the schema is a JSON document whatever --format says.
  context.write(renderJson(catalogJsonSchema()));
}
