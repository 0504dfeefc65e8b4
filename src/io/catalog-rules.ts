/**
 * Rules a catalog must keep beyond its schema: unique ids, names and aliases that find one gift.
 */
import { normaliseName } from "../core/names.js";
import type { FileProblem, Severity } from "./problems.js";
import { formatPath } from "./problems.js";
import type { CatalogFile } from "./schema/catalog-schema.js";
import type { ParsedYaml } from "./yaml.js";

export function catalogRuleProblems(file: CatalogFile, fileName: string, yaml: ParsedYaml): FileProblem[] {
  const problems: FileProblem[] = [];
  const add = (code: string, severity: Severity, path: PropertyKey[], message: string) =>
    problems.push({ code, severity, file: fileName, ...yaml.locate(path), path: formatPath(path), message });

  const firstById = new Map<number, number>();
  file.gifts.forEach((gift, index) => {
    const first = firstById.get(gift.id);
    if (first === undefined) firstById.set(gift.id, index);
    else add("DUPLICATE_ID", "error", ["gifts", index, "id"], `id ${gift.id} is also gifts[${first}]`);
  });

  // An alias must name one gift: it may not repeat another gift's name or alias.
  const namesOf = new Map<string, number[]>();
  file.gifts.forEach((gift, index) => {
    const key = normaliseName(gift.name);
    namesOf.set(key, [...(namesOf.get(key) ?? []), index]);
  });
  const aliasOwner = new Map<string, number>();
  file.gifts.forEach((gift, index) => {
    (gift.aliases ?? []).forEach((alias, aliasIndex) => {
      const key = normaliseName(alias);
      const path = ["gifts", index, "aliases", aliasIndex];
      const owner = aliasOwner.get(key);
      const named = (namesOf.get(key) ?? []).filter((other) => other !== index);
      if (owner !== undefined && owner !== index) {
        add("DUPLICATE_ALIAS", "error", path, `alias "${alias}" is also an alias of gifts[${owner}]`);
      } else if (named.length > 0) {
        add("DUPLICATE_ALIAS", "error", path, `alias "${alias}" is the name of gifts[${named[0]}]`);
      }
      aliasOwner.set(key, index);
    });
  });

  // Active gifts sharing a name: fine only when each has an alias of its own.
  for (const indexes of namesOf.values()) {
    const active = indexes.filter((index) => file.gifts[index]?.retired === undefined);
    if (active.length < 2) continue;
    for (const index of active) {
      const gift = file.gifts[index];
      if (gift && (gift.aliases ?? []).length === 0) {
        const others = active.filter((other) => other !== index).map((other) => `gifts[${other}]`);
        add(
          "DUPLICATE_NAME",
          "warning",
          ["gifts", index, "name"],
          `"${gift.name}" is also the name of active ${others.join(", ")}; give each an alias of its own`,
        );
      }
    }
  }
  return problems;
}
