"""Reads run-polygons.sh's polygons.tsv: checks that every engine gives the same place × county
pairs with shares equal within 1e-9, prints the table. Exit 1 on any disagreement.
Rule: both engines write every pair whose piece has area > 0; a pair written by one engine only
is compared with share 0 there (so it must be a sliver below 1e-9 of the place's area)."""
import argparse
import datetime
import os
import platform
import statistics
import sys

from report import parse_args, read_results

TOLERANCE = 1e-9


def read_shares(path):
    out = {}
    with open(path) as f:
        next(f)
        for line in f:
            p, c, s = line.rstrip("\n").split("\t")
            out[(p, c)] = float(s)
    return out


def main():
    args = parse_args()
    rows = read_results(args.results)
    ref = rows[0]
    ref_shares = read_shares(ref["out"])
    ok = True
    for r in rows[1:]:
        shares = read_shares(r["out"])
        keys = set(ref_shares) | set(shares)
        worst = max(keys, key=lambda k: abs(ref_shares.get(k, 0.0) - shares.get(k, 0.0)))
        diff = abs(ref_shares.get(worst, 0.0) - shares.get(worst, 0.0))
        only = len(keys) - len(set(ref_shares) & set(shares))
        bad = sum(1 for k in keys if abs(ref_shares.get(k, 0.0) - shares.get(k, 0.0)) > TOLERANCE)
        print(f"{r['engine']} vs {ref['engine']}: {len(shares)} vs {len(ref_shares)} pairs, {only} in one only, "
              f"max |share difference| {diff:.3g} (at {worst}), {bad} over {TOLERANCE:g}")
        if bad:
            print(f"MISMATCH polygons: {r['engine']} differs from {ref['engine']} on {bad} pairs", file=sys.stderr)
            ok = False
    print()
    print(f"# place × county area shares (EPSG:5070): {datetime.date.today()}, {platform.machine()}, "
          f"{os.cpu_count()} cores, geo287 {args.threads} threads, load {os.getloadavg()[0]:.1f}")
    print()
    print("| engine | places | pairs | overlay median s (min–max) | read s (geopandas: + to_crs) | process wall s | peak RSS MiB "
          "| geo287 speed-up: overlay (process wall) |")
    print("|---|---|---|---|---|---|---|---|")
    g = rows[0]
    for r in rows:
        med = statistics.median(r["join"])
        speed = f"{med / statistics.median(g['join']):.1f}× ({r['wall'] / g['wall']:.1f}×)"
        print(f"| {r['engine']} | {r['places']} | {r['pairs']} | {med:.2f} ({min(r['join']):.2f}–{max(r['join']):.2f}) "
              f"| {float(r['load_s']):.2f} | {r['wall']:.1f} | {r['rss']:.0f} | {speed} |")
    print()
    if ok:
        print(f"Same pairs, shares equal within {TOLERANCE:g}.")
        return 0
    print("FAIL: engines disagree (see MISMATCH lines).", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
