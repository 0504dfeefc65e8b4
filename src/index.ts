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
  coinsForUsd,
  coinsToDiamonds,
  coinsToUsd,
  diamondsForUsd,
  diamondsToUsd,
  giftsToCoins,
} from "./core/chain.js";
export {
  type CoinPackage,
  type CoinStore,
  type CustomAmount,
  cheapestPurchase,
  type Purchase,
  type PurchaseLine,
  pricePerCoin,
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
export { CheckFailedError, type ErrorCode, GiftCalcError, isGiftCalcError } from "./errors.js";
export { loadBuiltinCatalog, loadBuiltinDefaults } from "./io/builtin.js";
export { catalogFromText, checkCatalogText, loadCatalogFile } from "./io/catalog-file.js";
export { configFromText, loadConfigFile } from "./io/config-file.js";
export { loadCatalog, loadSettings } from "./io/load.js";
export { CROSSWALK, parseFieldMap } from "./io/log/fields.js";
export { createLogReader, LOG_FORMATS, type LogFormat, type LogReader } from "./io/log/reader.js";
export { type FileProblem, formatProblem } from "./io/problems.js";
export { type ResolvedSettings, resolveSettings, type SettingOrigin } from "./io/settings.js";
