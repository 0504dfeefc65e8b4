/**
 * YAML read safely: the core schema only (no custom tags), duplicate keys refused, alias expansion
 * bounded, and numbers that are not whole kept as their exact source text ("0.005", not a binary
 * float). Every value can be traced back to its line and column for error messages.
 */
import { isMap, isScalar, LineCounter, type Node, parseDocument, visit } from "yaml";

export interface Position {
  readonly line: number;
  readonly col: number;
}

export interface YamlProblem extends Position {
  readonly message: string;
}

export interface ParsedYaml {
  readonly value: unknown;
  /** Line and column of the node at `path` (or of its nearest existing parent). */
  readonly locate: (path: readonly PropertyKey[]) => Position;
  /** The top-level map's keys in the order written (a JS object puts "5655" before "rose"). */
  readonly keys?: () => string[];
}

const MAX_ALIAS_COUNT = 100;
const STANDARD_TAGS = /^tag:yaml\.org,2002:(str|int|float|bool|null|map|seq)$/;

export type YamlResult = { ok: true; yaml: ParsedYaml } | { ok: false; problems: YamlProblem[] };

export function parseYaml(text: string): YamlResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, schema: "core" });
  const at = (offset: number): Position => lineCounter.linePos(offset);
  const problems: YamlProblem[] = doc.errors.map((error) => ({
    ...at(error.pos[0]),
    message: error.message.split("\n")[0] ?? error.message,
  }));
  visit(doc, {
    Node(_key, node) {
      if (node.tag !== undefined && !STANDARD_TAGS.test(node.tag) && !node.tag.startsWith("!!")) {
        problems.push({ ...at(node.range?.[0] ?? 0), message: `custom tag ${node.tag} is not allowed` });
      }
    },
    Scalar(_key, node) {
      if (typeof node.value === "number" && !Number.isSafeInteger(node.value) && node.source !== undefined) {
        node.value = node.source;
      }
    },
  });
  for (const warning of doc.warnings) {
    problems.push({ ...at(warning.pos[0]), message: warning.message.split("\n")[0] ?? warning.message });
  }
  if (problems.length > 0) return { ok: false, problems };

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return { ok: false, problems: [{ line: 1, col: 1, message: (error as Error).message }] };
  }

  const locate = (path: readonly PropertyKey[]): Position => {
    for (let length = path.length; length >= 0; length--) {
      const node = doc.getIn(path.slice(0, length) as unknown[], true) as Node | undefined;
      if (node?.range) return at(node.range[0]);
    }
    return { line: 1, col: 1 };
  };
  const keys = () =>
    isMap(doc.contents)
      ? doc.contents.items.map((pair) => String(isScalar(pair.key) ? pair.key.value : pair.key))
      : [];
  return { ok: true, yaml: { value, locate: (path) => locateKey(doc.contents, path) ?? locate(path), keys } };

  /** For a path ending in a mapping key (e.g. an unknown key), point at the key itself. */
  function locateKey(root: unknown, path: readonly PropertyKey[]): Position | undefined {
    let node: unknown = root;
    for (const [index, step] of path.entries()) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(step));
        if (pair === undefined) return undefined;
        if (index === path.length - 1 && isScalar(pair.key) && pair.key.range) return at(pair.key.range[0]);
        node = pair.value;
      } else if (node && typeof node === "object" && "items" in node && Array.isArray(node.items)) {
        node = node.items[Number(step)];
      } else {
        return undefined;
      }
    }
    return undefined;
  }
}
