#!/usr/bin/env bash
# The README's Speed table, measured in one run (run it on a quiet machine: nothing else
# building or testing). Writes every raw result under OUT (default /tmp/geo287-speed):
#   single-*.md    hyperfine of the single answers on the embedded root: derived cache warm,
#                  emptied before every run, and off; `single-cold.md`: the page cache dropped
#                  before every run (derived cache warm; needs root)
#   pipeline.txt   the Pipeline suite (in-process, ordo-one/benchmark) on the full data
#   history-*.time /usr/bin/time -v of history and batch over the real sheets and $SHEETS (500
#   batch-*.time   synthetic sheets): derived cache off (`TAG.time`), then a cache of their own
#                  emptied first (`TAG-empty.time`: every sheet parsed and stored), then again
#                  (`TAG-warm.time`: every sheet decoded from the cache)
#   lookup.txt     Benchmarks/peers/run-lookup.sh: lookup --points 1M and 10M rows, geo287 (empty
#                  cache, then warm) against the geopandas pipeline, same file, rows compared
#   history.txt    wall, CPU-s and peak memory of each history/batch run
#   load.txt       the load average before each part
#     Benchmarks/scripts/speed-run.sh [OUT]     # needs `make release`, the Benchmarks build, ../shared/data
#     PARTS="history lookup" Benchmarks/scripts/speed-run.sh [OUT]   # only some parts (default: all five)
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="${1:-/tmp/geo287-speed}"
DATA="${GEO287_DATA:-$(cd "$REPO/.." && pwd)/shared/data}"
SHEETS="${SHEETS:-/tmp/sheets500}"
BIN="$REPO/.build/release/geo287"
mkdir -p "$OUT"
cd "$REPO"
PARTS="${PARTS:-single cold pipeline history lookup}"
part() { [[ " $PARTS " == *" $1 "* ]]; }
load() { echo "$1: $(cut -d' ' -f1-3 /proc/loadavg) $(date -u +%H:%M:%S)" >> "$OUT/load.txt"; }
: > "$OUT/load.txt"

# Single answers, default (embedded) root, whole processes.
single=("$BIN summary" "$BIN lookup --place Tampa,FL" "$BIN lookup --point 27.9506,-82.4572"
        "$BIN lookup --county 'Collier County, FL'" "$BIN coverage --model task-force" "$BIN match --format csv")
if part single; then
load single
export GEO287_CACHE="$OUT/cache-warm"
rm -rf "$GEO287_CACHE"
"$BIN" data index > /dev/null
hyperfine -N -w 2 -r 15 --export-markdown "$OUT/single-warm.md" "${single[@]}"
GEO287_CACHE="$OUT/cache-empty" hyperfine -N -w 1 -r 5 --prepare "rm -rf $OUT/cache-empty" \
  --export-markdown "$OUT/single-empty.md" "${single[4]}" "${single[5]}"
GEO287_CACHE=off hyperfine -N -w 1 -r 5 --export-markdown "$OUT/single-off.md" "${single[4]}" "${single[5]}"
unset GEO287_CACHE
fi

# The same single answers cold: the operating system's page cache dropped before every run (the
# binary, its libraries and the data read from disk), the derived cache warm. Needs root.
if part cold; then
load cold
if [ -w /proc/sys/vm/drop_caches ]; then
  export GEO287_CACHE="$OUT/cache-cold"
  rm -rf "$GEO287_CACHE"
  "$BIN" data index > /dev/null
  hyperfine -N -r 10 --prepare "sh -c 'sync; echo 3 > /proc/sys/vm/drop_caches'" --export-markdown "$OUT/single-cold.md" "${single[@]}"
  unset GEO287_CACHE
else
  echo "cold: /proc/sys/vm/drop_caches is not writable (needs root); skipped" > "$OUT/single-cold.md"
fi
fi

# The Pipeline suite (history and batch are timed below, as whole processes).
if part pipeline; then
load pipeline
(cd Benchmarks && GEO287_DATA="$DATA" swift package --allow-writing-to-package-directory benchmark \
   --target Pipeline --filter "lookup.*|coverage.*|match.*|summary.*|sheet parse.*" --no-progress) > "$OUT/pipeline.txt" 2>&1
fi

# history and batch over the synthetic sheets (and the 34 real ones).
if part history; then
[ -d "$SHEETS" ] || python3 Benchmarks/scripts/synthesize-sheets.py "$DATA/ice" "$SHEETS" 500
for dir in "$DATA/ice" "$SHEETS"; do
  tag="$(basename "$dir")"
  load "history $tag"
  GEO287_CACHE=off /usr/bin/time -v -o "$OUT/history-$tag.time" "$BIN" history --data "$DATA" --dir "$dir" --quiet > /dev/null
  load "batch $tag"
  rm -rf "$OUT/batch-$tag"
  GEO287_CACHE=off /usr/bin/time -v -o "$OUT/batch-$tag.time" "$BIN" batch --data "$DATA" --dir "$dir" --out "$OUT/batch-$tag" --quiet > /dev/null
  rm -rf "$OUT/batch-$tag"
  for command in history batch; do
    rm -rf "$OUT/cache-$command"
    for pass in empty warm; do
      load "$command $tag cache $pass"
      args=(--data "$DATA" --dir "$dir" --quiet)
      [ "$command" = batch ] && args+=(--out "$OUT/batch-$tag")
      GEO287_CACHE="$OUT/cache-$command" /usr/bin/time -v -o "$OUT/$command-$tag-$pass.time" "$BIN" "$command" "${args[@]}" > /dev/null
      rm -rf "$OUT/batch-$tag"
    done
    rm -rf "$OUT/cache-$command"
  done
done
fi

# Bulk lookup against the geopandas pipeline.
if part lookup; then
load lookup
GEO287_DATA="$DATA" GEO287_BIN="$BIN" Benchmarks/peers/run-lookup.sh > "$OUT/lookup.txt" 2>&1
fi
load end
for f in "$OUT"/history-*.time "$OUT"/batch-*.time; do
  [ -f "$f" ] || continue
  awk -v f="$(basename "$f" .time)" '/Elapsed \(wall clock\)/ {w=$NF} /User time/ {u=$NF} /System time/ {s=$NF}
    /Maximum resident/ {m=$NF} END {printf "%-30s %9s wall %7.1f CPU-s %6.0f MiB\n", f, w, u+s, m/1024}' "$f"
done > "$OUT/history.txt"
cat "$OUT/load.txt" "$OUT/history.txt"
