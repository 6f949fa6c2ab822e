"""Checks that geo287 and the geopandas pipeline wrote the same rows, and prints rows/s, peak RSS and
the ratio per size (run-lookup.sh). Exit 1, printing MISMATCH, if any row differs."""
import sys

import pandas as pd


def main(results):
    lines = [l.rstrip("\n").split("\t") for l in open(results) if l.strip()]
    by_size = {}
    for size, engine, out, rss_kb, wall, load in lines:
        by_size.setdefault(size, {})[engine] = (out, int(rss_kb), wall, load)
    status = 0
    print("| rows | engine | process wall s | rows/s | peak RSS MiB | load at start | geo287 speed-up | RSS vs geo287 |")
    print("|---|---|---|---|---|---|---|---|")
    for size in sorted(by_size, key=int):
        runs = by_size[size]
        # geo287's other runs (empty cache) were compared byte for byte by run-lookup.sh.
        frames = {e: pd.read_csv(r[0], dtype=str, keep_default_na=False) for e, r in runs.items()
                  if e == "geo287" or not e.startswith("geo287")}
        ref = frames.get("geo287")
        for e, f in frames.items():
            if e == "geo287":
                continue
            if list(f.columns) != list(ref.columns) or len(f) != len(ref):
                print(f"MISMATCH {size}: {e} has {len(f)} rows and columns {list(f.columns)}; geo287 {len(ref)} and {list(ref.columns)}")
                status = 1
                continue
            diff = (f != ref).any(axis=1)
            if diff.any():
                i = int(diff.idxmax())
                cols = [c for c in f.columns if f.at[i, c] != ref.at[i, c]]
                print(f"MISMATCH {size}: {int(diff.sum())} rows differ; first row {i + 2}, columns {cols}: "
                      f"{e} {[f.at[i, c] for c in cols]} geo287 {[ref.at[i, c] for c in cols]}")
                status = 1
            else:
                print(f"<!-- {size} rows: {e} and geo287 identical row for row ({len(f.columns)} columns) -->")

        def seconds(wall):
            parts = [float(p) for p in wall.split(":")]
            return sum(p * 60 ** (len(parts) - 1 - k) for k, p in enumerate(parts))
        g = seconds(runs["geo287"][2])
        for e, (out, rss, wall, load) in runs.items():
            s = seconds(wall)
            print(f"| {int(size):,} | {e} | {s:.2f} | {int(size) / s / 1e6:.2f} M | {rss / 1024:.0f} | {load} | "
                  f"{s / g:.1f}× | {rss / runs['geo287'][1]:.1f}× |")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
