import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coinsToDiamonds, diamondsToUsd } from "../../../src/core/chain.js";
import type { CountedEvent, PricedGift } from "../../../src/core/log/count.js";
import { createGrouper, isoTimestamp } from "../../../src/core/log/group.js";
import { decimal, toText } from "../../../src/core/money.js";
import { modelWith } from "../../helpers/model.js";

const gift = (index: number, coinsEach: number): PricedGift => ({
  index,
  name: `gift ${index}`,
  giftId: 100 + index,
  coinsEach,
  isStreakable: false,
  isPriceFromLog: false,
});

/** Positive decimal texts as a user may write them: whole, long fractions, exponents. */
const rate = fc.oneof(
  fc.constantFrom("1", "0.5", "0.005", "2", "1.25", "0.0049999", "1e-3", "2.5E2", "0.10", "007"),
  fc
    .tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 1, max: 99_999_999 }), fc.nat({ max: 12 }))
    .map(([whole, fraction, zeros]) => `${whole}.${"0".repeat(zeros)}${fraction}`),
);

/** A counted event: a gift, a count and a sender, nothing else. */
const event = fc
  .record({
    gift: fc.oneof(
      fc.constantFrom(gift(0, 0), gift(1, 1), gift(2, 5), gift(3, 29_999)),
      fc.integer({ min: 1, max: 2_000_000_000 }).map((coins) => gift(4, coins)),
    ),
    count: fc.integer({ min: 1, max: 9 }),
    senderId: fc.constantFrom("a", "b", "c", "d", "e", "f"),
  })
  .map(
    (fields): CountedEvent => ({
      ...fields,
      isStreakable: false,
      senderName: null,
      receiverId: null,
      timestamp: null,
      groupId: null,
    }),
  );

describe("a grouping's values", () => {
  it("are the exact chain's, whatever the rates and coins, in order of coins then appearance", () => {
    fc.assert(
      fc.property(rate, rate, fc.array(event, { maxLength: 40 }), (perCoin, perDiamond, events) => {
        const model = modelWith({ diamondsPerCoin: perCoin, usdPerDiamond: perDiamond });
        const grouper = createGrouper("sender");
        const coins = new Map<string, number>();
        for (const counted of events) {
          grouper.add(counted);
          const sender = counted.senderId as string;
          coins.set(sender, (coins.get(sender) ?? 0) + counted.count * counted.gift.coinsEach);
        }
        const groups = grouper.finish(model);
        if (groups.by === "event") throw new Error("not a grouping");
        const total = [...coins.values()].reduce((sum, each) => sum + each, 0);
        // Map order is the order of first appearance; the sort is stable.
        const expected = [...coins].sort(([, a], [, b]) => b - a);
        expect(groups.rows.map((row) => [row.key, row.coins])).toEqual(expected);
        for (const row of groups.rows) {
          const diamonds = coinsToDiamonds(decimal(row.coins), model);
          expect(row.diamonds).toBe(toText(diamonds));
          expect(row.walletUsd).toBe(toText(diamondsToUsd(diamonds, model)));
          expect(row.share).toBe(total === 0 ? "0" : ((row.coins * 100) / total).toFixed(1));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("refuses coins that cannot be held exactly, as before", () => {
    const grouper = createGrouper("sender");
    const huge = gift(0, Number.MAX_SAFE_INTEGER);
    for (let at = 0; at < 2; at++) {
      grouper.add({
        gift: huge,
        count: 1,
        isStreakable: false,
        senderId: "a",
        senderName: null,
        receiverId: null,
        timestamp: null,
        groupId: null,
      } as CountedEvent);
    }
    expect(() => grouper.finish(modelWith())).toThrow(/not a whole number that can be held exactly/);
  });
});

describe("event timestamps", () => {
  it("are Date#toISOString's text, in any order, whatever the instant", () => {
    const instant = fc.oneof(
      // Neighbours within a second, as events come.
      fc.integer({ min: 1_764_000_000_000, max: 1_764_000_003_000 }),
      fc.integer({ min: -8_640_000_000_000_000, max: 8_640_000_000_000_000 }),
      fc.double({ min: -1e13, max: 1e13, noNaN: true }),
      fc.constantFrom(0, -1, 999, 1000, -1000, 253_402_300_799_999, 253_402_300_800_000),
    );
    fc.assert(
      fc.property(fc.array(instant, { minLength: 1, maxLength: 40 }), (instants) => {
        for (const ms of instants) expect(isoTimestamp(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 500 },
    );
  });
});

describe("events kept", () => {
  it("are the first `eventsKept`, the rest counted, and add up to every event", () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), fc.nat({ max: 45 }), (events, kept) => {
        const all = createGrouper("event");
        const first = createGrouper("event", { eventsKept: kept });
        for (const counted of events) {
          all.add(counted);
          first.add(counted);
        }
        const model = modelWith({});
        const whole = all.finish(model);
        const cut = first.finish(model);
        if (whole.by !== "event" || cut.by !== "event") throw new Error("not events");
        expect(whole.others).toBeUndefined();
        expect(cut.events).toEqual(whole.events.slice(0, kept));
        const left = whole.events.slice(kept);
        if (left.length === 0) expect(cut.others).toBeUndefined();
        else
          expect(cut.others).toEqual({
            events: left.length,
            gifts: left.reduce((sum, row) => sum + row.count, 0),
            coins: left.reduce((sum, row) => sum + row.coins, 0),
          });
      }),
    );
  });
});
