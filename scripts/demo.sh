#!/usr/bin/env bash
# Sets up the machine (when needed), builds gazette and runs the main job on the bundled Samples/,
# offline: checks the sample config, previews today's digest into out/preview/ (digest.html to
# open in a browser, digest.txt, digest.eml), then runs it for the sample subscribers with outbox
# delivery (out/outbox/*.eml, state in out/state/) and shows the delivery status.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build --product gazette
gazette=.build/debug/gazette
# The sample's unsubscribe links are signed; a throwaway secret unless you set your own.
export GAZETTE_UNSUBSCRIBE_SECRET="${GAZETTE_UNSUBSCRIBE_SECRET:-demo-secret-not-for-production}"
rm -rf out
"$gazette" check --config Samples/gazette.yml
echo
"$gazette" preview --config Samples/gazette.yml --out out/preview
echo
"$gazette" run --config Samples/gazette.yml
echo
"$gazette" status --config Samples/gazette.yml
echo
echo "Open out/preview/digest.html in a browser (the plain-text part is out/preview/digest.txt);"
echo "the messages the run delivered are in out/outbox/."
