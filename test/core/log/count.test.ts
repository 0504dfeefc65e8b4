import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createCatalog, type Gift } from "../../../src/core/catalog.js";
import { type CounterOptions, createLogCounter, type LogAudit } from "../../../src/core/log/count.js";
import { emptyRecord, type LogRecord } from "../../../src/core/log/record.js";

const gift = (
  id: number,
  name: string,
  coins: number,
  isStreakable: boolean,
  aliases: string[] = [],
): Gift => ({
  id,
  name,
  coins,
  isStreakable,
  aliases,
});
const CATALOG = createCatalog(
  [
    gift(5655, "Rose", 1, true),
    gift(5487, "Finger Heart", 5, true),
    gift(6369, "Lion", 29999, false),
    gift(6247, "Heart", 1, true, ["Heart 1"]),
    gift(5480, "Heart", 10, true, ["Heart 10"]),
  ],
  { description: "test" },
);

let line = 0;
function row(fields: Partial<LogRecord>): LogRecord {
  line++;
  return { ...emptyRecord(), line, senderId: "anna", ...fields };
}

function count(rows: readonly LogRecord[], options: CounterOptions = {}) {
  const counter = createLogCounter(CATALOG, options);
  for (const record of rows) counter.record(record);
  const result = counter.finish();
  const coins = result.gifts.reduce((sum, counted) => sum + counted.count * counted.coinsEach, 0);
  return { ...result, coins };
}

const frame = (count: number, fields: Partial<LogRecord> = {}) =>
  row({ giftId: 5655, count, isStreakable: true, isStreakEnd: false, ...fields });
const end = (count: number, fields: Partial<LogRecord> = {}) =>
  row({ giftId: 5655, count, isStreakable: true, isStreakEnd: true, ...fields });

function identity(audit: LogAudit): number {
  return audit.counted + audit.streakFramesHeld + audit.duplicates + audit.rejected.count + audit.filtered;
}

