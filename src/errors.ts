/**
 * Known errors: a user mistake or a failed check, never a bug. Each has a stable code, a one-line
 * message and a hint; the command layer prints them without a stack and maps them to an exit code.
 * Anything thrown that is not a GiftCalcError is a bug.
 */
export type ErrorCode =
  | "BAD_TALLY"
  | "BAD_NUMBER"
  | "UNKNOWN_GIFT"
  | "AMBIGUOUS_GIFT"
  | "BAD_OPTION"
  | "BAD_CONFIG"
  | "BAD_CATALOG"
  | "BAD_CAPTURE"
  | "BAD_LOG"
  | "FILE_UNREADABLE"
  | "FILE_TOO_LARGE"
  | "FILE_EXISTS"
  | "NOTHING_TO_ESTIMATE"
  | "OUT_OF_RANGE"
  | "CHECK_FAILED";

/** Exit 2: usage or input error. Exit 1: a check failed. */
export type ExitCode = 1 | 2;

export class GiftCalcError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly exitCode: ExitCode;

  constructor(code: ErrorCode, message: string, options: { hint?: string; exitCode?: ExitCode } = {}) {
    super(message);
    this.name = "GiftCalcError";
    this.code = code;
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? 2;
  }
}

/** A check the user asked for (`--check`, `--strict`, `--fail-on`) did not pass: exit 1. */
export class CheckFailedError extends GiftCalcError {
  constructor(message: string, hint?: string) {
    super("CHECK_FAILED", message, hint === undefined ? { exitCode: 1 } : { hint, exitCode: 1 });
    this.name = "CheckFailedError";
  }
}

export function isGiftCalcError(error: unknown): error is GiftCalcError {
  return error instanceof GiftCalcError;
}
