/**
 * Config files: the built-in defaults and a user's gift-calc.yaml, read → parse → validate. An
 * invalid file is a known error naming file, line, column and field.
 */
import { GiftCalcError } from "../errors.js";
import { readTextFile } from "./files.js";
import { type FileProblem, formatProblem, schemaProblems, syntaxProblems } from "./problems.js";
import {
  type ConfigFile,
  configFileSchema,
  type DefaultsFile,
  defaultsFileSchema,
} from "./schema/config-schema.js";
import { parseYaml } from "./yaml.js";

function invalid(fileName: string, problems: readonly FileProblem[]): GiftCalcError {
  const [first] = problems;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
  return new GiftCalcError(
    "BAD_CONFIG",
    `invalid config: ${first ? formatProblem(first) : fileName}${more}`,
    {
      hint: "fix the file, or run `gift-calc config init --force` for a fresh one",
    },
  );
}

function validated<T>(text: string, fileName: string, schema: { safeParse: (value: unknown) => unknown }): T {
  const parsed = parseYaml(text);
  if (!parsed.ok) throw invalid(fileName, syntaxProblems(fileName, parsed.problems));
  // An empty file is an empty config.
  const value = parsed.yaml.value ?? {};
  const result = schema.safeParse(value) as
    | { success: true; data: T }
    | { success: false; error: Parameters<typeof schemaProblems>[1] };
  if (!result.success) throw invalid(fileName, schemaProblems(fileName, result.error, parsed.yaml));
  return result.data;
}

export function defaultsFromText(text: string, fileName: string): DefaultsFile {
  return validated<DefaultsFile>(text, fileName, defaultsFileSchema);
}

export function configFromText(text: string, fileName: string): ConfigFile {
  return validated<ConfigFile>(text, fileName, configFileSchema);
}

export async function loadConfigFile(path: string): Promise<ConfigFile> {
  return configFromText(await readTextFile(path, "config file"), path);
}