describe("counting rules (SPEC §3), one by one", () => {
  it("holds streak frames (repeatEnd false) and counts the end frame's cumulative count once", () => {
    const result = count([frame(1), frame(2), frame(3), end(3)]);
    expect(result.coins).toBe(3);
    expect(result.audit).toMatchObject({ rows: 4, counted: 1, streakFramesHeld: 3 });
  });

  it("counts a lone end frame", () => {
    expect(count([end(4)]).coins).toBe(4);
  });

  it("counts a non-streakable row at once, even with repeatEnd false", () => {
    const result = count([row({ giftId: 6369, count: 1, isStreakEnd: false, isStreakable: false })]);
    expect(result.coins).toBe(29999);
    expect(result.audit.counted).toBe(1);
  });

  it("takes streakability from the catalog when the row does not say", () => {
    const result = count([row({ giftId: 5655, count: 2, isStreakEnd: false })]);
    expect(result.audit.openStreaks.count).toBe(1);
    const lion = count([row({ giftId: 6369, isStreakEnd: false })]);
    expect(lion.audit.openStreaks.count).toBe(0);
    expect(lion.coins).toBe(29999);
  });

  it("counts every row at once when the log has no streak-end field", () => {
    const result = count([row({ giftId: 5655, count: 2 }), row({ giftId: 5655, count: 3 })]);
    expect(result.coins).toBe(5);
    expect(result.audit.streakFramesHeld).toBe(0);
  });

  it("closes a streak at its highest count when the count drops (restart without an end frame)", () => {
    const result = count([frame(1), frame(2), frame(3), frame(1), frame(2), end(2)]);
    expect(result.coins).toBe(3 + 2);
    expect(result.audit).toMatchObject({ counted: 2, streakFramesHeld: 4, streaksRestarted: 1 });
  });

  it("keys streaks by sender, gift and group", () => {
    const result = count([
      frame(1, { senderId: "anna" }),
      frame(1, { senderId: "bob" }),
      frame(2, { senderId: "anna" }),
      row({ giftId: 5487, count: 1, isStreakEnd: false, senderId: "anna" }),
      end(2, { senderId: "anna" }),
      end(1, { senderId: "bob" }),
      row({ giftId: 5487, count: 4, isStreakEnd: true, senderId: "anna" }),
      frame(1, { senderId: "anna", groupId: 7 }),
      frame(1, { senderId: "anna", groupId: 8 }),
      end(1, { senderId: "anna", groupId: 7 }),
      end(1, { senderId: "anna", groupId: 8 }),
    ]);
    expect(result.coins).toBe(2 + 1 + 20 + 1 + 1);
    expect(result.audit.streaksRestarted).toBe(0);
  });

  it("counts open streaks at their highest count at the end (--open-streaks count)", () => {
    const result = count([frame(1), frame(2), frame(5)]);
    expect(result.coins).toBe(5);
    expect(result.audit).toMatchObject({
      counted: 1,
      streakFramesHeld: 2,
      openStreaks: { count: 1, coins: 5 },
    });
  });

  it("closes the streaks still open at the end in the order of their last frames", () => {
    const groups: unknown[] = [];
    const counter = createLogCounter(CATALOG, { onCounted: (event) => groups.push(event.groupId) });
    // 7 opens first, but its last frame comes after 8's: 8 is closed first.
    for (const record of [
      frame(1, { groupId: 7 }),
      frame(1, { senderId: "ben", groupId: 8 }),
      frame(2, { groupId: 7 }),
      frame(1, { senderId: "cleo", groupId: 9 }),
    ])
      counter.record(record);
    counter.finish();
    expect(groups).toEqual([8, 7, 9]);
  });

  it("drops open streaks at the end with --open-streaks drop, and says what they were worth", () => {
    const result = count([frame(1), frame(2), frame(5)], { openStreaks: "drop" });
    expect(result.coins).toBe(0);
    expect(result.audit).toMatchObject({
      counted: 0,
      streakFramesHeld: 3,
      openStreaks: { count: 1, coins: 5, rule: "drop" },
    });
  });

  it("de-duplicates rows on their message id", () => {
    const result = count([
      end(3, { messageId: "m1" }),
      end(3, { messageId: "m1" }),
      end(3, { messageId: "m2" }),
    ]);
    expect(result.coins).toBe(6);
    expect(result.audit.duplicates).toBe(1);
  });

  it("prices from the catalog by id, then by name", () => {
    expect(count([row({ giftId: 6369, giftName: "Rose" })]).coins).toBe(29999);
    expect(count([row({ giftName: "lion" })]).coins).toBe(29999);
    expect(count([row({ giftId: 1, giftName: "Lion" })]).coins).toBe(29999);
  });

  it("resolves a name shared by active gifts by the row's unit price, else rejects it as ambiguous", () => {
    const byPrice = count([row({ giftName: "Heart", unitCoins: 10, isStreakEnd: true })]);
    expect(byPrice.coins).toBe(10);
    expect(byPrice.gifts[0]?.giftId).toBe(5480);
    const byTotal = count([row({ giftName: "Heart", totalCoins: 3, count: 3 })]);
    expect(byTotal.gifts[0]?.giftId).toBe(6247);
    const unknown = count([row({ giftName: "Heart", unitCoins: 7 }), row({ giftName: "Heart" })]);
    expect(unknown.audit.rejected.count).toBe(2);
    expect(unknown.audit.rejected.first.map((reject) => reject.code)).toEqual([
      "AMBIGUOUS_GIFT",
      "AMBIGUOUS_GIFT",
    ]);
  });

  it("prices a gift missing from the catalog from the row and flags it", () => {
    const result = count([row({ giftId: 99, giftName: "Space Cat", unitCoins: 250, count: 2 })]);
    expect(result.coins).toBe(500);
    expect(result.audit.priceFromLog).toEqual({ gifts: 2, coins: 500 });
    expect(result.gifts[0]).toMatchObject({ gift: "Space Cat", giftId: 99, coinsEach: 250 });
  });

  it("rejects a gift with no price anywhere, with its line", () => {
    const record = row({ giftId: 99, giftName: "Mystery" });
    const result = count([record]);
    expect(result.audit.rejected.first).toEqual([
      expect.objectContaining({ line: record.line, code: "UNPRICED" }),
    ]);
  });

  it("counts a disagreement of the row's unit or total price with the catalog, and uses the catalog's", () => {
    const result = count([
      row({ giftId: 6369, unitCoins: 39999 }),
      row({ giftId: 5655, totalCoins: 30, count: 3 }),
      row({ giftId: 5655, totalCoins: 3, count: 3, unitCoins: 1 }),
    ]);
    expect(result.coins).toBe(29999 + 3 + 3);
    expect(result.audit.priceMismatches).toBe(2);
  });

  it("keeps only one receiver's gifts with --receiver; a blank receiver is the host", () => {
    const rows = [end(1), end(2, { receiverId: "guest" }), end(4, { receiverId: null })];
    expect(count(rows, { receiver: "guest" })).toMatchObject({ coins: 2, audit: { filtered: 2 } });
    expect(count(rows, { receiver: "host" })).toMatchObject({ coins: 5, audit: { filtered: 1 } });
  });

  it("passes every reject to onReject and keeps the first few in the audit", () => {
    const seen: number[] = [];
    const counter = createLogCounter(CATALOG, {
      onReject: (reject) => seen.push(reject.line),
      keepRejects: 2,
    });
    for (let i = 0; i < 5; i++) counter.record(row({ giftName: "nothing" }));
    const { audit } = counter.finish();
    expect(seen).toHaveLength(5);
    expect(audit.rejected).toMatchObject({ count: 5 });
    expect(audit.rejected.first).toHaveLength(2);
  });
});

