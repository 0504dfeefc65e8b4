/** The commented starter written by `gift-calc config init`. Every line is optional. */
export const STARTER_CONFIG = `# gift-calc configuration. Every key is optional; remove the # to use one.
# \`gift-calc config show\` prints the effective values and where each came from.
# Write rates as quoted decimals ("0.005") so they stay exact.

# Which coins → diamonds → dollars model: standard (1 diamond a coin, $0.005 a diamond),
# half (2 coins a diamond) or us-scaled ($0.01 × rewardsRate).
# preset: standard
# rewardsRate: "0.5"        # us-scaled only, 0.20–0.53
# diamondsPerCoin: "1"      # overrides the preset
# usdPerDiamond: "0.005"    # overrides the preset

# Cuts, as fractions (0.1) or percentages ("10%").
# agencyRate: "0"           # your manager's or agency's cut
# taxRate: "0"              # what you put aside for tax

# How you withdraw, and what each withdrawal costs you (percent of the amount + fixed USD).
# payoutMethod: bank
# payoutMethods:
#   wise: { percent: "0.5", fixedUsd: "1" }

# Your currency, and today's rate (units per US dollar) instead of the built-in table.
# currency: EUR
# rates:
#   EUR: "0.92"

# TikTok's withdrawal rules (defaults: $100 minimum, $1,000 a day, 15 days to process).
# withdrawal:
#   minimumUsd: "100"
#   maximumUsdPerDay: "1000"
#   processingDays: 15

# Your own gift catalog, relative to this file.
# catalog: my-gifts.yaml
`;
