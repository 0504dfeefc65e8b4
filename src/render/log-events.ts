/**
 * The normalised log: counted events (after streak collapse) as gift-calc's canonical CSV of
 * LOG-FORMATS.md, which gift-calc reads back unchanged. Cells are formula-neutralised.
 */
import type { CountedEvent } from "../core/log/count.js";
import { eventRowOf, type LogEventRow } from "../core/log/group.js";
import type { ElementsWriter } from "./json.js";
import { csvCell } from "./sanitise.js";

export const CANONICAL_CSV_HEADER =
  "timestamp,sender_id,sender,gift_id,gift,count,streakable,repeat_end,group_id,receiver_id";

/** One event's line (no line end); every row is final, so `repeat_end` is true. */
function eventLine(event: LogEventRow): string {
  return `${csvCell(event.timestamp)},${csvCell(event.senderId)},${csvCell(event.sender)},${csvCell(event.giftId)},${csvCell(event.gift)},${event.count},${event.streakable},true,${csvCell(event.groupId)},${csvCell(event.receiverId)}`;
}

/** Text written out in pieces of about this many characters. */
const PIECE_CHARS = 1 << 16;

/** Writes the normalised log as events are counted (`add`, a counter's `onCounted`). */
export interface EventsCsvStream {
  readonly add: (event: CountedEvent) => void;
  /** Writes what is left (the header alone when no event came); returns how many events went unwritten (`kept`). */
  end(): number;
}

/**
 * The header, then one line per event `add` is given, handed to `write` a piece at a time as they
 * come: the normalised log of a long stream goes out as it is counted, in memory that does not
 * grow with it. Nothing is written before the first piece is full (or `end`). Only the first
 * `kept` events are written (`--top`).
 */
export function eventsCsvStream(
  write: (text: string) => void,
  kept = Number.POSITIVE_INFINITY,
): EventsCsvStream {
  let lines: string[] = [CANONICAL_CSV_HEADER];
  let chars = 0;
  let written = 0;
  let left = 0;
  const flush = () => {
    write(`${lines.join("\n")}\n`);
    lines = [];
    chars = 0;
  };
  return {
    add: (event) => {
      if (written >= kept) {
        left++;
        return;
      }
      written++;
      const line = eventLine(eventRowOf(event));
      lines.push(line);
      chars += line.length + 1;
      if (chars >= PIECE_CHARS) flush();
    },
    end: () => {
      if (lines.length > 0) flush();
      return left;
    },
  };
}

/** Where the events of `--by event` JSON wait for the rest of the estimate (a Spill). */
export interface EventsAside {
  write(text: string): void;
  pieces(): Iterable<string>;
}

/**
 * The events of `--by event` JSON set aside as they are counted (`add`, a counter's `onCounted`),
 * then written back as the elements of `groups.events` (`elements`, an ElementsWriter for
 * `renderJsonPieces`): the very text `renderJson` gives them, but never all in memory.
 */
export function eventsJsonAside(aside: EventsAside): {
  readonly add: (event: CountedEvent) => void;
  readonly elements: ElementsWriter;
} {
  let isFirst = true;
  return {
    add: (event) => {
      // Each element on its own lines, at no indent: `elements` indents them where they go (a
      // string's own line ends are escaped, so every line end here is JSON's).
      aside.write(`${isFirst ? "" : ","}\n${JSON.stringify(eventRowOf(event), null, 2)}`);
      isFirst = false;
    },
    elements: function* (indent) {
      for (const piece of aside.pieces()) yield piece.replaceAll("\n", `\n${indent}`);
    },
  };
}
