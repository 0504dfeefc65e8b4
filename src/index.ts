/**
 * gift-calc as a library: the pure earnings model and the loaders the CLI is built on. Importing
 * this module has no side effects.
 */

export {
  type Catalog,
  type CatalogSource,
  createCatalog,
  describeGift,
  findGift,
  type Gift,
  giftsNamed,
  isActive,
  type NameResolution,
  resolveName,
} from "./core/catalog.js";
export {
  CATALOG_CHANGE_KINDS,
  type CatalogChange,
  type CatalogChangeKind,
  type CatalogDiff,
  diffCatalogs,
  percentChange,
} from "./core/catalog-diff.js";
export {
  coinsForUsd,
  coinsToDiamonds,
  coinsToUsd,
  diamondsForUsd,
  diamondsToUsd,
  giftsToCoins,
} from "./core/chain.js";
export {
  COINS_SCHEMA,
  type CoinPackage,
  type CoinStore,
  type CoinsQuote,
  type CustomAmount,
  cheapestPurchase,
  describeStore,
  type Purchase,
  type PurchaseLine,
  pricePerCoin,
  quoteCoins,
} from "./core/coin-shop.js";
export { currencyCode, formatCurrencyAmount, minorUnitDigits, parseRateOverride } from "./core/currency.js";
export {
  type CountedGift,
  countTallies,
  ESTIMATE_SCHEMA,
  type Estimate,
  type EstimateContext,
  type EstimateInput,
  type EstimateLine,
  estimate,
  referenceGiftOf,
} from "./core/estimate.js";
export {
  DEFAULT_GOAL_GIFT_IDS,
  defaultGoalGifts,
  GOAL_SCHEMA,
  type Goal,
  type GoalContext,
  type GoalGift,
  type GoalInput,
  goal,
  goalValue,
  type Unreachable,
} from "./core/goal.js";
export {
  type CountedEvent,
  type CounterOptions,
  createLogCounter,
  type LogAudit,
  type LogCount,
  type LogCounter,
  type OpenStreakRule,
} from "./core/log/count.js";
export { createGrouper, GROUP_BYS, type GroupBy, type LogGroups } from "./core/log/group.js";
export type { LogRecord, LogReject, LogSink, RejectCode } from "./core/log/record.js";
export { NO_ID, TEXT_ID } from "./core/log/record.js";
export { describeAssumptions, type EarningsModel, resolveModel } from "./core/model.js";
export { ceilQuotient, type Decimal, decimal, roundDown, toMoneyText, toText } from "./core/money.js";
export { closestNames, normaliseName } from "./core/names.js";
export { type Payout, type PayoutStep, payoutChain, withdrawalsNeeded } from "./core/payout.js";
export type {
  Choices,
  CurrencyTable,
  PayoutMethod,
  Preset,
  Settings,
  WithdrawalRules,
} from "./core/settings.js";
export { formatTally, parseTally, type Tally } from "./core/tally.js";
export { checkWithdrawal, type WithdrawalCheck } from "./core/withdrawal.js";
export {
  calendarDate,
  MINIMUM_RULE,
  type PlannedWithdrawal,
  parseCalendarDate,
  planWithdrawals,
  splitBalance,
  WITHDRAW_SCHEMA,
  type WithdrawalInput,
  type WithdrawalPlan,
} from "./core/withdrawal-plan.js";
export { CheckFailedError, type ErrorCode, GiftCalcError, isGiftCalcError } from "./errors.js";
export { loadBuiltinCatalog, loadBuiltinDefaults } from "./io/builtin.js";
export { type Capture, type CapturedGift, captureFromText } from "./io/catalog-capture.js";
export { catalogFromText, checkCatalogText, loadCatalogFile } from "./io/catalog-file.js";
export { CATALOG_PROBLEM_CODES, type CatalogProblemCode } from "./io/catalog-rules.js";
export { catalogFromCapture, type ImportResult, mergeCapture } from "./io/catalog-writer.js";
export { configFromText, loadConfigFile } from "./io/config-file.js";
export { loadCatalog, loadSettings } from "./io/load.js";
export { CROSSWALK, parseFieldMap } from "./io/log/fields.js";
export { createLogReader, LOG_FORMATS, type LogFormat, type LogReader } from "./io/log/reader.js";
export { type FileProblem, formatProblem } from "./io/problems.js";
export { catalogJsonSchema, MAX_GIFT_COINS } from "./io/schema/catalog-schema.js";
export { type ResolvedSettings, resolveSettings, type SettingOrigin } from "./io/settings.js";
