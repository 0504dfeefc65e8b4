#!/usr/bin/env bash
# Does the published package work? Pack it, install the tarball into an empty folder (dependencies
# come from the registry), run the main job and import the library there. Needs the network.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$root"
tarball="$(npm pack --silent --pack-destination "$work" | tail -1)"
mkdir "$work/app" && cd "$work/app"
npm init -y >/dev/null
npm install --no-audit --no-fund "$work/$tarball" >/dev/null
npx --no-install gift-calc estimate lion=1 --format json | node -e '
  let text = ""; process.stdin.on("data", (chunk) => (text += chunk)).on("end", () => {
    const net = JSON.parse(text).payout.net;
    if (net !== "149.99") throw new Error(`unexpected net ${net}`);
  });'
node --input-type=module -e 'import { estimate, loadCatalog } from "gift-calc"; if ((await loadCatalog()).gifts.length !== 158 || typeof estimate !== "function") process.exit(1);'
echo "check-pack: $tarball installs into an empty folder and runs"
