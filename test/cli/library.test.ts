/** The library (src/index.ts): no side effects on import, and the documented example works. */
import { describe, expect, it, vi } from "vitest";

const EVENTS = [
  "exit",
  "beforeExit",
  "uncaughtException",
  "unhandledRejection",
  "warning",
  "SIGINT",
  "SIGTERM",
] as const;

describe("import of the library", () => {
  it("writes nothing and adds no process listeners", async () => {
    const before = EVENTS.map((event) => process.listenerCount(event));
    const stdout = vi.spyOn(process.stdout, "write");
    const stderr = vi.spyOn(process.stderr, "write");
    const library = await import("../../src/index.js");
    expect(typeof library.estimate).toBe("function");
    expect(stdout).not.toHaveBeenCalled();
    expect(stderr).not.toHaveBeenCalled();
    expect(EVENTS.map((event) => process.listenerCount(event))).toEqual(before);
    stdout.mockRestore();
    stderr.mockRestore();
  });

  it("the README's example: load, count, estimate", async () => {
    const { countTallies, estimate, loadCatalog, loadSettings, parseTally, referenceGiftOf, resolveModel } =
      await import("../../src/index.js");
    const catalog = await loadCatalog();
    const { settings } = await loadSettings(undefined, {
      overrides: { preset: { value: "half", origin: "flag" } },
    });
    const rose = referenceGiftOf(catalog);
    const result = estimate(
      { gifts: countTallies(catalog, ["lion=1", "rose=100"].map(parseTally)) },
      { model: resolveModel(settings), stores: settings.stores, ...(rose ? { referenceGift: rose } : {}) },
    );
    expect(result.totals.walletUsd).toBe("75.2475");
    expect(result.withdrawal.eligible).toBe(false);
  });
});
