import { describe, expect, it } from "vitest";
import type { CountedEvent } from "../../src/core/log/count.js";
import { CANONICAL_CSV_HEADER, eventsCsvStream } from "../../src/render/log-events.js";

const lion = {
  index: 0,
  name: "Lion",
  giftId: 6369,
  coinsEach: 29999,
  isStreakable: false,
  isPriceFromLog: false,
};

function event(at: number): CountedEvent {
  return {
    gift: lion,
    count: 1,
    isStreakable: false,
    senderId: `u${at}`,
    senderName: at === 0 ? "=cmd()" : `Ann ${at}`,
    receiverId: null,
    timestamp: Date.UTC(2026, 10, 24, 18) + at,
    groupId: at === 1 ? 7300000000001 : null,
  };
}

describe("the normalised log as a stream", () => {
  it("writes the header, then a line per event, in pieces that end with a line", () => {
    const pieces: string[] = [];
    const stream = eventsCsvStream((text) => pieces.push(text));
    for (let at = 0; at < 5000; at++) stream.add(event(at));
    stream.end();
    expect(pieces.length).toBeGreaterThan(2);
    for (const piece of pieces) {
      expect(piece.endsWith("\n")).toBe(true);
      expect(piece.length).toBeLessThan((1 << 16) + 200);
    }
    const lines = pieces.join("").split("\n");
    expect(lines).toHaveLength(1 + 5000 + 1);
    expect(lines[0]).toBe(CANONICAL_CSV_HEADER);
    expect(lines[1]).toBe(`2026-11-24T18:00:00.000Z,u0,'=cmd(),6369,Lion,1,false,true,,`);
    expect(lines[2]).toBe("2026-11-24T18:00:00.001Z,u1,Ann 1,6369,Lion,1,false,true,7300000000001,");
  });

  it("writes nothing until a piece is full, and the header alone when no event came", () => {
    const pieces: string[] = [];
    const stream = eventsCsvStream((text) => pieces.push(text));
    stream.add(event(2));
    expect(pieces).toEqual([]);
    stream.end();
    expect(pieces).toHaveLength(1);
    const empty: string[] = [];
    eventsCsvStream((text) => empty.push(text)).end();
    expect(empty).toEqual([`${CANONICAL_CSV_HEADER}\n`]);
  });
});
