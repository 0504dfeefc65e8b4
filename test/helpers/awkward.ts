/** Values that JSON writers get wrong: for property tests of hand-written JSON against JSON.stringify. */
import fc from "fast-check";

/** Strings JSON must escape or carry as they are: quotes, backslashes, controls, non-ASCII, lone surrogates. */
export const awkwardString = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.string({
    unit: fc.constantFrom(
      '"',
      "\\",
      "\n",
      "\u0000",
      "\u001f",
      "\u007f",
      "é",
      "🌹",
      "\ud800",
      "\udfff",
      "\u2028",
      "a",
    ),
  }),
);

/** Numbers JSON writes oddly (-0, exponents, non-finite as null) or that lose digits. */
export const awkwardNumber = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(
    -0,
    0.1,
    -1.5,
    1e21,
    1e-7,
    5e-324,
    Number.MAX_VALUE,
    -Number.MAX_SAFE_INTEGER,
    2 ** 53 + 2,
    Number.NaN,
    Number.POSITIVE_INFINITY,
  ),
);
