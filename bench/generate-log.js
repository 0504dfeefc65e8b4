#!/usr/bin/env node
// A seeded generator of realistic stream logs in gift-calc's canonical CSV: the shipped catalog's
// gifts (cheap ones far more often), ~50k senders with Zipf-like activity, interleaved streaks
// sending cumulative frames before their end frame, ~6% of nicknames needing quotes.
// Usage: node bench/generate-log.js ROWS OUT_FILE [SEED]
import { createWriteStream, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { seededRandom } from "./lib.js";

const HEADER = "timestamp,sender_id,sender,gift_id,gift,count,streakable,repeat_end,group_id,receiver_id\n";

/** Sample index i of n with weight 1/(i+1)^s, by inverting a precomputed cumulative table. */
function zipf(n, s, next) {
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += 1 / (i + 1) ** s;
    cumulative[i] = sum;
  }
  return () => {
    const target = next() * sum;
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] ?? 0) < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

function csvCell(text) {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export async function generateLog(rows, outFile, seed = 42) {
  const catalog = JSON.parse(
    readFileSync(fileURLToPath(new URL("../dist/data/gift-catalog.json", import.meta.url)), "utf8"),
  );
  const gifts = [...catalog.gifts].sort((a, b) => a.coins - b.coins);
  const next = seededRandom(seed);
  const pickGift = zipf(gifts.length, 1.3, next);
  const senders = 50_000;
  const pickSender = zipf(senders, 1.05, next);
  const nicknames = [];
  for (let i = 0; i < senders; i++) {
    const roll = next();
    const name =
      roll < 0.03
        ? `${["Queen", "King", "Star"][i % 3]}, ${i}`
        : roll < 0.06
          ? `"${i}" the 🌹 fan`
          : `viewer ${i}`;
    nicknames.push(csvCell(name));
  }
  const out = createWriteStream(outFile, { highWaterMark: 1 << 20 });
  let batch = HEADER;
  let written = 0;
  let time = Date.UTC(2026, 10, 24, 18, 0, 0);
  let group = 7_300_000_000_000;
  const open = []; // active streaks: { sender, gift, count, length, group }
  const emit = async (line) => {
    batch += line;
    written++;
    if (batch.length > 1 << 20) {
      if (!out.write(batch)) await new Promise((done) => out.once("drain", done));
      batch = "";
    }
  };
  const line = (sender, gift, count, isEnd, groupId) =>
    `${new Date(time).toISOString()},u${sender},${nicknames[sender]},${gift.id},${csvCell(gift.name)},${count},${gift.streakable},${isEnd},${groupId},\n`;
  while (written < rows) {
    time += Math.floor(next() * 40);
    if (open.length > 0 && (open.length >= 24 || next() < 0.7)) {
      const index = Math.floor(next() * open.length);
      const streak = open[index];
      streak.count++;
      const isEnd = streak.count >= streak.length;
      // The end frame repeats the final count, as TikTok sends it.
      await emit(line(streak.sender, streak.gift, streak.count, false, streak.group));
      if (isEnd && written < rows) {
        await emit(line(streak.sender, streak.gift, streak.count, true, streak.group));
        open.splice(index, 1);
      }
      continue;
    }
    const gift = gifts[pickGift()];
    const sender = pickSender();
    if (gift.streakable) {
      open.push({
        sender,
        gift,
        count: 0,
        length: 1 + Math.floor(-Math.log(1 - next()) * 5),
        group: group++,
      });
    } else {
      await emit(line(sender, gift, 1, false, ""));
    }
  }
  out.end(batch);
  await new Promise((done) => out.once("finish", done));
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [rows, outFile, seed] = process.argv.slice(2);
  if (!rows || !outFile) {
    console.error("usage: node bench/generate-log.js ROWS OUT_FILE [SEED]");
    process.exit(2);
  }
  const count = await generateLog(Number(rows), outFile, seed === undefined ? 42 : Number(seed));
  console.log(`wrote ${count} rows to ${outFile}`);
}
