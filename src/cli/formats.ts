/**
 * Output formats the command line accepts: the renderers' four, plus `github` (workflow
 * annotations), which only commands that opt in with `allowGithubFormat` support.
 */
import type { Command } from "commander";
import { GiftCalcError } from "../errors.js";
import { FORMATS, type Format } from "../render/format.js";

export const CLI_FORMATS = [...FORMATS, "github"] as const;
export type CliFormat = Format | "github";

const githubCommands = new WeakSet<Command>();

/** Let `command` accept `--format github`. */
export function allowGithubFormat(command: Command): Command {
  githubCommands.add(command);
  return command;
}

/** A preAction hook: refuse `--format github` for commands that cannot print annotations. */
export function checkFormatSupported(_program: Command, action: Command): void {
  const { format } = action.optsWithGlobals<{ format?: string }>();
  if (format === "github" && !githubCommands.has(action)) {
    throw new GiftCalcError("BAD_OPTION", `--format github is not available for \`${action.name()}\``, {
      hint: `use one of ${FORMATS.join(", ")}; github annotations come from \`catalog validate\``,
    });
  }
}