describe("accounting", () => {
  const arbitraryRow = fc.record({
    giftId: fc.constantFrom(5655, 5487, 6369, 99, null),
    giftName: fc.constantFrom("Heart", "Rose", "Mystery", null),
    unitCoins: fc.constantFrom(null, 1, 10, 250),
    count: fc.constantFrom(null, 1, 2, 3, 5),
    isStreakable: fc.constantFrom(null, true, false),
    isStreakEnd: fc.constantFrom(null, true, false, false),
    senderId: fc.constantFrom("a", "b", null),
    receiverId: fc.constantFrom(null, "guest"),
    groupId: fc.constantFrom(null, 1, 2, "x"),
    messageId: fc.constantFrom(null, "m1", "m2", "m3"),
  });

  it("rows = counted + held + duplicates + rejected + filtered, whatever the log", () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryRow, { maxLength: 40 }),
        fc.constantFrom<"count" | "drop">("count", "drop"),
        fc.constantFrom(undefined, "guest", "host"),
        (rows, openStreaks, receiver) => {
          const counter = createLogCounter(CATALOG, { openStreaks, ...(receiver ? { receiver } : {}) });
          rows.forEach((fields, index) => {
            counter.record({ ...emptyRecord(), ...fields, line: index + 2 });
          });
          const { audit, gifts } = counter.finish();
          expect(audit.rows).toBe(rows.length);
          expect(identity(audit)).toBe(audit.rows);
          expect(gifts.every((counted) => counted.count > 0)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("the order in which senders' streaks interleave does not change the total", () => {
    const streak = (sender: string, length: number) => [
      ...Array.from({ length }, (_, i) => frame(i + 1, { senderId: sender })),
      end(length, { senderId: sender }),
    ];
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 6 }),
        fc.integer(),
        (lengths, seed) => {
          const queues = lengths.map((length, index) => streak(`s${index}`, length));
          const inOrder = count(queues.flat()).coins;
          // Interleave: take the next row of a pseudo-randomly chosen sender each time.
          let state = seed;
          const mixed: LogRecord[] = [];
          while (queues.some((queue) => queue.length > 0)) {
            state = (state * 1103515245 + 12345) & 0x7fffffff;
            const open = queues.filter((queue) => queue.length > 0);
            const next = open[state % open.length]?.shift();
            if (next) mixed.push(next);
          }
          expect(count(mixed).coins).toBe(inOrder);
          expect(inOrder).toBe(lengths.reduce((sum, length) => sum + length, 0));
        },
      ),
    );
  });
});

describe("the order of counted gifts", () => {
  // Ties whose order differs between a locale's collation and code points: "Ösel" sorts before
  // "Zebra" in English (after it in Swedish), "apple" before "Banana" in every locale's collation.
  const TIED = createCatalog(
    [
      gift(30, "Ösel", 10, false),
      gift(20, "Zebra", 10, false),
      gift(40, "apple", 10, false),
      gift(10, "Banana", 10, false),
      gift(50, "Zebra", 5, false, ["Zebra 5"]),
      gift(60, "Big", 100, false),
    ],
    { description: "ties" },
  );
  const counted = (ids: readonly number[]) => {
    const counter = createLogCounter(TIED);
    for (const giftId of ids) {
      const count = giftId === 50 ? 2 : 1;
      counter.record(row({ giftId, count, isStreakable: false, isStreakEnd: true }));
    }
    return counter.finish().gifts.map((counted) => `${counted.gift}#${counted.giftId}`);
  };

  it("puts ties in code-point order of their names, then by id, whatever the locale", () => {
    // The collations disagree with code-point order here, so a localeCompare would fail this.
    expect("Ösel".localeCompare("Zebra", "en")).toBeLessThan(0);
    expect("apple".localeCompare("Banana", "en")).toBeLessThan(0);
    expect("Ösel".localeCompare("Zebra", "sv")).toBeGreaterThan(0);
    expect(counted([30, 20, 40, 10, 50, 60])).toEqual([
      "Big#60",
      "Banana#10",
      "Zebra#20",
      "Zebra#50",
      "apple#40",
      "Ösel#30",
    ]);
  });

  it("does not depend on the order the gifts were first seen in", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([30, 20, 40, 10, 50, 60], { minLength: 6 }), (ids) => {
        expect(counted(ids)).toEqual(counted([60, 50, 40, 30, 20, 10]));
      }),
    );
  });
});
