/**
 * The bin's sniff of a large log's options (its head start): a guess the command checks, so it
 * need only be right for plain argv and say nothing when in doubt.
 */
import { describe, expect, it } from "vitest";
import { headStart, sniffLogOptions, startFirstLog } from "../../src/cli/actions/log-thread.js";

describe("sniffLogOptions", () => {
  it("reads the log options as argv spells them, with or without '='", () => {
    expect(
      sniffLogOptions([
        "estimate",
        "rose=5",
        "--log",
        "a.csv",
        "--map=giftName=present",
        "--by",
        "day",
        "--map",
        "sender=user",
        "--receiver=host",
        "--log",
        "b.csv",
        "--by=sender",
        "--input-format",
        "csv",
      ]),
    ).toEqual({
      log: ["a.csv"],
      map: ["giftName=present", "sender=user"],
      by: "sender",
      receiver: "host",
      inputFormat: "csv",
    });
    expect(sniffLogOptions(["estimate", "--log=big.csv"])).toEqual({ log: ["big.csv"], map: [] });
    expect(sniffLogOptions(["estimate", "--log=a=b.csv"])).toEqual({ log: ["a=b.csv"], map: [] });
  });

  it("says nothing for another command, no log, a missing value, another format, or after --", () => {
    expect(sniffLogOptions(["catalog", "--log", "a.csv"])).toBeUndefined();
    expect(sniffLogOptions(["--quiet", "estimate", "--log", "a.csv"])).toBeUndefined();
    expect(sniffLogOptions(["estimate", "rose=5"])).toBeUndefined();
    expect(sniffLogOptions(["estimate", "--by", "sender", "--log"])).toBeUndefined();
    expect(sniffLogOptions(["estimate", "--log", "a.ndjson", "--input-format", "ndjson"])).toBeUndefined();
    expect(sniffLogOptions(["estimate", "--", "--log", "a.csv"])).toBeUndefined();
    // Not `--logs` or `--log-level`: only the option itself.
    expect(sniffLogOptions(["estimate", "--logs", "a.csv"])).toBeUndefined();
  });

  it("starts no thread from the sources (no compiled worker), and the command then starts its own", async () => {
    headStart(["estimate", "--log", "missing.csv"], process.cwd());
    expect(await startFirstLog({ log: ["missing.csv"] }, { cwd: process.cwd() })).toBeUndefined();
  });
});
