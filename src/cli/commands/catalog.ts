/** `gift-calc catalog <verb>`: the declarations; the work is in ../actions/catalog*.ts. */
import { type Command, Option } from "commander";
import { allowGithubFormat } from "../formats.js";
import type { CliIo } from "../io.js";

export interface CatalogListOptions {
  readonly search?: string;
  readonly streakable?: boolean;
  readonly min?: string;
  readonly max?: string;
  readonly sort: "coins" | "name";
  readonly includeRetired?: boolean;
}

export interface CatalogImportOptions {
  readonly into?: string;
  readonly date?: string;
  readonly dryRun?: boolean;
  readonly force?: boolean;
}

export function defineCatalog(program: Command, io: CliIo): Command {
  const catalog = program
    .command("catalog")
    .description("check, compare, import and browse gift catalogs")
    .addHelpText(
      "after",
      "\nExamples:\n  gift-calc catalog validate --strict data/gift-catalog.yaml\n" +
        "  git show main:data/gift-catalog.yaml | gift-calc catalog diff - data/gift-catalog.yaml --format markdown\n" +
        "  gift-calc catalog import gift-list.json --into my-catalog.yaml\n",
    );

  allowGithubFormat(
    catalog
      .command("validate")
      .description(
        "check a catalog: schema, unique ids and aliases, whole positive prices, dated retirements",
      )
      .argument("[file]", "catalog YAML, - for stdin (default: --catalog, else the shipped catalog)")
      .option("--strict", "fail (exit 1) on warnings too")
      .addHelpText(
        "after",
        "\n--format github prints GitHub Actions annotations (::error file=…,line=…::…).\n",
      )
      .action(async (file: string | undefined, _options: unknown, self: Command) => {
        const { catalogValidateAction } = await import("../actions/catalog.js");
        await catalogValidateAction(file, self, io);
      }),
  );

  catalog
    .command("diff")
    .description("gifts added, removed, repriced, renamed, retired between two catalogs (matched by id)")
    .argument("<old>", "older catalog YAML, - for stdin")
    .argument("<new>", "newer catalog YAML, - for stdin")
    .option("--old-label <text>", "name for the old side in the report (default: its file name, <stdin>)")
    .option("--new-label <text>", "name for the new side in the report (default: its file name)")
    .option(
      "--fail-on <kinds>",
      "exit 1 when a change of these kinds exists: added,removed,repriced,renamed,retired,unretired,streakable",
    )
    .action(async (oldFile: string, newFile: string, _options: unknown, self: Command) => {
      const { catalogDiffAction } = await import("../actions/catalog.js");
      await catalogDiffAction(oldFile, newFile, self, io);
    });

  catalog
    .command("import")
    .description("turn a TikTok gift-list capture into catalog YAML, or merge it into a catalog (--into)")
    .argument("<capture>", "webcast/gift/list JSON response, or a JSON array of gifts; - for stdin")
    .option("--into <file>", "merge into this catalog (created when absent) and print the changes")
    .option("--date <date>", "capture date YYYY-MM-DD (default: the capture's own, extra.now; else today)")
    .option("--dry-run", "with --into: print the changes, write nothing")
    .option("--force", "merge even when the capture is older than the catalog")
    .action(async (capture: string, _options: CatalogImportOptions, self: Command) => {
      const { catalogImportAction } = await import("../actions/catalog-import.js");
      await catalogImportAction(capture, self, io);
    });

  catalog
    .command("list")
    .description("the catalog's gifts, cheapest first")
    .option("--search <text>", "only gifts whose name or alias contains this text")
    .option("--streakable", "only gifts sent in streaks")
    .option("--min <coins>", "only gifts costing at least this many coins")
    .option("--max <coins>", "only gifts costing at most this many coins")
    .addOption(new Option("--sort <order>", "order").choices(["coins", "name"]).default("coins"))
    .option("--include-retired", "also list retired gifts")
    .action(async (_options: CatalogListOptions, self: Command) => {
      const { catalogListAction } = await import("../actions/catalog.js");
      await catalogListAction(self, io);
    });

  catalog
    .command("show")
    .description("one gift: id, price, streakability, aliases, retirement")
    .argument("<gift>", "gift name, alias or id")
    .action(async (gift: string, _options: unknown, self: Command) => {
      const { catalogShowAction } = await import("../actions/catalog.js");
      await catalogShowAction(gift, self, io);
    });

  catalog
    .command("schema")
    .description(
      "the catalog's JSON Schema (data/gift-catalog.schema.json), from the schema that validates it",
    )
    .action(async (_options: unknown, self: Command) => {
      const { catalogSchemaAction } = await import("../actions/catalog.js");
      await catalogSchemaAction(self, io);
    });
  return catalog;
}
