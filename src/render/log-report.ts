/** The parts of an estimate that only logs have: the audit block and the grouping (with bars). */
import type { LogAudit } from "../core/log/count.js";
import type { LogGroups } from "../core/log/group.js";
import type { Field, Section } from "./report.js";

export function auditFields(audit: LogAudit): Field[] {
  const fields: Field[] = [
    { key: "rows", label: "rows read", value: audit.rows },
    { key: "counted", label: "counted", value: audit.counted, tone: "strong" },
    { key: "streakFramesHeld", label: "streak frames held", value: audit.streakFramesHeld },
    { key: "duplicates", label: "duplicates (message id)", value: audit.duplicates },
    {
      key: "rejected",
      label: "rejected",
      value: audit.rejected.count,
      ...(audit.rejected.count > 0 ? { tone: "bad" as const } : {}),
    },
    { key: "filtered", label: "other receivers", value: audit.filtered },
    {
      key: "openStreaks",
      label: `open streaks at end (${audit.openStreaks.rule === "count" ? "counted" : "dropped"})`,
      value: `${audit.openStreaks.count} worth ${audit.openStreaks.coins} coins`,
      ...(audit.openStreaks.count > 0 ? { tone: "warn" as const } : {}),
    },
    { key: "streaksRestarted", label: "streaks closed by a restart", value: audit.streaksRestarted },
    {
      key: "priceFromLog",
      label: "priced from the log",
      value: `${audit.priceFromLog.gifts} gifts, ${audit.priceFromLog.coins} coins`,
      ...(audit.priceFromLog.gifts > 0 ? { tone: "warn" as const } : {}),
    },
    { key: "priceMismatches", label: "log price ≠ catalog", value: audit.priceMismatches },
  ];
  for (const [index, reject] of audit.rejected.first.entries()) {
    fields.push({
      key: `reject${index + 1}`,
      label: `${reject.file === undefined ? "line " : `${reject.file}:`}${reject.line}`,
      value: `${reject.code} ${reject.reason}`,
      tone: "dim",
    });
  }
  return fields;
}

/** "rows = counted + held + duplicates + rejected + filtered", with the figures. */
export function auditIdentity(audit: LogAudit): string {
  return (
    `${audit.rows} rows = ${audit.counted} counted + ${audit.streakFramesHeld} held + ` +
    `${audit.duplicates} duplicates + ${audit.rejected.count} rejected + ${audit.filtered} filtered`
  );
}

const BY_HEADER = {
  gift: "gift",
  sender: "sender",
  receiver: "receiver",
  day: "day",
  hour: "hour",
  minute: "minute",
} as const;

export function groupSection(groups: LogGroups): Section {
  if (groups.by === "event") {
    return {
      kind: "table",
      title: "Counted events",
      columns: [
        { key: "timestamp", header: "time" },
        { key: "sender", header: "sender" },
        { key: "senderId", header: "sender id" },
        { key: "gift", header: "gift" },
        { key: "count", header: "count", align: "right" },
        { key: "coins", header: "coins", align: "right" },
      ],
      rows: groups.events.map((event) => ({ ...event })),
    };
  }
  const isTime = groups.by === "day" || groups.by === "hour" || groups.by === "minute";
  const showsKey = groups.by === "sender" || groups.by === "gift";
  return {
    kind: "table",
    title: `By ${groups.by}${isTime && groups.zone !== undefined ? ` (${groups.zone})` : ""}`,
    columns: [
      { key: "label", header: BY_HEADER[groups.by] },
      ...(showsKey ? [{ key: "key", header: "id" }] : []),
      { key: "gifts", header: "gifts", align: "right" as const },
      { key: "coins", header: "coins", align: "right" as const },
      { key: "walletUsd", header: "wallet USD", align: "right" as const },
      { key: "share", header: "share %", align: "right" as const },
    ],
    rows: groups.rows.map((row) => ({ ...row })),
    barColumn: "coins",
  };
}

export function groupNotes(groups: LogGroups): string[] {
  if (groups.others === undefined) return [];
  if (groups.by === "event") {
    const { events, gifts, coins } = groups.others;
    return [
      `${events} more events (${gifts} gifts, ${coins} coins) not shown (--top; --format csv writes every event)`,
    ];
  }
  const { others } = groups;
  return [`${others.groups} more (${others.gifts} gifts, ${others.coins} coins) not shown (--top)`];
}
