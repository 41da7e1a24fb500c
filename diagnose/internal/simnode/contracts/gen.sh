#!/usr/bin/env bash
# Regenerates the fixture bytecode from Fixtures.sol with solc-js (npm).
# Usage: bash diagnose/internal/simnode/contracts/gen.sh
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm install --silent solc@0.8.28 >/dev/null)
"$tmp/node_modules/.bin/solcjs" --bin --optimize -o "$tmp/out" Fixtures.sol
for c in Token Failer; do
  cp "$tmp/out/Fixtures_sol_${c}.bin" "${c}.bin"
done
echo "wrote Token.bin Failer.bin"
