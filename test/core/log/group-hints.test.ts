import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CountedEvent, PricedGift } from "../../../src/core/log/count.js";
import { createGrouper } from "../../../src/core/log/group.js";
import { modelWith } from "../../helpers/model.js";

const gift = (index: number, coinsEach: number): PricedGift => ({
  index,
  name: `gift ${index}`,
  giftId: 100 + index,
  coinsEach,
  isStreakable: true,
  isPriceFromLog: false,
});
const GIFTS = [gift(0, 1), gift(1, 5), gift(2, 99)];

const event = fc.record({
  gift: fc.constantFrom(...GIFTS),
  count: fc.integer({ min: 1, max: 9 }),
  isStreakable: fc.boolean(),
  senderId: fc.constantFrom("a", "b", "c", "d", null),
  senderName: fc.constantFrom("Ann", "Bob", null),
  receiverId: fc.constantFrom(null, "guest"),
  timestamp: fc.constantFrom(null, 1_764_000_000_000),
  groupId: fc.constantFrom(null, 7),
});

describe("grouping by sender with the readers' sender hints", () => {
  it("groups alike with hints, without them, and with hints that clash", () => {
    const model = modelWith();
    fc.assert(
      fc.property(
        fc.array(fc.tuple(event, fc.integer({ min: -1, max: 3 })), { maxLength: 60 }),
        fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
        (events, top) => {
          const plain = createGrouper("sender");
          const hinted = createGrouper("sender");
          for (const [fields, hint] of events) {
            plain.add(fields as CountedEvent);
            hinted.add({ ...fields, senderKey: hint } as CountedEvent);
          }
          expect(hinted.finish(model, top)).toEqual(plain.finish(model, top));
        },
      ),
    );
  });
});
