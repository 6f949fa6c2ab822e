#!/usr/bin/env bash
# The polygon workload, geo287 against geopandas `overlay`, same inputs, same session: every 2019
# place of every state × the 3,235 counties, share of each place's area (EPSG:5070) per county,
# every pair with piece area > 0 (no sliver filter in either engine). Runs each engine as its own
# process under /usr/bin/time -v, then report_polygons.py checks that both give the same pairs
# with shares equal within 1e-9 (exit 1 otherwise) and prints the ratio table.
#   Benchmarks/peers/run-polygons.sh            # REPEAT=3 THREADS=2
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BENCH="$(dirname "$HERE")"
WORK="$HERE/work"
REPEAT="${REPEAT:-3}"
THREADS="${THREADS:-2}"
export GEO287_DATA="${GEO287_DATA:-$(cd "$BENCH/../.." && pwd)/shared/data}"
mkdir -p "$WORK"

source "$HERE/runner.sh"
PIP_JOIN="$(peer_binary "$BENCH" pip-join)" && [ -x "$PIP_JOIN" ] || exit 1
PY="$(peer_python)"

RESULTS="$WORK/polygons.tsv"
: > "$RESULTS"
run_engine() {  # engine command...
  local e="$1"; shift
  local out="$WORK/polygons.${e}.tsv" tlog="$WORK/polygons.${e}.time"
  echo "-- polygons $e (load: $(cut -d' ' -f1-3 /proc/loadavg))"
  local line
  line="$(/usr/bin/time -v -o "$tlog" "$@" --out "$out" --repeat "$REPEAT" 2> >(grep -v -i warning >&2))"
  echo "   $line"
  local rss wall
  rss="$(awk -F: '/Maximum resident set size/ {gsub(/ /,"",$2); print $2}' "$tlog")"
  wall="$(awk '/Elapsed \(wall clock\)/ {print $NF}' "$tlog")"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' polygons "$e" "$out" "$rss" "$wall" "$line" >> "$RESULTS"
}
run_engine geo287 "$PIP_JOIN" polygons --threads "$THREADS"
run_engine geopandas "$PY" "$HERE/peer_overlay.py"
echo
"$PY" "$HERE/report_polygons.py" "$RESULTS" --threads "$THREADS"
