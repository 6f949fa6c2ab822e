#!/usr/bin/env bash
# Saves the answers of the single-answer commands (stdout, stderr, exit code) of one geo287
# binary into a folder, for the embedded root (run from the checkout) and for a full data root,
# so two binaries (or one with the derived cache empty, warm and off) compare with `diff -r`.
# Usage: answers-snapshot.sh BINARY OUTDIR [FULL_DATA_ROOT]   (run from the repository root)
# With EMPTY_CACHE=1 the folder $GEO287_CACHE is removed before every command (each run cold).
set -u
bin=$1; out=$2; full=${3:-/work/shared/data}
export GEO287_TODAY=2026-12-01
mkdir -p "$out"
n=0
run() {   # run NAME ARGS...
  local name=$1; shift
  if [ "${EMPTY_CACHE:-}" = 1 ]; then rm -rf "${GEO287_CACHE:?}"; fi
  "$bin" "$@" >"$out/$name.out" 2>"$out/$name.err"; echo $? >"$out/$name.rc"
}
for root in embedded full; do
  if [ $root = embedded ]; then d=(); else d=(--data "$full"); fi
  for model in task-force all jail-enforcement; do
    run "$root-coverage-$model-table" coverage --model $model "${d[@]}"
    run "$root-coverage-$model-csv" coverage --model $model --format csv "${d[@]}"
    run "$root-coverage-$model-json" coverage --model $model --format json "${d[@]}"
  done
  run "$root-coverage-default" coverage "${d[@]}"
  run "$root-coverage-pending-json" coverage --model all --include-pending --format json "${d[@]}"
  run "$root-coverage-fl-csv" coverage --model all --state FL --format csv "${d[@]}"
  run "$root-coverage-explain" coverage --explain "${d[@]}"
  run "$root-coverage-exclude-statewide" coverage --exclude-statewide --format json "${d[@]}"
  run "$root-coverage-asof" coverage --as-of 2025-06-01 --format csv "${d[@]}"
  run "$root-coverage-rule" coverage --rule prosecutors=off --format json "${d[@]}"
  for f in table csv json; do run "$root-match-$f" match --format $f "${d[@]}"; done
  run "$root-match-report" match --report "${d[@]}"
  run "$root-match-geojson" match --format geojson "${d[@]}"
  run "$root-coverage-compare" coverage --compare "${d[@]}"
  run "$root-match-asof-csv" match --as-of 2025-06-01 --format csv "${d[@]}"
  run "$root-summary" summary "${d[@]}"
  run "$root-summary-json" summary --format json "${d[@]}"
  i=0
  for place in "Tampa, FL" "Nashville, TN" "Honolulu, HI" "Hartford, CT" "Naples, FL" "Houston, TX" \
               "Stowe Township, PA" "Pittsburg, NH" "Los Angeles, CA" "Miami, FL" "Hillsboro County, FL" "Phoenix, AZ"; do
    i=$((i + 1))
    run "$root-place-$i-text" lookup --place "$place" "${d[@]}"
    run "$root-place-$i-json" lookup --place "$place" --format json "${d[@]}"
  done
  i=0
  for county in "Collier County, FL" "Harris County, TX" "Cook County, IL" "Maricopa County, AZ" "Suffolk County, MA" "Orange County, CA"; do
    i=$((i + 1))
    run "$root-county-$i-text" lookup --county "$county" "${d[@]}"
    run "$root-county-$i-json" lookup --county "$county" --format json "${d[@]}"
  done
  i=0
  for point in 27.9506,-82.4572 26.1,-81.6 29.76,-95.37 41.88,-87.63 33.45,-112.07 40.71,-74.0; do
    i=$((i + 1))
    run "$root-point-$i-text" lookup --point $point "${d[@]}"
    run "$root-point-$i-json" lookup --point $point --format json "${d[@]}"
  done
done
