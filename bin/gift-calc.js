#!/usr/bin/env node
const args = process.argv.slice(2);
// A large log's scan thread is started before the CLI loads, so that it boots meanwhile: `estimate`
// with `--log` only, so no other command loads more (see dist/cli/actions/log-thread.js).
if (args[0] === "estimate" && args.some((arg) => arg === "--log" || arg.startsWith("--log="))) {
  const { headStart } = await import("../dist/bin/log-thread.js");
  headStart(args, process.cwd());
}
const { runFromProcess } = await import("../dist/bin/main.js");
await runFromProcess();
