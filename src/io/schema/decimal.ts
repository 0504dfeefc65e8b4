import { z } from "zod";
import { type Decimal, decimal, ONE, ZERO } from "../../core/money.js";

const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A rate or an amount, written as a decimal string ("0.005") or a plain YAML number; the YAML
 * reader hands non-integer numbers over as their exact source text, so no binary float gets in.
 */
export const decimalText = z
  .union([z.string(), z.number()])
  .transform((value) => String(value).trim())
  .refine((text) => DECIMAL_TEXT.test(text), { message: "must be a decimal number such as 0.005" })
  .meta({ description: 'A decimal number; quote it ("0.005") to keep it exact in every tool.' });

/** A fraction 0–1, also accepted as a percentage string ("10%"). */
export const rateText = z
  .union([z.string(), z.number()])
  .transform((value, context) => {
    const text = String(value).trim();
    const isPercent = text.endsWith("%");
    const body = isPercent ? text.slice(0, -1).trim() : text;
    if (!DECIMAL_TEXT.test(body)) {
      context.addIssue({
        code: "custom",
        message: "must be a fraction such as 0.1 or a percentage such as 10%",
      });
      return z.NEVER;
    }
    // Checked here, not only by the model, so the error points at the file's line and column.
    let rate: Decimal | undefined;
    try {
      rate = isPercent ? decimal(body).div(decimal("100")) : decimal(body);
    } catch {
      rate = undefined;
    }
    if (rate === undefined || rate.lt(ZERO) || rate.gt(ONE)) {
      context.addIssue({
        code: "custom",
        message: `must be between 0 and 1 (0.1) or 0% and 100% ("10%"), not ${text}`,
      });
      return z.NEVER;
    }
    return isPercent ? `${body}%` : body;
  })
  .meta({ description: 'A fraction between 0 and 1 (0.1), or a percentage string ("10%").' });

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")
  .meta({ description: "A calendar date, YYYY-MM-DD." });
