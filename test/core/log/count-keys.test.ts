import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createCatalog } from "../../../src/core/catalog.js";
import { type CountedEvent, type CounterOptions, createLogCounter } from "../../../src/core/log/count.js";
import { isWholeId, wholeIdOfText } from "../../../src/core/log/id-map.js";
import { emptyRecord, type LogRecord, NO_ID, TEXT_ID } from "../../../src/core/log/record.js";
import { gift } from "../../helpers/gifts.js";

const CATALOG = createCatalog(
  [gift(5655, "Rose", 1, true), gift(5487, "Finger Heart", 5, true), gift(6369, "Lion", 29999, false)],
  { description: "test" },
);

/** What an event says, as a plain object (a reused event is read during the call). */
const plain = (event: CountedEvent) => ({
  gift: event.gift.name,
  count: event.count,
  isStreakable: event.isStreakable,
  senderId: event.senderId,
  senderName: event.senderName,
  receiverId: event.receiverId,
  timestamp: event.timestamp,
  groupId: event.groupId,
});

function run(records: readonly LogRecord[], options: CounterOptions) {
  const events: ReturnType<typeof plain>[] = [];
  const counter = createLogCounter(CATALOG, { ...options, onCounted: (event) => events.push(plain(event)) });
  for (const record of records) counter.record(record);
  return { ...counter.finish(), events };
}

const arbitraryRow = fc.record({
  giftId: fc.constantFrom(5655, 5487, 6369, 99),
  unitCoins: fc.constantFrom(null, 1, 7),
  count: fc.constantFrom(null, 1, 2, 3, 5),
  isStreakable: fc.constantFrom(null, true, false),
  isStreakEnd: fc.constantFrom(null, true, false, false, false),
  senderId: fc.constantFrom("a", "b", "c", null),
  senderName: fc.constantFrom("Ann", "Bob", null),
  receiverId: fc.constantFrom(null, "guest"),
  timestamp: fc.constantFrom(null, 1_764_000_000_000, 1_764_000_360_000),
  groupId: fc.constantFrom<string | number | null>(
    null,
    1,
    2,
    7_300_000_000_000,
    7_300_000_000_001,
    "x",
    "7300000000000",
    1.5,
    -3,
  ),
  messageId: fc.constantFrom(null, "m1", "12", "012", "7300000000000", "7300000000001"),
});

describe("the counter's fast keys never change a result", () => {
  it("counts alike with and without groupKey, messageKey and senderKey, and with a reused event", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(arbitraryRow, fc.integer({ min: -1, max: 3 })), { maxLength: 60 }),
        fc.constantFrom<"count" | "drop">("count", "drop"),
        fc.constantFrom(undefined, "guest", "host"),
        (rows, openStreaks, receiver) => {
          const options: CounterOptions = { openStreaks, ...(receiver ? { receiver } : {}) };
          const plainRecords = rows.map(([fields], index) => ({
            ...emptyRecord(),
            ...fields,
            line: index + 2,
          }));
          // The keys a reader adds for a sink that reads them (leaving whole-number ids out of
          // `groupId` and `messageId`); the sender hint is any small number, clashes included.
          const keyed = plainRecords.map((record, index): LogRecord => {
            const { groupId, messageId } = record;
            const groupKey =
              groupId === null
                ? NO_ID
                : typeof groupId === "number" && isWholeId(groupId)
                  ? groupId
                  : TEXT_ID;
            const messageWhole = messageId === null ? NO_ID : wholeIdOfText(messageId);
            const messageKey = messageId === null ? NO_ID : messageWhole >= 0 ? messageWhole : TEXT_ID;
            return {
              ...record,
              groupId: groupKey >= 0 ? null : groupId,
              messageId: messageKey >= 0 ? null : messageId,
              groupKey,
              messageKey,
              senderKey: rows[index]?.[1] ?? -1,
            };
          });
          const expected = run(plainRecords, options);
          expect(run(keyed, options)).toEqual(expected);
          expect(run(keyed, { ...options, reuseEvent: true })).toEqual(expected);
          expect(run(plainRecords, { ...options, reuseEvent: true })).toEqual(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
