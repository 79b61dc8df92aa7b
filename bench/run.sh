#!/usr/bin/env bash
# `make bench`: builds a generated corpus of ARTICLES articles and one of twice as many, with
# briefing and (where it is installed) Hugo interleaved (briefing, Hugo, briefing, Hugo, …), and
# prints for each: the median wall time, the median of the per-pair ratios, the peak memory, the
# stage times and the largest page, and for ARTICLES the same pairs on a clean disk (as root);
# then how the double corpus scales, and the instructions the render stage spends per byte of HTML
# on a 1,000-article corpus (valgrind; INSTRUCTIONS=0 skips);
# then `briefing serve` on the bundled briefing: the median time from a one-article edit to the
# page serving its new text (bench/serve-latency.py, 20 edits), and on the ARTICLES corpus (5 edits).
# Usage: bench/run.sh [ARTICLES] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-10000}
runs=${2:-3}
exe=.build/release/briefing
have_hugo=$(command -v hugo >/dev/null 2>&1 && echo yes || echo no)

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; }

# bench_corpus N OUT [clean]: prints the figures for one corpus and leaves "seconds peak_kb" in
# OUT/result; with `clean`, also the same pairs on a clean disk (clean_pairs).
bench_corpus() {
  local n=$1 out=$2
  python3 bench/generate.py --out "$out" --articles "$n" >/dev/null
  local times=() htimes=() ratios=() rss=0 hrss=0 secs kb
  for i in $(seq "$runs"); do
    rm -rf "$out/site"
    /usr/bin/time -f "%e %M" -o "$out/time" "$exe" build --content "$out/content" --templates templates \
      --output "$out/site" --no-search --no-cache --verbose 2>"$out/log" >/dev/null
    read -r secs kb <"$out/time"
    times+=("$secs"); [ "$kb" -gt "$rss" ] && rss=$kb
    if [ "$have_hugo" = yes ]; then
      rm -rf "$out/hugo/public"
      /usr/bin/time -f "%e %M" -o "$out/htime" hugo --quiet -s "$out/hugo" >/dev/null 2>&1
      local hsecs hkb
      read -r hsecs hkb <"$out/htime"
      htimes+=("$hsecs"); [ "$hkb" -gt "$hrss" ] && hrss=$hkb
      ratios+=("$(ratio "$secs" "$hsecs")")
    fi
  done
  local build pages largest
  build=$(printf '%s\n' "${times[@]}" | median)
  pages=$(find "$out/site" -name '*.html' | wc -l)
  largest=$(find "$out/site" -name '*.html' -printf '%s %P\n' | sort -n | tail -1)
  echo "$n articles:"
  echo "  briefing: median ${build}s over $runs runs (${times[*]}), $pages pages, $(awk -v p="$pages" -v t="$build" 'BEGIN{printf "%.0f", p/t}') pages/s, peak memory $((rss / 1024)) MB"
  echo "  stages of the last build: $(grep -E "^[a-z ]+: [0-9.]+ ms$" "$out/log" | tr "\n" ";" | sed 's/;$//; s/;/; /g')"
  echo "  peak memory after each stage: $(sed -n 's/^peak memory after \(.*\): \([0-9]*\) MB$/\1 \2 MB/p' "$out/log" | tr "\n" ";" | sed 's/;$//; s/;/; /g')"
  echo "  largest page: ${largest#* } ($(( ${largest%% *} / 1024 )) KB); pages over 1 MB: $(find "$out/site" -name '*.html' -size +1024k | wc -l)"
  if [ "$have_hugo" = yes ]; then
    echo "  hugo $(hugo version | awk '{print $2}'): median $(printf '%s\n' "${htimes[@]}" | median)s (${htimes[*]}), $(find "$out/hugo/public" -name '*.html' | wc -l) pages, peak memory $((hrss / 1024)) MB"
    echo "  briefing/Hugo time, pair by pair: ${ratios[*]}; median $(printf '%s\n' "${ratios[@]}" | median)x"
  fi
  echo "$build $rss" >"$out/result"
  if [ "$have_hugo" = yes ] && [ "${3:-}" = clean ]; then clean_pairs "$out"; fi
}

# The same builds with the disk as a long-idle machine would have it: the removed output's inodes
# out of the cache before every run (`sync` and dropping the caches, which needs root). On ext4
# without a journal, inodes freed in the last minute or more are otherwise passed over one by one
# while new files are made, and that costs each tool differently. CLEAN=0 skips it.
clean_pairs() {
  local out=$1 times=() htimes=() ratios=() secs hsecs
  if [ "${CLEAN:-1}" = 0 ] || [ ! -w /proc/sys/vm/drop_caches ]; then
    echo "  on a clean disk: skipped (needs root to drop the caches; CLEAN=0 skips it)"
    return 0
  fi
  for _ in $(seq "$runs"); do
    # The inputs and both programs are read back in, so that only the output starts cold.
    rm -rf "$out/site"; sync; echo 3 >/proc/sys/vm/drop_caches
    find "$out/content" -type f -exec cat {} + >/dev/null; cat "$exe" >/dev/null
    /usr/bin/time -f "%e" -o "$out/time" "$exe" build --content "$out/content" --templates templates \
      --output "$out/site" --no-search --no-cache >/dev/null 2>&1
    secs=$(cat "$out/time"); times+=("$secs")
    rm -rf "$out/hugo/public"; sync; echo 3 >/proc/sys/vm/drop_caches
    find "$out/hugo" -type f -exec cat {} + >/dev/null; cat "$(command -v hugo)" >/dev/null
    /usr/bin/time -f "%e" -o "$out/htime" hugo --quiet -s "$out/hugo" >/dev/null 2>&1
    hsecs=$(cat "$out/htime"); htimes+=("$hsecs")
    ratios+=("$(ratio "$secs" "$hsecs")")
  done
  echo "  on a clean disk (caches dropped before each run): briefing median $(printf '%s\n' "${times[@]}" | median)s (${times[*]}), Hugo median $(printf '%s\n' "${htimes[@]}" | median)s (${htimes[*]}); pair by pair ${ratios[*]}; median $(printf '%s\n' "${ratios[@]}" | median)x"
}

