/**
 * Problems found in a file, as data: a stable code, the place (file, line, column, YAML path) and a
 * message. Text for people is made from them at the edge.
 */
import type { z } from "zod";
import type { ParsedYaml, YamlProblem } from "./yaml.js";

export type Severity = "error" | "warning";

export interface FileProblem {
  readonly code: string;
  readonly severity: Severity;
  readonly file: string;
  readonly line: number;
  readonly col: number;
  /** YAML path such as `gifts[3].coins`; empty for the whole file. */
  readonly path: string;
  readonly message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const step of path) {
    if (typeof step === "number") text += `[${step}]`;
    else text += text === "" ? String(step) : `.${String(step)}`;
  }
  return text;
}

export function syntaxProblems(file: string, problems: readonly YamlProblem[]): FileProblem[] {
  return problems.map((problem) => ({
    code: "YAML_SYNTAX",
    severity: "error",
    file,
    line: problem.line,
    col: problem.col,
    path: "",
    message: problem.message,
  }));
}

/** A more precise code and message for a schema issue, from a file type's own rules. */
export type IssueRefiner = (
  issue: z.core.$ZodIssue,
  value: unknown,
) => { readonly code: string; readonly message: string } | undefined;

/** The raw value at `path` in parsed data (undefined when absent). */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = root;
  for (const step of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[step];
  }
  return value;
}

/**
 * zod's issues, placed on the YAML nodes they are about: UNKNOWN_KEY, MISSING_KEY, INVALID_VALUE,
 * or what `refine` says when it knows better.
 */
export function schemaProblems(
  file: string,
  error: z.ZodError,
  yaml: ParsedYaml,
  refine?: IssueRefiner,
): FileProblem[] {
  const problems: FileProblem[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        problems.push({
          code: "UNKNOWN_KEY",
          severity: "error",
          file,
          ...yaml.locate(path),
          path: formatPath(path),
          message: `unknown key "${key}"`,
        });
      }
      continue;
    }
    const value = valueAt(yaml.value, issue.path);
    const isMissing = issue.code === "invalid_type" && value === undefined;
    const refined = isMissing ? undefined : refine?.(issue, value);
    problems.push({
      code: refined?.code ?? (isMissing ? "MISSING_KEY" : "INVALID_VALUE"),
      severity: "error",
      file,
      ...yaml.locate(issue.path),
      path: formatPath(issue.path),
      message:
        refined?.message ?? (isMissing ? "is required" : issue.message.replace(/^Invalid input: /, "")),
    });
  }
  return problems;
}

/** Problems in reading order: by line, then column. */
export function byPosition(a: FileProblem, b: FileProblem): number {
  return a.line - b.line || a.col - b.col || a.code.localeCompare(b.code);
}

/** `file:line:col  CODE  path: message` — the one-line form used in errors and `catalog validate`. */
export function formatProblem(problem: FileProblem): string {
  const where = problem.path === "" ? "" : `${problem.path}: `;
  return `${problem.file}:${problem.line}:${problem.col}  ${problem.code}  ${where}${problem.message}`;
}
