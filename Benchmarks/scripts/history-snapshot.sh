#!/usr/bin/env bash
# Every output of `history` (each format, all models and one model) and of `batch --dir` (every
# file), and `diff` of sheet pairs, over the real sheets and the 500 synthetic ones, into OUT, so
# two binaries can be compared byte for byte (`diff -r OUT1 OUT2`). Derived cache off.
#   Benchmarks/scripts/history-snapshot.sh BIN OUT [DIRS...]
set -euo pipefail
BIN="$1"; OUT="$2"; shift 2
DATA="${GEO287_DATA:-/work/shared/data}"
DIRS=("$@"); [ ${#DIRS[@]} -gt 0 ] || DIRS=("$DATA/ice" /tmp/sheets500)
export GEO287_CACHE=off GEO287_TODAY=2026-12-01
mkdir -p "$OUT"
for dir in "${DIRS[@]}"; do
  tag="$(basename "$dir")"
  for fmt in table csv json svg; do
    "$BIN" history --data "$DATA" --dir "$dir" --quiet --format "$fmt" --out "$OUT/history-$tag.$fmt"
  done
  "$BIN" history --data "$DATA" --dir "$dir" --quiet --model task-force --format csv --out "$OUT/history-$tag-tf.csv"
  "$BIN" history --data "$DATA" --dir "$dir" --quiet --model jail-enforcement --format table --out "$OUT/history-$tag-jem.table"
  "$BIN" history --data "$DATA" --dir "$dir" --quiet --threads 1 --format csv --out "$OUT/history-$tag-t1.csv"
  rm -rf "$OUT/batch-$tag"
  "$BIN" batch --data "$DATA" --dir "$dir" --out "$OUT/batch-$tag" --quiet
  # diff of a few consecutive pairs (first two, last two)
  mapfile -t p < <(ls "$dir"/participating-*.xlsx | sort)
  n=${#p[@]}
  for pair in "0 1" "$((n-2)) $((n-1))"; do
    set -- $pair
    for fmt in table csv json; do
      "$BIN" diff --data "$DATA" "${p[$1]}" "${p[$2]}" --format "$fmt" > "$OUT/diff-$tag-$1-$2.$fmt"
    done
  done
done
