import { describe, expect, it } from "vitest";
import { createCatalog } from "../../src/core/catalog.js";
import { createLogCounter } from "../../src/core/log/count.js";
import { emptyRecord } from "../../src/core/log/record.js";
import { gift } from "../helpers/gifts.js";

describe("gift ids looked up by array index and by map", () => {
  it("prices small and large catalog ids alike, and knows which ids the catalog has", () => {
    const catalog = createCatalog([gift(7, "Tiny", 2), gift(1_000_000_007, "Huge", 3)], {
      description: "test",
    });
    const counter = createLogCounter(catalog);
    for (const giftId of [7, 1_000_000_007, 7, 65_536, -1]) {
      counter.record({ ...emptyRecord(), line: 1, giftId, count: 1 });
    }
    expect([7, 1_000_000_007, 65_536, 8, -1].map((id) => counter.knowsGiftId?.(id))).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
    const result = counter.finish();
    expect(result.gifts.map((counted) => [counted.giftId, counted.count])).toEqual([
      [7, 2],
      [1_000_000_007, 1],
    ]);
    expect(result.audit.rejected.count).toBe(2);
  });
});
