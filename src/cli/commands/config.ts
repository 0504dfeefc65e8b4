/** `gift-calc config show|init`: the declarations; the work is in ../actions/config.ts. */
import type { Command } from "commander";
import type { CliIo } from "../io.js";
import { addModelOptions } from "../options.js";

export function defineConfig(program: Command, io: CliIo): Command {
  const config = program.command("config").description("show or create the configuration");
  const show = config
    .command("show")
    .description("the effective configuration, and where each value came from (default, file, env, flag)");
  addModelOptions(show);
  show.action(async (_options: unknown, self: Command) => {
    const { configShowAction } = await import("../actions/config.js");
    await configShowAction(self, io);
  });
  config
    .command("init")
    .description("write a commented starter gift-calc.yaml")
    .argument("[file]", "where to write it (default: --config, GIFT_CALC_CONFIG, else ./gift-calc.yaml)")
    .option("--force", "overwrite an existing file")
    .action(async (file: string | undefined, _options: unknown, self: Command) => {
      const { configInitAction } = await import("../actions/config.js");
      await configInitAction(file, self, io);
    });
  return config;
}
