/**
 * Configuration files as written: the built-in data/defaults.yaml (every section required) and a
 * user's gift-calc.yaml (every key optional, overriding the defaults).
 */
import { z } from "zod";
import { decimalText, isoDate, rateText } from "./decimal.js";

const presetSchema = z.strictObject({
  description: z.string(),
  diamondsPerCoin: decimalText,
  usdPerDiamond: decimalText.optional(),
  faceValueUsd: decimalText.optional(),
  rewardsRate: z.strictObject({ default: decimalText, min: decimalText, max: decimalText }).optional(),
});

const withdrawalSchema = z.strictObject({
  minimumUsd: decimalText,
  maximumUsdPerDay: decimalText,
  processingDays: z.number().int().nonnegative(),
});

const payoutMethodSchema = z.strictObject({
  percent: decimalText.meta({ description: "Percentage of each withdrawal taken (2.5 = 2.5 %)." }),
  fixedUsd: decimalText.meta({ description: "Fixed US-dollar fee per withdrawal." }),
});

const storeSchema = z.strictObject({
  packages: z.array(z.strictObject({ coins: z.number().int().positive(), usd: decimalText })),
  custom: z
    .strictObject({
      minCoins: z.number().int().positive(),
      maxCoins: z.number().int().positive(),
      usdPerCoin: decimalText,
    })
    .optional(),
});

const currencyCodeKey = z.string().regex(/^[A-Z]{3}$/, "must be a three-letter currency code");

export const defaultsFileSchema = z.strictObject({
  choices: z.strictObject({
    preset: z.string(),
    agencyRate: rateText,
    taxRate: rateText,
    payoutMethod: z.string(),
    currency: z.string(),
  }),
  presets: z.record(z.string(), presetSchema),
  withdrawal: withdrawalSchema,
  payoutMethods: z.record(z.string(), payoutMethodSchema),
  stores: z.record(z.string(), storeSchema),
  currencies: z.strictObject({
    asOf: isoDate,
    source: z.string(),
    perUsd: z.record(currencyCodeKey, decimalText),
  }),
});

export const configFileSchema = z.strictObject({
  catalog: z.string().optional().meta({ description: "Gift catalog file, relative to this file." }),
  preset: z.string().optional(),
  diamondsPerCoin: decimalText.optional(),
  usdPerDiamond: decimalText.optional(),
  rewardsRate: decimalText.optional(),
  agencyRate: rateText.optional(),
  taxRate: rateText.optional(),
  payoutMethod: z.string().optional(),
  currency: z.string().optional(),
  rates: z.record(currencyCodeKey, decimalText).optional(),
  withdrawal: withdrawalSchema.partial().optional(),
  payoutMethods: z.record(z.string(), payoutMethodSchema).optional(),
  presets: z.record(z.string(), presetSchema).optional(),
  stores: z.record(z.string(), storeSchema).optional(),
});

export type DefaultsFile = z.output<typeof defaultsFileSchema>;
export type ConfigFile = z.output<typeof configFileSchema>;
