#!/usr/bin/env bash
# geo287's point-in-polygon join against geopandas, shapely 2 and DuckDB spatial, same inputs,
# same session. Builds the inputs once, runs every engine as its own process under
# /usr/bin/time -v (peak RSS), checks that all engines assigned every point identically
# (exit 1 otherwise) and prints the ratio table.
#   Benchmarks/peers/run.sh                 # all workloads
#   SIZES="100000 1000000" REPEAT=3 Benchmarks/peers/run.sh
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BENCH="$(dirname "$HERE")"
WORK="$HERE/work"
VENV="$HERE/.venv"
SIZES="${SIZES:-100000 1000000 5000000}"
REPEAT="${REPEAT:-3}"
THREADS="${THREADS:-2}"
SEED="${SEED:-287}"
export GEO287_DATA="${GEO287_DATA:-$(cd "$BENCH/../.." && pwd)/shared/data}"
mkdir -p "$WORK"

echo "== building pip-join (release)"
swift build -c release --package-path "$BENCH" --product pip-join 2>&1 | grep -E "error|warning: |Compiling|Build" | grep -v zipfoundation || true
PIP_JOIN="$(swift build -c release --package-path "$BENCH" --show-bin-path)/pip-join"
[ -x "$PIP_JOIN" ] || { echo "run.sh: pip-join did not build" >&2; exit 1; }

if [ ! -x "$VENV/bin/python" ]; then
  echo "== creating $VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q -r "$HERE/requirements.txt"
fi
PY="$VENV/bin/python"

echo "== inputs (seed $SEED) in $WORK"
WORKLOADS=()
for n in $SIZES; do
  f="$WORK/random_${n}.bin"
  [ -s "$f" ] || "$PIP_JOIN" random --count "$n" --seed "$SEED" --out "$f"
  WORKLOADS+=("random_${n}")
done
[ -s "$WORK/tracts.bin" ] || "$PIP_JOIN" centroids --out "$WORK/tracts.bin"
WORKLOADS+=("tracts")

RESULTS="$WORK/results.tsv"
: > "$RESULTS"
run_engine() {  # workload engine command...
  local w="$1" e="$2"; shift 2
  local out="$WORK/${w}.${e}.i32" tlog="$WORK/${w}.${e}.time"
  echo "-- $w $e"
  local line
  line="$(/usr/bin/time -v -o "$tlog" "$@" --points "$WORK/${w}.bin" --out "$out" --repeat "$REPEAT")"
  echo "   $line"
  local rss wall
  rss="$(awk -F: '/Maximum resident set size/ {gsub(/ /,"",$2); print $2}' "$tlog")"
  wall="$(awk '/Elapsed \(wall clock\)/ {print $NF}' "$tlog")"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$w" "$e" "$out" "$rss" "$wall" "$line" >> "$RESULTS"
}

for w in "${WORKLOADS[@]}"; do
  run_engine "$w" geo287-grid "$PIP_JOIN" join --engine grid --threads "$THREADS"
  if [ "$w" != "random_5000000" ]; then
    run_engine "$w" geo287-geos "$PIP_JOIN" join --engine geos --threads "$THREADS"
  fi
  run_engine "$w" geopandas "$PY" "$HERE/peer_geopandas.py"
  run_engine "$w" shapely "$PY" "$HERE/peer_shapely.py"
  run_engine "$w" duckdb "$PY" "$HERE/peer_duckdb.py"
done

echo
status=0
"$PY" "$HERE/report.py" "$RESULTS" --threads "$THREADS" || status=1
# The polygon workload (place × county area shares vs geopandas overlay); POLYGONS=0 skips it.
if [ "${POLYGONS:-1}" != 0 ]; then
  echo
  REPEAT="$REPEAT" THREADS="$THREADS" "$HERE/run-polygons.sh" || status=1
fi
exit "$status"
