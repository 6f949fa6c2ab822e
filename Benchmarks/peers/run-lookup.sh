#!/usr/bin/env bash
# `geo287 lookup --points` against a geopandas pipeline doing the same spatial work (read the
# CSV, join to the counties and to the place polygons, write the CSV), same inputs, same session.
# Each runs as its own process under /usr/bin/time -v (wall clock, peak RSS); geo287 runs first with
# an empty derived cache, then warm (byte-identical, checked with cmp); report_lookup.py
# checks that both wrote the same rows, column for column (exit 1 otherwise), and prints the table.
#   Benchmarks/peers/run-lookup.sh                  # SIZES="1000000 10000000"
#   SIZES=1000000 GEO287_BIN=.build/release/geo287 Benchmarks/peers/run-lookup.sh
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
WORK="$HERE/work"
SIZES="${SIZES:-1000000 10000000}"
THREADS="${THREADS:-2}"
export GEO287_DATA="${GEO287_DATA:-$(cd "$REPO/.." && pwd)/shared/data}"
export GEO287_CACHE="$WORK/derived-cache"   # geo287's own, emptied before each size
mkdir -p "$WORK"

source "$HERE/runner.sh"
GEO287_BIN="${GEO287_BIN:-$(peer_binary "$REPO" geo287)}" && [ -x "$GEO287_BIN" ] || exit 1
PY="$(peer_python)"

RESULTS="$WORK/lookup.tsv"
: > "$RESULTS"
run_engine() {  # size engine output command...
  local n="$1" e="$2" out="$3"; shift 3
  local tlog="$WORK/lookup_${n}.${e}.time" load
  # Every engine writes a new file: replacing the previous run's output (1 GB at 10M rows) makes
  # the filesystem free its blocks inside the run (~0.8 s on the project machine's ext4).
  rm -f "$out"
  load="$(cut -d' ' -f1 /proc/loadavg)"
  echo "-- $n rows: $e (load $load)"
  /usr/bin/time -v -o "$tlog" "$@" > "$WORK/lookup_${n}.${e}.log" 2>&1 || { cat "$WORK/lookup_${n}.${e}.log" >&2; exit 1; }
  tail -n 1 "$WORK/lookup_${n}.${e}.log"
  local rss wall
  rss="$(awk -F: '/Maximum resident set size/ {gsub(/ /,"",$2); print $2}' "$tlog")"
  wall="$(awk '/Elapsed \(wall clock\)/ {print $NF}' "$tlog")"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$e" "$out" "$rss" "$wall" "$load" >> "$RESULTS"
}

for n in $SIZES; do
  in="$WORK/points_${n}.csv"
  [ -s "$in" ] || { echo "== writing $in"; (cd "$HERE" && "$PY" lookup_inputs.py points "$n" "$in"); }
  # geo287 twice: a first run with an empty derived cache (each state's places read from their
  # zips, indexed and stored), then a warm one (the indexes read back); same bytes, checked here.
  rm -rf "$GEO287_CACHE"
  run_engine "$n" geo287-empty-cache "$WORK/lookup_${n}.geo287-empty-cache.csv" \
    "$GEO287_BIN" lookup --points "$in" --threads "$THREADS" --out "$WORK/lookup_${n}.geo287-empty-cache.csv"
  run_engine "$n" geo287 "$WORK/lookup_${n}.geo287.csv" \
    "$GEO287_BIN" lookup --points "$in" --threads "$THREADS" --out "$WORK/lookup_${n}.geo287.csv"
  cmp "$WORK/lookup_${n}.geo287-empty-cache.csv" "$WORK/lookup_${n}.geo287.csv" || { echo "MISMATCH $n: geo287 cold and warm differ" >&2; exit 1; }
  rm -f "$WORK/lookup_${n}.geo287-empty-cache.csv"
  (cd "$HERE" && "$PY" lookup_inputs.py table "$WORK/lookup_${n}.geo287.csv" "$WORK/agreements_${n}.csv")
  run_engine "$n" geopandas "$WORK/lookup_${n}.geopandas.csv" \
    "$PY" "$HERE/peer_lookup_geopandas.py" --points "$in" --agreements "$WORK/agreements_${n}.csv" --out "$WORK/lookup_${n}.geopandas.csv"
done
echo
"$PY" "$HERE/report_lookup.py" "$RESULTS"
