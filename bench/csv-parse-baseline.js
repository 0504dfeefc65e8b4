#!/usr/bin/env node
// The straightforward way to total a canonical CSV log: csv-parse with `columns: true`, the same
// streak rules (frames held, end frames counted, open streaks counted at the end), per-gift and
// per-sender totals priced from the shipped catalog. What gift-calc's reader is measured against.
// Usage: node bench/csv-parse-baseline.js FILE
import { createReadStream, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse";

const catalog = JSON.parse(
  readFileSync(fileURLToPath(new URL("../dist/data/gift-catalog.json", import.meta.url)), "utf8"),
);
const gifts = new Map(catalog.gifts.map((gift) => [String(gift.id), gift]));
const byGift = new Map();
const bySender = new Map();
const open = new Map();
let rows = 0;
let rejected = 0;

function count(gift, sender, giftCount) {
  const coins = giftCount * gift.coins;
  const line = byGift.get(gift.id) ?? { gift: gift.name, count: 0, coins: 0 };
  line.count += giftCount;
  line.coins += coins;
  byGift.set(gift.id, line);
  const group = bySender.get(sender.id) ?? { name: sender.name, gifts: 0, coins: 0 };
  group.gifts += giftCount;
  group.coins += coins;
  bySender.set(sender.id, group);
}

const parser = createReadStream(process.argv[2]).pipe(parse({ columns: true, bom: true }));
for await (const record of parser) {
  rows++;
  const gift = gifts.get(record.gift_id);
  const giftCount = Number(record.count || "1");
  if (gift === undefined || !Number.isInteger(giftCount)) {
    rejected++;
    continue;
  }
  const sender = { id: record.sender_id, name: record.sender };
  const isStreakable = record.streakable === "" ? gift.streakable : record.streakable === "true";
  if (!isStreakable || record.repeat_end !== "false") {
    open.delete(`${sender.id}|${gift.id}|${record.group_id}`);
    count(gift, sender, giftCount);
    continue;
  }
  const key = `${sender.id}|${gift.id}|${record.group_id}`;
  const streak = open.get(key);
  if (streak && giftCount < streak.highest) {
    // The count dropped: a new streak began without an end frame; close the old one at its highest.
    count(streak.gift, streak.sender, streak.highest);
    open.delete(key);
  }
  const current = open.get(key);
  if (current) current.highest = Math.max(current.highest, giftCount);
  else open.set(key, { gift, sender, highest: giftCount });
}
for (const streak of open.values()) count(streak.gift, streak.sender, streak.highest);
const coins = [...byGift.values()].reduce((sum, line) => sum + line.coins, 0);
console.log(
  JSON.stringify({
    rows,
    rejected,
    coins,
    lines: [...byGift.values()].sort((a, b) => b.coins - a.coins),
    senders: [...bySender.entries()]
      .map(([id, group]) => ({ id, ...group }))
      .sort((a, b) => b.coins - a.coins),
  }),
);
