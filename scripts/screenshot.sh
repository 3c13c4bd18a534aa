#!/usr/bin/env bash
# Renders the sample digest's HTML in headless Chromium (Debian's chromium) at 600 px and at
# 375 px wide into docs/digest-600.png and docs/digest-375.png (the README shows the first),
# and in dark mode into docs/digest-600-dark.png; then the browser tests' shots: the serve pages
# (docs/serve-*.png) and the test digest without its style block and on a phone, light and dark.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null || [ ! -d /usr/share/fonts/truetype/wqy ]; then  # CJK glyphs for the sample's Japanese item
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core fonts-wqy-zenhei >/dev/null
fi
scripts/setup.sh
swift build --product gazette
export GAZETTE_UNSUBSCRIBE_SECRET="${GAZETTE_UNSUBSCRIBE_SECRET:-demo-secret-not-for-production}"
# A copy of Samples/ so that no earlier demo state (seen items) empties the preview.
work=$(mktemp -d)
cp -r Samples "$work/Samples"
out="$work/preview"
.build/debug/gazette preview --config "$work/Samples/gazette.yml" --out "$out" --now 2026-11-29T07:00:00Z >/dev/null
mkdir -p docs
for width in 600 375; do
  chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size="$width,3200" --screenshot="$PWD/docs/digest-$width.png" "file://$out/digest.html" 2>/dev/null
  echo "docs/digest-$width.png"
done
# Dark mode (prefers-color-scheme: dark), as Apple Mail and others apply it.
chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 --force-dark-mode \
  --blink-settings=preferredColorScheme=0 --window-size=600,3200 --screenshot="$PWD/docs/digest-600-dark.png" \
  "file://$out/digest.html" 2>/dev/null
echo "docs/digest-600-dark.png"
# The subscribe and unsubscribe pages of `gazette serve`, desktop and phone width, taken by the
# browser test (Tests/Browser/serve_flow.py) while it walks through them.
scripts/setup.sh --tests
GAZETTE_SCREENSHOTS="$PWD/docs" swift test --filter "ServeBrowserTests|DigestBrowserTests" >/dev/null
ls docs/serve-*.png docs/digest-phone*.png docs/digest-desktop*.png