[ "$have_hugo" = yes ] || echo "hugo: not installed (apt-get install hugo): no comparison"
bench_corpus "$articles" bench/out clean
bench_corpus "$((articles * 2))" bench/out-double
# Rebuilds after a one-article change (three changes, the median), with the cache warm, against
# the build that filled it and against the median cold build of the corpus; the last rebuild's
# site must be the same as a build without the cache.
warm_edit() {
  local out=$1
  rm -rf "$out/.briefing-cache" "$out/cached"
  /usr/bin/time -f "%e" -o "$out/cold-time" "$exe" build --content "$out/content" --output "$out/cached" --no-search \
    2>/dev/null >/dev/null
  local article warm=()
  article=$(find "$out/content/articles" -name '*.md' | sort | sed -n 1p)
  cp "$article" "$out/article.bak"
  for n in 1 2 3; do
    printf '\nOne more paragraph (%s), added to time a rebuild.\n' "$n" >>"$article"
    /usr/bin/time -f "%e" -o "$out/warm-time" "$exe" build --content "$out/content" --output "$out/cached" --no-search --verbose \
      2>"$out/warm-log" >/dev/null
    warm+=("$(cat "$out/warm-time")")
  done
  rm -rf "$out/uncached"
  "$exe" build --content "$out/content" --output "$out/uncached" --no-search --no-cache >/dev/null 2>&1
  local same=yes
  diff -rq "$out/cached" "$out/uncached" >/dev/null || same=NO
  cp "$out/article.bak" "$article"
  local median cold
  median=$(printf '%s\n' "${warm[@]}" | median)
  read -r cold _ <"$out/result"
  echo "  one-article change with a warm cache: median ${median}s (${warm[*]}) against $(cat "$out/cold-time")s for the build that filled it ($(ratio "$median" "$(cat "$out/cold-time")")x) and the median cold build's ${cold}s ($(ratio "$median" "$cold")x); $(grep '^link cache' "$out/warm-log"); $(grep '^pages kept' "$out/warm-log"); same site as a build without the cache: $same"
}
warm_edit bench/out

read -r t1 m1 <bench/out/result
read -r t2 m2 <bench/out-double/result
echo "scaling, $((articles * 2)) against $articles articles: time $(ratio "$t2" "$t1")x, peak memory $(ratio "$m2" "$m1")x"

# Instructions the render stage spends per byte of HTML it writes. valgrind counts instructions,
# which noise does not change; it cannot read Swift debug info, so it runs a stripped copy, and
# counts only inside SiteRenderer.write (one page rendered and written).
if [ "${INSTRUCTIONS:-1}" != 0 ] && command -v valgrind >/dev/null 2>&1; then
  small=bench/out-1000
  python3 bench/generate.py --out "$small" --articles 1000 >/dev/null
  strip --strip-debug -o "$small/briefing" "$exe"
  address=$(nm "$exe" | swift demangle | grep " BriefingSite.SiteRenderer.write(_: BriefingSite.SiteRenderer.Page" | awk '{print $1}')
  symbol=$(nm "$exe" | awk -v a="$address" '$1 == a {print $3}' | sed -n 1p)
  rm -rf "$small/site"
  valgrind --tool=callgrind --callgrind-out-file="$small/callgrind.out" --toggle-collect="$symbol" \
    "$small/briefing" build --content "$small/content" --templates templates --output "$small/site" --no-search \
    >/dev/null 2>"$small/valgrind.log"
  instructions=$(awk '/^summary:/ {print $2}' "$small/callgrind.out")
  bytes=$(find "$small/site" -name '*.html' -printf '%s\n' | awk '{s+=$1} END {print s}')
  echo "render, 1000 articles: $instructions instructions for $bytes bytes of HTML = $(ratio "$instructions" "$bytes") instructions per byte"
fi

# The authoring loop: a one-article edit of the bundled briefing, written to disk, until the page
# served by `briefing serve` holds the new text; then the same on the 10,000-article corpus.
python3 bench/serve-latency.py "$exe" 20
echo "$articles articles:"
python3 bench/serve-latency.py "$exe" 5 bench/out/content "$(cd bench/out/content && find articles -name '*.md' | sort | sed -n 1p)"
