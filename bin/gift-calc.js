#!/usr/bin/env node
// CommonJS (bin/package.json), as the bundled CLI it loads (scripts/bundle-cli.js): Node 20 starts
// it sooner than through its ES module loader.
const args = process.argv.slice(2);
// A large log's scan thread is started before the CLI loads, so that it boots meanwhile: `estimate`
// with `--log` only, so no other command loads more (see dist/cli/actions/log-thread.js).
if (args[0] === "estimate" && args.some((arg) => arg === "--log" || arg.startsWith("--log="))) {
  require("../dist/bin/log-thread.js").headStart(args, process.cwd());
}
require("../dist/bin/main.js").runFromProcess();
