/**
 * The normalised log: counted events (after streak collapse) as gift-calc's canonical CSV of
 * LOG-FORMATS.md, which gift-calc reads back unchanged. Cells are formula-neutralised.
 */
import type { LogEventRow } from "../core/log/group.js";
import { csvCell } from "./sanitise.js";

export const CANONICAL_CSV_HEADER =
  "timestamp,sender_id,sender,gift_id,gift,count,streakable,repeat_end,group_id,receiver_id";

/** One event per line; every row is final, so `repeat_end` is true. */
export function renderEventsCsv(events: readonly LogEventRow[]): string {
  const lines = [CANONICAL_CSV_HEADER];
  for (const event of events) {
    lines.push(
      [
        event.timestamp,
        event.senderId,
        event.sender,
        event.giftId,
        event.gift,
        event.count,
        event.streakable,
        true,
        event.groupId,
        event.receiverId,
      ]
        .map(csvCell)
        .join(","),
    );
  }
  return `${lines.join("\n")}\n`;
}
