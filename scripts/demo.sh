#!/usr/bin/env bash
# Sets up the machine (when needed), builds gazette and runs it on the bundled Samples/, offline.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build --product gazette
gazette=.build/debug/gazette
mkdir -p out/fetched
urls=()
for file in Samples/feeds/* Samples/articles/*; do urls+=("file://$PWD/$file"); done
"$gazette" fetch --output out/fetched "${urls[@]}"
echo "Saved what was fetched in out/fetched/"
