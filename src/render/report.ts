/**
 * What every command prints, independent of format: titled sections that are either tables or
 * lists of named fields. Renderers turn a Report into table, markdown or CSV text; JSON output is
 * the command's own data, not a Report.
 */
export type Cell = string | number | boolean | null;

export type Tone = "good" | "bad" | "warn" | "dim" | "strong";

export interface Column {
  readonly key: string;
  readonly header: string;
  readonly align?: "left" | "right";
}

export interface TableSection {
  readonly kind: "table";
  readonly title: string;
  readonly columns: readonly Column[];
  readonly rows: readonly Readonly<Record<string, Cell>>[];
  /** Rows that sum the others (shown bold, kept in CSV). */
  readonly footer?: Readonly<Record<string, Cell>>;
  /** Draw a proportional bar per row from this numeric column (table output only). */
  readonly barColumn?: string;
}

export interface Field {
  readonly key: string;
  readonly label: string;
  readonly value: Cell;
  readonly tone?: Tone;
}

export interface FieldsSection {
  readonly kind: "fields";
  readonly title: string;
  readonly fields: readonly Field[];
}

export type Section = TableSection | FieldsSection;

export interface Report {
  readonly title: string;
  readonly sections: readonly Section[];
  /** Plain sentences shown under the report (table and markdown only). */
  readonly notes?: readonly string[];
}
