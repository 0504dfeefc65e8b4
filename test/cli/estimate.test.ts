import { describe, expect, it } from "vitest";
import { runCli, runJson } from "../helpers/cli.js";

describe("gift-calc estimate", () => {
  it("values a Lion and 100 Roses under the standard preset", async () => {
    const { code, json } = await runJson<any>(["estimate", "lion=1", "rose=100"]);
    expect(code).toBe(0);
    expect(json.totals).toMatchObject({ coins: 30099, diamonds: "30099", walletUsd: "150.495" });
    expect(json.withdrawal.eligible).toBe(true);
    expect(json.payout.net).toBe("150.49");
  });

  it("suggests Lion for a typo and exits 2", async () => {
    const { code, stderr } = await runCli(["estimate", "lino=1"]);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown gift "lino"');
    expect(stderr).toContain('"Lion"');
  });
});
