/**
 * The one place that decides about colour: `--no-color`, then NO_COLOR, then FORCE_COLOR, then
 * whether stdout is a terminal. chalk is loaded only when colour is on.
 */
import { PLAIN, type Style } from "../render/style.js";
import type { CliIo } from "./io.js";

export function wantsColour(io: Pick<CliIo, "env" | "stdout">, colourFlag: boolean | undefined): boolean {
  if (colourFlag === false) return false;
  const { NO_COLOR, FORCE_COLOR, TERM } = io.env;
  if (NO_COLOR !== undefined && NO_COLOR !== "") return false;
  if (FORCE_COLOR !== undefined) return !["0", "false"].includes(FORCE_COLOR);
  return io.stdout.isTTY === true && TERM !== "dumb";
}

export async function styleFor(
  io: Pick<CliIo, "env" | "stdout">,
  colourFlag: boolean | undefined,
): Promise<Style> {
  if (!wantsColour(io, colourFlag)) return PLAIN;
  const { Chalk } = await import("chalk");
  const chalk = new Chalk({ level: 1 });
  return {
    bold: (text) => chalk.bold(text),
    dim: (text) => chalk.dim(text),
    good: (text) => chalk.green(text),
    bad: (text) => chalk.red(text),
    warn: (text) => chalk.yellow(text),
    accent: (text) => chalk.cyan(text),
  };
}
