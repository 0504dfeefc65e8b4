/**
 * The catalog file as written (data/gift-catalog.yaml). The same zod schema validates files and
 * generates the published JSON Schema (`gift-calc catalog schema`).
 */
import { z } from "zod";
import { isoDate } from "./decimal.js";

/**
 * The largest price a catalog may hold. TikTok's dearest gift costs 44,999 coins (TikTok Universe,
 * 2024); a price over a million coins is a typo (a stray digit, diamonds × 1000), not a gift.
 */
export const MAX_GIFT_COINS = 1_000_000;

export const giftEntrySchema = z
  .strictObject({
    id: z.number().int().positive().meta({ description: "TikTok's gift id (`giftId` in live events)." }),
    name: z.string().trim().min(1).meta({ description: "Display name, as TikTok shows it." }),
    coins: z
      .number()
      .int()
      .positive()
      .max(MAX_GIFT_COINS)
      .meta({ description: "Price of one gift in viewer coins (the gift-list API's `diamond_count`)." }),
    streakable: z
      .boolean()
      .meta({ description: "Sent in streaks with a cumulative repeat count (API `type` 1, `combo`)." }),
    aliases: z.array(z.string().trim().min(1)).optional().meta({
      description:
        "Other names a creator may type; compared ignoring case, spaces, apostrophes, hyphens, dots and underscores.",
    }),
    retired: isoDate.optional().meta({
      description: "Date the gift left TikTok's gift list; a retired gift keeps its price for old logs.",
    }),
  })
  .meta({ title: "Gift" });

export const catalogFileSchema = z
  .strictObject({
    source: z
      .strictObject({
        description: z.string().min(1).meta({ description: "Where the prices come from." }),
        capturedAt: isoDate
          .optional()
          .meta({ description: "Date of the capture the prices were taken from." }),
      })
      .meta({ description: "Provenance of the catalog." }),
    gifts: z.array(giftEntrySchema).meta({ description: "Every gift, active and retired." }),
  })
  .meta({ title: "gift-calc gift catalog" });

/** The catalog as written in YAML (before normalising into the core's `Catalog`). */
export type CatalogFile = z.output<typeof catalogFileSchema>;
export type GiftEntry = z.output<typeof giftEntrySchema>;

/**
 * The published JSON Schema (data/gift-catalog.schema.json, `gift-calc catalog schema`), generated
 * from `catalogFileSchema` for the file as written (zod's input side).
 */
export function catalogJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(catalogFileSchema, { io: "input", target: "draft-2020-12" });
}
