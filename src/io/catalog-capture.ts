/**
 * TikTok gift-list captures: the raw `webcast/gift/list` response (`{data: {gifts}, extra: {now}}`)
 * or the plain array of "available gifts" that live-event libraries return. Only the fields a
 * catalog needs are read: id, name, price (`diamond_count`, which is coins), and streakability.
 */
import { z } from "zod";
import { GiftCalcError } from "../errors.js";

/** A gift as a capture describes it, trimmed and ready for the catalog. */
export interface CapturedGift {
  readonly id: number;
  readonly name: string;
  readonly coins: number;
  readonly isStreakable: boolean;
}

export interface Capture {
  readonly gifts: readonly CapturedGift[];
  /** UTC date of the capture (`extra.now`), when the capture carries one. */
  readonly capturedAt?: string;
  readonly kind: "gift-list-response" | "gift-array";
  /** Entries skipped, with why (a repeated id, no price). */
  readonly skipped: readonly string[];
}

const capturedGiftSchema = z.looseObject({
  id: z.number().int().positive(),
  name: z.string(),
  diamond_count: z.number().int().optional(),
  diamondCount: z.number().int().optional(),
  type: z.number().int().optional(),
  combo: z.boolean().optional(),
});

const responseSchema = z.looseObject({
  data: z.looseObject({ gifts: z.array(z.unknown()) }),
  extra: z.looseObject({ now: z.number().optional() }).optional(),
});

function bad(fileName: string, message: string): GiftCalcError {
  return new GiftCalcError("BAD_CAPTURE", `${fileName}: ${message}`, {
    hint: "pass the webcast/gift/list JSON response or an array of gifts with id, name and diamond_count",
  });
}

/** UTC calendar date of an epoch-milliseconds timestamp. */
export function utcDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** Read a capture's JSON text; throws BAD_CAPTURE (exit 2) when it is not one. */
export function captureFromText(text: string, fileName: string): Capture {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw bad(fileName, `not JSON (${(error as Error).message})`);
  }
  let entries: readonly unknown[];
  let capturedAt: string | undefined;
  let kind: Capture["kind"];
  if (Array.isArray(json)) {
    entries = json;
    kind = "gift-array";
  } else {
    const response = responseSchema.safeParse(json);
    if (!response.success) throw bad(fileName, "has neither data.gifts nor a top-level array of gifts");
    entries = response.data.data.gifts;
    const now = response.data.extra?.now;
    if (now !== undefined && Number.isFinite(now)) capturedAt = utcDate(now);
    kind = "gift-list-response";
  }

  const gifts: CapturedGift[] = [];
  const skipped: string[] = [];
  const seen = new Set<number>();
  entries.forEach((entry, index) => {
    const parsed = capturedGiftSchema.safeParse(entry);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue ? `${issue.path.join(".")}: ${issue.message}` : "not a gift";
      throw bad(fileName, `gift ${index + 1}: ${where}`);
    }
    const gift = parsed.data;
    const coins = gift.diamond_count ?? gift.diamondCount;
    const name = gift.name.trim();
    if (coins === undefined || coins <= 0) {
      skipped.push(`id ${gift.id} (${name}): no positive price`);
    } else if (seen.has(gift.id)) {
      skipped.push(`id ${gift.id} (${name}): listed twice, first kept`);
    } else if (name === "") {
      skipped.push(`id ${gift.id}: no name`);
    } else {
      seen.add(gift.id);
      gifts.push({ id: gift.id, name, coins, isStreakable: gift.type === 1 || gift.combo === true });
    }
  });
  return { gifts, kind, skipped, ...(capturedAt === undefined ? {} : { capturedAt }) };
}
