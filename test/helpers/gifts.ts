/** A catalog gift for tests that build their own small catalog (no aliases). */
import type { Gift } from "../../src/core/catalog.js";

export const gift = (id: number, name: string, coins: number, isStreakable = false): Gift => ({
  id,
  name,
  coins,
  isStreakable,
  aliases: [],
});
