#!/usr/bin/env bash
# Render the demo's HTML report and take a screenshot of it in headless Chromium, to
# check the page as a person sees it. Needs Debian's chromium package:
#   apt-get install chromium
# Usage: scripts/screenshot-report.sh [OUT.png]
set -euo pipefail
out="${1:-report.png}"
tmp="$(mktemp -d)"
goalrules demo --format html --output "$tmp/report.html"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$tmp/profile" --hide-scrollbars --window-size=1280,2400 \
    --screenshot="$out" "file://$tmp/report.html" 2>/dev/null
echo "wrote $out"
