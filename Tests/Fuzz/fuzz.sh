#!/usr/bin/env bash
# Builds the libFuzzer targets of Tests/Fuzz/targets (swiftc -sanitize=fuzzer,address) and runs
# each for SECONDS on a copy of its seed corpus, Tests/Fuzz/corpus/TARGET. An input that crashes,
# trips AddressSanitizer, takes over 1 s or needs over 2 GB fails the run; libFuzzer writes it to
# .build/fuzz/findings/.
# Usage: Tests/Fuzz/fuzz.sh SECONDS [TARGET...]
set -euo pipefail
seconds=${1:-60}
shift || true
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=()
  for file in Tests/Fuzz/targets/*.swift; do targets+=("$(basename "$file" .swift)"); done
fi
out=.build/fuzz
mkdir -p "$out/yaml" "$out/findings"
yams=$(swift package show-dependencies --format json 2>/dev/null | python3 -c '
import json, sys
def walk(d):
    for dep in d.get("dependencies", []):
        if dep["identity"] == "yams": print(dep["path"]); sys.exit()
        walk(dep)
walk(json.load(sys.stdin))')
[ -d "$yams/Sources/Yams" ] || { echo "fuzz: Yams sources not found; run 'swift build' first" >&2; exit 1; }
flags=(-sanitize=fuzzer,address -O -parse-as-library -module-cache-path "$out/module-cache")

# libyaml, Yams and BriefingCore are built once, instrumented, and only again when a source changes.
core_sources=$(find Sources/BriefingCore -name '*.swift' | sort)
stamp=$(cat $core_sources "$yams"/Sources/Yams/*.swift "$yams"/Sources/CYaml/src/*.c | cksum | cut -d' ' -f1)
if [ "$(cat "$out/stamp" 2>/dev/null)" != "$stamp" ]; then
  echo "fuzz: building libyaml, Yams and BriefingCore with coverage and AddressSanitizer"
  rm -f "$out"/yaml/*.o
  for c in "$yams"/Sources/CYaml/src/*.c; do
    clang -c -O1 -fsanitize=fuzzer-no-link,address -DYAML_DECLARE_STATIC -I "$yams/Sources/CYaml/include" \
      "$c" -o "$out/yaml/$(basename "$c" .c).o"
  done
  swiftc "${flags[@]}" -c -wmo -module-name Yams -D SWIFT_PACKAGE -emit-module -emit-module-path "$out/Yams.swiftmodule" \
    -Xcc -DYAML_DECLARE_STATIC -I "$yams/Sources/CYaml/include" "$yams"/Sources/Yams/*.swift -o "$out/Yams.o"
  # shellcheck disable=SC2086
  swiftc "${flags[@]}" -c -wmo -enable-testing -module-name BriefingCore -emit-module \
    -emit-module-path "$out/BriefingCore.swiftmodule" -I "$out" -Xcc -DYAML_DECLARE_STATIC \
    -I "$yams/Sources/CYaml/include" $core_sources -o "$out/BriefingCore.o"
  echo "$stamp" >"$out/stamp"
fi

status=0
for target in "${targets[@]}"; do
  entry=Tests/Fuzz/targets/$target.swift
  if [ ! -x "$out/$target" ] || [ "$entry" -nt "$out/$target" ] || [ "$out/stamp" -nt "$out/$target" ]; then
    swiftc "${flags[@]}" -I "$out" -Xcc -DYAML_DECLARE_STATIC -I "$yams/Sources/CYaml/include" \
      "$entry" "$out/BriefingCore.o" "$out/Yams.o" "$out"/yaml/*.o -o "$out/$target" 2>&1 |
      grep -v "ld.gold: warning: Cannot export local symbol" || true
    [ -x "$out/$target" ] || { echo "fuzz: $target did not build" >&2; exit 1; }
  fi
  corpus=$out/corpus/$target
  mkdir -p "$corpus"
  [ -d "Tests/Fuzz/corpus/$target" ] && cp -n "Tests/Fuzz/corpus/$target"/* "$corpus"/ 2>/dev/null || true
  log=$out/$target.log
  if "$out/$target" "$corpus" -max_total_time="$seconds" -timeout=1 -rss_limit_mb=2048 -max_len=4096 \
    -artifact_prefix="$out/findings/$target-" -print_final_stats=1 >"$log" 2>&1; then
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
    slowest=$(grep -o 'stat::slowest_unit_time_sec: *[0-9]*' "$log" | grep -o '[0-9]*$')
    rss=$(grep -o 'stat::peak_rss_mb: *[0-9]*' "$log" | grep -o '[0-9]*$')
    echo "fuzz: $target: $runs inputs in ${seconds}s, no crash, no sanitizer report;" \
      "slowest input ${slowest}s (limit 1 s), peak ${rss} MB"
  else
    echo "fuzz: $target FAILED; input in $out/findings/, log $log:" >&2
    grep -E 'ERROR|SUMMARY|Fatal|timeout|Test unit written' "$log" | head -20 >&2
    status=1
  fi
done
exit $status
