#!/usr/bin/env bash
# `make bench`: times a full build of a generated corpus, the linking stage on one core, peak
# memory, and (where hugo is installed) Hugo on the same corpus, in the same run.
# Usage: bench/run.sh [ARTICLES] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-10000}
runs=${2:-3}
exe=.build/release/briefing
out=bench/out
python3 bench/generate.py --out "$out" --articles "$articles"
bytes=$(cat "$out/article-bytes")

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

times=(); links=(); rss=0
for i in $(seq "$runs"); do
  /usr/bin/time -f "%e %M" -o "$out/time" "$exe" build --content "$out/content" --templates templates \
    --output "$out/site" --no-search 2>"$out/log" >/dev/null
  read -r secs kb <"$out/time"
  times+=("$secs"); [ "$kb" -gt "$rss" ] && rss=$kb
  # The link stage alone, pinned to one core.
  taskset -c 0 "$exe" check --content "$out/content" >/dev/null 2>"$out/log1" || true
done
build=$(printf '%s\n' "${times[@]}" | median)
pages=$(find "$out/site" -name '*.html' | wc -l)
for i in $(seq "$runs"); do
  taskset -c 0 "$exe" build --content "$out/content" --templates templates --output "$out/site1" --no-search 2>"$out/log1" >/dev/null
  links+=("$(awk '/^link:/ {print $2}' "$out/log1")")
done
link_ms=$(printf '%s\n' "${links[@]}" | median)

echo "briefing: median build ${build}s over $runs runs, $pages pages, $(awk -v p="$pages" -v t="$build" 'BEGIN{printf "%.0f", p/t}') pages/s, peak memory $((rss / 1024)) MB"
echo "linking (one core): ${link_ms} ms for $(awk -v b="$bytes" 'BEGIN{printf "%.1f", b/1e6}') MB of article text = $(awk -v b="$bytes" -v t="$link_ms" 'BEGIN{printf "%.1f", b/1e6/(t/1000)}') MB/s"
echo "stages of the last build: $(grep -E "^[a-z]+: [0-9.]+ ms$" "$out/log" | tr "\n" " ")"

if command -v hugo >/dev/null 2>&1; then
  htimes=()
  for i in $(seq "$runs"); do
    rm -rf "$out/hugo/public"
    /usr/bin/time -f "%e" -o "$out/htime" hugo --quiet -s "$out/hugo" >/dev/null 2>&1
    htimes+=("$(cat "$out/htime")")
  done
  hugo_time=$(printf '%s\n' "${htimes[@]}" | median)
  hpages=$(find "$out/hugo/public" -name '*.html' | wc -l)
  echo "hugo $(hugo version | awk '{print $2}'): median build ${hugo_time}s, $hpages pages"
  echo "ratio: briefing takes $(awk -v a="$build" -v b="$hugo_time" 'BEGIN{printf "%.2f", a/b}')x Hugo's time"
else
  echo "hugo: not installed (apt-get install hugo) — no comparison"
fi
