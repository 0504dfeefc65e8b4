/**
 * The JSON of `--by` group rows, written with a template per row: tens of thousands of rows of
 * one flat shape go out faster than through JSON.stringify, and the same text.
 */
import type { LogGroupRow } from "../core/log/group.js";
import { type ElementsWriter, jsonNumber, jsonString, jsonStringInside } from "./json.js";

/** `rows` as `JSON.stringify` writes them (an `ElementsWriter` for `renderJsonPieces`). */
export function groupRowsJson(rows: readonly LogGroupRow[]): ElementsWriter {
  return function* (indent, pieceChars) {
    const field = `\n${indent}  `;
    // The quotes around key and label are in the constant parts: a row adds no string of its own.
    const first = `\n${indent}{${field}"key": "`;
    const next = `,${first}`;
    const label = `",${field}"label": "`;
    const gifts = `",${field}"gifts": `;
    const fixed = next.length + label.length + gifts.length;
    // Rows come largest first, so neighbours often share their coins and the values that follow
    // from them: that end of a row is written once per run of equal values.
    let last: LogGroupRow | undefined;
    let end = "";
    let parts: string[] = [];
    let chars = 0;
    for (const row of rows) {
      if (
        last === undefined ||
        row.coins !== last.coins ||
        row.diamonds !== last.diamonds ||
        row.walletUsd !== last.walletUsd ||
        row.share !== last.share
      ) {
        end = `,${field}"coins": ${jsonNumber(row.coins)},${field}"diamonds": ${jsonString(row.diamonds)},${field}"walletUsd": ${jsonString(row.walletUsd)},${field}"share": ${jsonString(row.share)}\n${indent}}`;
      }
      const key = jsonStringInside(row.key);
      const name = jsonStringInside(row.label);
      const count = jsonNumber(row.gifts);
      parts.push(last === undefined ? first : next, key, label, name, gifts, count, end);
      last = row;
      chars += fixed + key.length + name.length + count.length + end.length;
      if (chars >= pieceChars) {
        // One join per piece: a flat string, where `+=` of many small ones is a slow chain to encode.
        yield parts.join("");
        parts = [];
        chars = 0;
      }
    }
    if (parts.length > 0) yield parts.join("");
  };
}
