/**
 * Reports for `gift-calc catalog …`: problems, diffs, gift lists. Pure: data in, Report or string out.
 */
import type { Gift } from "../core/catalog.js";
import { CATALOG_CHANGE_KINDS, type CatalogChange, type CatalogDiff } from "../core/catalog-diff.js";
import type { Column, Report, Section } from "./report.js";

/** The slice of a file problem the renderers need (structurally io/problems' FileProblem). */
export interface ProblemLike {
  readonly code: string;
  readonly severity: "error" | "warning";
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly path: string;
  readonly message: string;
}

export function problemsReport(file: string, problems: readonly ProblemLike[], giftCount?: number): Report {
  const errors = problems.filter((problem) => problem.severity === "error").length;
  return {
    title: `Catalog ${file}`,
    sections: [
      {
        kind: "table",
        title: "Problems",
        columns: [
          { key: "line", header: "line", align: "right" },
          { key: "col", header: "col", align: "right" },
          { key: "severity", header: "severity" },
          { key: "code", header: "code" },
          { key: "path", header: "path" },
          { key: "message", header: "message" },
        ],
        rows: problems.map((problem) => ({ ...problem })),
      },
    ],
    notes: [
      `${errors} error(s), ${problems.length - errors} warning(s)${giftCount === undefined ? "" : `, ${giftCount} gifts`}`,
    ],
  };
}

/** GitHub Actions workflow commands: one annotation per problem, on the file's line. */
export function githubAnnotations(problems: readonly ProblemLike[]): string {
  // Workflow-command data escapes %, CR and LF; property values also escape : and ,.
  const data = (text: string) => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  const property = (text: string) => data(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
  return problems
    .map((problem) => {
      const where = problem.path === "" ? "" : `${problem.path}: `;
      return `::${problem.severity} file=${property(problem.file)},line=${problem.line},col=${problem.col},title=${property(problem.code)}::${data(`${where}${problem.message}`)}\n`;
    })
    .join("");
}

const KIND_TITLES: Record<CatalogChange["kind"], string> = {
  added: "Added",
  removed: "Removed",
  repriced: "Repriced",
  renamed: "Renamed",
  retired: "Retired",
  unretired: "Back from retirement",
  streakable: "Streakability changed",
};

const signed = (percent: string) => (percent.startsWith("-") ? `${percent} %` : `+${percent} %`);

function changeSection(kind: CatalogChange["kind"], changes: readonly CatalogChange[]): Section {
  const id: Column = { key: "id", header: "id", align: "right" };
  const name: Column = { key: "name", header: "gift" };
  const coins: Column = { key: "coins", header: "coins", align: "right" };
  const rows = changes.map((change) => ({
    id: change.id,
    name: change.name,
    coins: change.newCoins ?? change.oldCoins ?? null,
    oldCoins: change.oldCoins ?? null,
    newCoins: change.newCoins ?? null,
    change: change.changePercent === undefined ? null : signed(change.changePercent),
    oldName: change.oldName ?? null,
    retired: change.retired ?? null,
    streakable: change.streakable ?? null,
  }));
  const columnsByKind: Record<CatalogChange["kind"], Column[]> = {
    added: [id, name, coins, { key: "streakable", header: "streakable" }],
    removed: [id, name, coins],
    repriced: [
      id,
      name,
      { key: "oldCoins", header: "old coins", align: "right" },
      { key: "newCoins", header: "new coins", align: "right" },
      { key: "change", header: "change", align: "right" },
    ],
    renamed: [id, { key: "oldName", header: "old name" }, { key: "name", header: "new name" }],
    retired: [id, name, coins, { key: "retired", header: "retired" }],
    unretired: [id, name, coins, { key: "retired", header: "was retired" }],
    streakable: [id, name, { key: "streakable", header: "streakable now" }],
  };
  const columns = columnsByKind[kind];
  return { kind: "table", title: `${KIND_TITLES[kind]} (${changes.length})`, columns, rows };
}

export function diffReport(oldLabel: string, newLabel: string, diff: CatalogDiff): Report {
  const sections: Section[] = [];
  for (const kind of CATALOG_CHANGE_KINDS) {
    const changes = diff.changes.filter((change) => change.kind === kind);
    if (changes.length > 0) sections.push(changeSection(kind, changes));
  }
  const summary = CATALOG_CHANGE_KINDS.filter((kind) => diff.counts[kind] > 0)
    .map((kind) => `${diff.counts[kind]} ${kind}`)
    .join(", ");
  return {
    title: `Gift catalog changes: ${oldLabel} → ${newLabel}`,
    sections,
    notes: [summary === "" ? "No gift changed." : `${summary}. Gifts are matched by id.`],
  };
}

const giftColumns: readonly Column[] = [
  { key: "id", header: "id", align: "right" },
  { key: "name", header: "gift" },
  { key: "coins", header: "coins", align: "right" },
  { key: "streakable", header: "streakable" },
  { key: "aliases", header: "aliases" },
  { key: "retired", header: "retired" },
];

const giftRow = (gift: Gift) => ({
  id: gift.id,
  name: gift.name,
  coins: gift.coins,
  streakable: gift.isStreakable,
  aliases: gift.aliases.length === 0 ? null : gift.aliases.join(", "),
  retired: gift.retired ?? null,
});

export function giftListReport(title: string, gifts: readonly Gift[], notes: readonly string[]): Report {
  return {
    title,
    sections: [{ kind: "table", title, columns: giftColumns, rows: gifts.map(giftRow) }],
    notes,
  };
}

export function giftReport(gift: Gift, namesakes: readonly Gift[]): Report {
  const row = giftRow(gift);
  return {
    title: gift.name,
    sections: [
      {
        kind: "fields",
        title: gift.name,
        fields: [
          ...giftColumns.map((column) => ({
            key: column.key,
            label: column.header,
            value: row[column.key as keyof typeof row],
          })),
          {
            key: "status",
            label: "status",
            value: gift.retired === undefined ? "active" : `retired ${gift.retired}`,
            tone: gift.retired === undefined ? "good" : "warn",
          },
        ],
      },
      ...(namesakes.length === 0
        ? []
        : [
            {
              kind: "table" as const,
              title: "Other gifts of the same name",
              columns: giftColumns,
              rows: namesakes.map(giftRow),
            },
          ]),
    ],
  };
}

/** The diff as one flat table with a `kind` column: what a spreadsheet or script wants from CSV. */
export function diffTableReport(diff: CatalogDiff): Report {
  const keys = [
    "kind",
    "id",
    "name",
    "oldName",
    "oldCoins",
    "newCoins",
    "changePercent",
    "retired",
    "streakable",
  ];
  return {
    title: "Gift catalog changes",
    sections: [
      {
        kind: "table",
        title: "Changes",
        columns: keys.map((key) => ({ key, header: key })),
        rows: diff.changes.map((change) => ({
          kind: change.kind,
          id: change.id,
          name: change.name,
          oldName: change.oldName ?? null,
          oldCoins: change.oldCoins ?? null,
          newCoins: change.newCoins ?? null,
          changePercent: change.changePercent ?? null,
          retired: change.retired ?? null,
          streakable: change.streakable ?? null,
        })),
      },
    ],
  };
}
