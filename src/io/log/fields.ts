/**
 * The field cross-walk of LOG-FORMATS.md: which column or JSON field of which tool means which
 * canonical field, and how its value is read. Matching ignores case, `_`, `-` and spaces; nested
 * JSON fields are dotted paths (`giftDetails.giftName`).
 */
import type { LogRecord } from "../../core/log/record.js";
import { GiftCalcError } from "../../errors.js";

/** How a value is read: `giftType` is 1 for streakable; `inverted` is a boolean meaning the opposite. */
export type Coercion = "integer" | "text" | "boolean" | "giftType" | "inverted" | "timestamp";

/** The fields a log names (not where a record came from, nor the fast keys readers add). */
export type RecordField = Exclude<
  keyof LogRecord,
  "line" | "source" | "groupKey" | "messageKey" | "senderKey"
>;

export interface CanonicalField {
  /** The name of LOG-FORMATS.md (what `--map` takes). */
  readonly canonical: string;
  readonly field: RecordField;
  readonly coercion: Coercion;
  /** Names seen in the wild, most specific first; `[name, coercion]` where it reads differently. */
  readonly names: readonly (string | readonly [string, Coercion])[];
}

export const CROSSWALK: readonly CanonicalField[] = [
  {
    canonical: "giftId",
    field: "giftId",
    coercion: "integer",
    names: ["giftId", "gift.gift_id", "gift.id"],
  },
  {
    canonical: "giftName",
    field: "giftName",
    coercion: "text",
    names: ["giftName", "giftDetails.giftName", "gift.name", "gift"],
  },
  {
    canonical: "unitCoins",
    field: "unitCoins",
    coercion: "integer",
    names: [
      "unitCoins",
      "diamondCount",
      "giftDetails.diamondCount",
      "gift.diamond_count",
      "diamondCost",
      "coins_each",
    ],
  },
  {
    canonical: "count",
    field: "count",
    coercion: "integer",
    names: ["repeatCount", "combo", "amount", "count"],
  },
  { canonical: "totalCoins", field: "totalCoins", coercion: "integer", names: ["totalCoins", "coins"] },
  {
    canonical: "streakable",
    field: "isStreakable",
    coercion: "boolean",
    names: [["giftType", "giftType"], ["giftDetails.giftType", "giftType"], "streakable", "gift.streakable"],
  },
  {
    canonical: "streakEnded",
    field: "isStreakEnd",
    coercion: "boolean",
    names: ["streakEnded", "repeatEnd", "gift.repeat_end", ["streaking", "inverted"], "streakFinished"],
  },
  {
    canonical: "senderId",
    field: "senderId",
    coercion: "text",
    names: ["senderId", "userId", "uniqueId", "user.userId", "user.uniqueId", "username"],
  },
  {
    canonical: "senderName",
    field: "senderName",
    coercion: "text",
    names: ["senderName", "sender", "nickname", "user.nickname", "username", "donator"],
  },
  {
    canonical: "receiverId",
    field: "receiverId",
    coercion: "text",
    names: ["receiverId", "receiverUserId", "toUserId", "to_user.id"],
  },
  {
    canonical: "timestamp",
    field: "timestamp",
    coercion: "timestamp",
    names: ["timestamp", "createTime", "time"],
  },
  { canonical: "groupId", field: "groupId", coercion: "text", names: ["groupId"] },
  { canonical: "messageId", field: "messageId", coercion: "text", names: ["messageId", "msgId", "logId"] },
];

/** Case-, `_`-, `-`- and space-insensitive form of a field name or dotted path. */
export function normaliseFieldName(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, "");
}

/** What one canonical field is read from, once the log's names are known. */
export interface FieldSource {
  readonly field: RecordField;
  readonly coercion: Coercion;
  /** Normalised name or dotted path. */
  readonly name: string;
}

/** `--map canonical=theirs` entries, validated. */
export function parseFieldMap(entries: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of entries) {
    const equals = entry.indexOf("=");
    const canonical = entry.slice(0, equals).trim();
    const theirs = entry.slice(equals + 1).trim();
    const known = CROSSWALK.find(
      (spec) => normaliseFieldName(spec.canonical) === normaliseFieldName(canonical),
    );
    if (equals === -1 || theirs === "" || known === undefined) {
      throw new GiftCalcError("BAD_OPTION", `--map "${entry}" is not CANONICAL=THEIR_NAME`, {
        hint: `canonical names: ${CROSSWALK.map((spec) => spec.canonical).join(", ")}`,
      });
    }
    map.set(known.canonical, theirs);
  }
  return map;
}

/** Candidate names per canonical field, `--map` first. */
export function candidatesOf(
  map: ReadonlyMap<string, string>,
): { spec: CanonicalField; names: [string, Coercion][] }[] {
  return CROSSWALK.map((spec) => {
    const names: [string, Coercion][] = [];
    const mapped = map.get(spec.canonical);
    if (mapped !== undefined) names.push([normaliseFieldName(mapped), spec.coercion]);
    for (const name of spec.names) {
      if (typeof name === "string") names.push([normaliseFieldName(name), spec.coercion]);
      else names.push([normaliseFieldName(name[0]), name[1]]);
    }
    return { spec, names };
  });
}

/**
 * Pick, for each canonical field, the first of its names that `has` finds. A name used by an
 * earlier field (`username` as the sender id) is still free for a later one (as the sender name).
 */
export function resolveSources(
  map: ReadonlyMap<string, string>,
  has: (normalisedName: string) => boolean,
): FieldSource[] {
  const sources: FieldSource[] = [];
  for (const { spec, names } of candidatesOf(map)) {
    const found = names.find(([name]) => has(name));
    if (found) sources.push({ field: spec.field, coercion: found[1], name: found[0] });
  }
  return sources;
}
