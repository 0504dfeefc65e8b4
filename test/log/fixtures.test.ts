import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runJson } from "../helpers/cli.js";

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/logs/${name}`, import.meta.url));
const CATALOG = fixture("catalog.yaml");

interface Audit {
  rows: number;
  counted: number;
  streakFramesHeld: number;
  openStreaks: { count: number; coins: number };
  streaksRestarted: number;
  duplicates: number;
  priceFromLog: { gifts: number; coins: number };
  priceMismatches: number;
  rejected: { count: number; first: { line: number; code: string }[] };
  filtered: number;
}

interface Result {
  totals: { coins: number };
  lines: { gift: string; count: number; coins: number }[];
  audit: Audit;
}

async function estimateLog(name: string, ...extra: string[]) {
  return runJson<Result>(["estimate", "--catalog", CATALOG, "--log", fixture(name), ...extra]);
}

function expectIdentity(audit: Audit) {
  expect(audit.rows).toBe(
    audit.counted + audit.streakFramesHeld + audit.duplicates + audit.rejected.count + audit.filtered,
  );
}

describe("a fixture per log shape of LOG-FORMATS.md, with its totals", () => {
  it("TikTok-Live-Connector v1 flat events (NDJSON): streaks, a non-streakable repeatEnd=false, a duplicate, an open streak", async () => {
    const { code, json } = await estimateLog("tiktok-live-connector-v1.ndjson");
    expect(code).toBe(0);
    // 3 roses + 1 lion + 2 finger hearts (open, counted at the end) + 5 roses to a guest
    expect(json.totals.coins).toBe(3 + 29999 + 10 + 5);
    expect(json.audit).toMatchObject({
      rows: 8,
      counted: 4,
      streakFramesHeld: 3,
      duplicates: 1,
      openStreaks: { count: 1, coins: 10 },
      rejected: { count: 0 },
      filtered: 0,
    });
    expectIdentity(json.audit);
  });

  it("TikTok-Live-Connector v1 with --receiver host keeps the host's gifts only", async () => {
    const { json } = await estimateLog("tiktok-live-connector-v1.ndjson", "--receiver", "host");
    expect(json.totals.coins).toBe(3 + 29999 + 10);
    expect(json.audit.filtered).toBe(1);
    expectIdentity(json.audit);
  });

  it("TikTok-Live-Connector v2 nested fields: giftDetails.*, user.*; priced from the log; unpriced rejected", async () => {
    const { code, json } = await estimateLog("tiktok-live-connector-v2.ndjson");
    expect(code).toBe(0);
    expect(json.totals.coins).toBe(60 + 100 + 250);
    expect(json.audit).toMatchObject({
      rows: 6,
      counted: 3,
      streakFramesHeld: 2,
      priceFromLog: { gifts: 1, coins: 250 },
      rejected: { count: 1, first: [{ line: 6, code: "UNPRICED" }] },
    });
    expect(json.lines.find((line) => line.gift === "Space Cat")).toMatchObject({ count: 1, coins: 250 });
    expectIdentity(json.audit);
  });

  it("TikTok-Chat-Reader JSON array: every frame, epoch seconds, a streak restarted without an end frame", async () => {
    const { code, json } = await estimateLog("tiktok-chat-reader.json");
    expect(code).toBe(0);
    // cara 2 roses, dave 1 rose, fred a lion, eve 3 + 2 finger hearts
    expect(json.totals.coins).toBe(2 + 1 + 29999 + 25);
    expect(json.audit).toMatchObject({ rows: 12, counted: 5, streakFramesHeld: 7, streaksRestarted: 1 });
    expectIdentity(json.audit);
  });

  it("TikTokLive (Python) gifts.csv: names only, True/False, streaking inverted, quoted newline, rejects by line", async () => {
    const { code, json } = await estimateLog("tiktoklive-gifts.csv");
    expect(code).toBe(0);
    expect(json.totals.coins).toBe(4 + 29999 + 40);
    expect(json.audit).toMatchObject({ rows: 6, counted: 3, streakFramesHeld: 1 });
    expect(json.audit.rejected.first.map((reject) => [reject.line, reject.code])).toEqual([
      [5, "AMBIGUOUS_GIFT"],
      [8, "BAD_NUMBER"],
    ]);
    expectIdentity(json.audit);
  });

  it("TikFinity webhook: all strings, coins is the combo total (a hint), every event final", async () => {
    const { code, json } = await estimateLog("tikfinity-webhook.ndjson");
    expect(code).toBe(0);
    expect(json.totals.coins).toBe(10 + 29999 + 15 + 600);
    expect(json.audit).toMatchObject({
      rows: 4,
      counted: 4,
      priceMismatches: 1,
      priceFromLog: { gifts: 2, coins: 600 },
    });
    expectIdentity(json.audit);
  });

  it("gift-calc canonical CSV: BOM, CRLF, quoted commas and quotes, numeric group ids", async () => {
    const { code, json } = await estimateLog("gift-calc-canonical.csv");
    expect(code).toBe(0);
    expect(json.totals.coins).toBe(7 + 29999 + 60);
    expect(json.audit).toMatchObject({ rows: 4, counted: 3, streakFramesHeld: 1 });
    const guest = await estimateLog("gift-calc-canonical.csv", "--receiver", "guest42");
    expect(guest.json.totals.coins).toBe(60);
    expect(guest.json.audit.filtered).toBe(3);
    expectIdentity(guest.json.audit);
  });
});
