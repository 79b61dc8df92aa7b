#!/usr/bin/env bash
# Interrupts real builds of the bundled briefing with SIGINT, SIGTERM and SIGKILL after several
# delays, and checks each time that the output folder holds either the old site or the complete
# new one (the same files as a reference build of the same content, 404.html among them), and
# that the next build succeeds and leaves no staging folder behind.
# The builds alternate between content/ and a copy with one more article, so the old site and the
# new one differ. Usage: checks/kill.sh [DELAY...]   (BRIEFING names the binary)
set -euo pipefail
briefing=$(realpath "${BRIEFING:-.build/debug/briefing}")
cd "$(dirname "$0")/.."
delays=("$@")
[ ${#delays[@]} -gt 0 ] || delays=(0.02 0.05 0.1 0.15 0.2 0.3 0.4 0.6 1)
work=$(mktemp -d /tmp/briefing-kill.XXXXXX)
trap 'rm -rf "$work"' EXIT

cp -r content "$work/a"
cp -r content "$work/b"
printf -- '---\ntitle: Kill test\ndate: 2025-03-01\n---\nOne more article, so that this site differs.\n' \
  >"$work/b/articles/kill-test.md"

build() { "$briefing" build --content "$1" --templates templates --output "$2" >"$work/log" 2>&1; }

# The files of a site, one a line; of the search index only its entry point, whose other names
# are not the same from one build to the next.
files() { (cd "$1" && find . -type f ! -path './pagefind/*' -o -path ./pagefind/pagefind.js | sort); }

for side in a b; do
  build "$work/$side" "$work/ref-$side" || { cat "$work/log"; exit 1; }
  files "$work/ref-$side" >"$work/files-$side"
done
cmp -s "$work/files-a" "$work/files-b" && { echo "kill: the two contents give the same files" >&2; exit 1; }

site=$work/out/site
build "$work/a" "$site" || { cat "$work/log"; exit 1; }
current=a
kills=0 old=0 new=0 finished=0 stale=0 failures=0
fail() { echo "kill: $*" >&2; failures=$((failures + 1)); }

for signal in INT TERM KILL; do
  for delay in "${delays[@]}"; do
    next=$([ $current = a ] && echo b || echo a)
    # With job control on, the build is not started with SIGINT ignored, as background jobs are.
    set -m
    "$briefing" build --content "$work/$next" --templates templates --output "$site" >/dev/null 2>&1 &
    pid=$!
    killed="${killed:-} $pid"
    set +m
    sleep "$delay"
    kill -s "$signal" "$pid" 2>/dev/null || true
    status=0
    { wait "$pid"; } 2>/dev/null || status=$?
    kills=$((kills + 1))
    # A killed build's search indexer may still be running: the next build must cope with it.
    if [ $status -eq 0 ]; then
      finished=$((finished + 1))
      outcome="finished before the signal"
    elif [ ! -d "$site" ]; then
      fail "SIG$signal after ${delay}s: no folder at the output path"
      outcome=missing
    else
      files "$site" >"$work/files-now"
      if cmp -s "$work/files-now" "$work/files-$current"; then
        old=$((old + 1))
        outcome="old site"
      elif cmp -s "$work/files-now" "$work/files-$next"; then
        new=$((new + 1))
        outcome="new site"
      else
        fail "SIG$signal after ${delay}s: the output is neither site; differences from the old one:"
        diff "$work/files-$current" "$work/files-now" | head -10 >&2 || true
        outcome=broken
      fi
      [ -f "$site/404.html" ] || fail "SIG$signal after ${delay}s: no 404.html"
    fi
    if build "$work/$next" "$site"; then
      files "$site" >"$work/files-now"
      cmp -s "$work/files-now" "$work/files-$next" || fail "SIG$signal after ${delay}s: the next build is incomplete"
      # The search indexer of a killed build is not killed with it and may still write into that
      # build's staging folder (any build killed so far); the next build leaves what it cannot remove.
      for leftover in $(cd "$work/out" && find . -mindepth 1 -maxdepth 1 -name 'site.briefing-*' -printf '%f '); do
        if [[ " $killed " == *" ${leftover#site.briefing-new-} "* ]]; then
          stale=$((stale + 1))
        else
          fail "SIG$signal after ${delay}s: left beside the site after the next build: $leftover"
        fi
      done
    else
      fail "SIG$signal after ${delay}s: the next build failed:"
      cat "$work/log" >&2
    fi
    echo "kill: SIG$signal after ${delay}s (exit $status): $outcome; next build ok"
    current=$next
  done
done
# Once no indexer of a killed build runs, a build clears every staging folder.
for _ in $(seq 300); do pgrep -f -- "--site $work/out/" >/dev/null || break; sleep 0.1; done
build "$work/$current" "$site" || fail "the last build failed"
leftovers=$(cd "$work/out" && find . -mindepth 1 -maxdepth 1 -name 'site.briefing-*' -printf '%f ')
[ -z "$leftovers" ] || fail "the last build left $leftovers"
echo "kill: $kills builds interrupted: $old left the old site, $new the new one, $finished had finished;" \
  "$stale staging folders still being indexed were left for a later build, which cleared them;" \
  "$failures failures"
[ $failures -eq 0 ]
