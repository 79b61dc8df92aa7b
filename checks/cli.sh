#!/usr/bin/env bash
# The command line's promises: exit 0 on success, 1 on content errors (or warnings under
# --strict), 2 on bad usage; diagnostics name file and line.
# Usage: checks/cli.sh BRIEFING_BINARY
set -uo pipefail
exe=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d /tmp/briefing-cli.XXXXXX)
trap 'rm -rf "$work"' EXIT
failures=0
expect() {  # expect STATUS DESCRIPTION COMMAND...
  local want=$1 what=$2
  shift 2
  "$@" >"$work/out" 2>&1
  local got=$?
  if [ "$got" != "$want" ]; then
    echo "FAIL $what: exit $got, expected $want"; sed 's/^/  /' "$work/out" | head -5; failures=$((failures + 1))
  fi
}
mkdir -p "$work/ok/people" "$work/bad/people"
printf -- '---\nname: Gen Nakatani\n---\n' >"$work/ok/people/gen-nakatani.md"
printf 'title: T\n' >"$work/ok/briefing.yml"
printf -- '---\nname: Gen Nakatani\npeople: [Nobody]\n---\n' >"$work/bad/people/gen-nakatani.md"
printf 'title: T\n' >"$work/bad/briefing.yml"

expect 0 "check of good content" "$exe" check --content "$work/ok"
expect 0 "build of good content" "$exe" build --content "$work/ok" --templates templates --output "$work/site" --no-search
expect 1 "check of content with an error" "$exe" check --content "$work/bad"
grep -q "bad/people/gen-nakatani.md:3:1: error: 'people' names 'Nobody'" "$work/out" ||
  { echo "FAIL diagnostic does not name file and line"; failures=$((failures + 1)); }
expect 1 "build of content with an error" "$exe" build --content "$work/bad" --templates templates --output "$work/site" --no-search
test -f "$work/site/index.html" || { echo "FAIL the failed build removed the previous site"; failures=$((failures + 1)); }
printf 'stray\n' >"$work/ok/stray.txt"
expect 0 "a warning without --strict" "$exe" check --content "$work/ok"
expect 1 "a warning under --strict" "$exe" check --content "$work/ok" --strict
expect 2 "an unknown option" "$exe" build --bogus
expect 2 "an unknown subcommand" "$exe" frobnicate
expect 2 "a bad option value" "$exe" check --format xml
expect 0 "--help" "$exe" --help
expect 0 "--version" "$exe" --version
expect 0 "the bundled briefing under --strict" "$exe" check --content content --strict
expect 1 "check --format json of content with an error" "$exe" check --content "$work/bad" --format json
"$exe" check --content "$work/bad" --format json >"$work/json" 2>/dev/null
python3 -c '
import json, sys
items = json.load(open(sys.argv[1]))
assert any(i["code"] == "unknown-reference" and i["line"] == 3 and i["severity"] == "error" for i in items), items
assert all(set(i) == {"file", "line", "column", "severity", "code", "message"} for i in items), items
' "$work/json" || { echo "FAIL check --format json does not parse or lacks codes"; failures=$((failures + 1)); }
expect 2 "--quiet with --verbose" "$exe" check --quiet --verbose
# A starter briefing builds at once with no templates folder; new writes a note skeleton.
( cd "$work" && "$exe" init brief >/dev/null && cd brief && "$exe" build --no-search >/dev/null 2>&1 &&
  "$exe" new person "Ada Lovelace" >/dev/null && test -f content/people/ada-lovelace.md ) ||
  { echo "FAIL init, build and new in an empty folder"; failures=$((failures + 1)); }
# Two processes (each with its own hash seed) build byte-identical sites.
"$exe" build --content content --templates templates --output "$work/one" --no-search >/dev/null 2>&1
"$exe" build --content content --templates templates --output "$work/two" --no-search >/dev/null 2>&1
diff -r "$work/one" "$work/two" >/dev/null ||
  { echo "FAIL two builds of the same content differ"; failures=$((failures + 1)); }
echo "cli: $([ $failures = 0 ] && echo ok || echo "$failures failure(s)")"
exit $((failures > 0))
