#!/usr/bin/env bash
# Takes the report's screenshots in Documentation/Images with headless Chromium, as CI's Chromium renders them:
# the year of a transformation with its plan and history, and an organisation whose squads have no outcomes yet.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v chromium > /dev/null || { echo "Chromium is needed: apt-get install chromium"; exit 1; }
swift build --package-path Tools
squads=Tools/.build/debug/squads
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
shoot() { timeout 180 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$1" \
    --screenshot="$PWD/$2" "file://$3" > /dev/null 2>&1; echo "$2: $(stat -c %s "$2") bytes"; }
"$squads" report Tools/Examples/transformation-year-end.json --history Tools/Examples/transformation-year-log.json \
    --plan Tools/Examples/transformation-year-plan.json --day 2026-12-01 --output "$work/history.html"
shoot 1280,2500 Documentation/Images/report-history-with-plan.png "$work/history.html"
"$squads" import-scim Tools/Examples/scim-company.json --name Nusantara --groups "ABM pilot" > "$work/org.json" \
    2> /dev/null
"$squads" report "$work/org.json" --output "$work/no-outcomes.html"
shoot 1280,1700 Documentation/Images/report-without-outcomes.png "$work/no-outcomes.html"
