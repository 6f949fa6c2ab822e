"""Reads run.sh's results.tsv: checks that all engines agree on every point, prints the table.
Exit status 1 if any engine assigned any point differently."""
import argparse
import datetime
import os
import platform
import statistics
import sys

import numpy as np


def parse_line(line):
    fields = dict(kv.split("=", 1) for kv in line.split() if "=" in kv)
    fields["join"] = [float(t) for t in fields["join_s"].split(",")]
    fields["build"] = float(fields.get("build_s", 0))
    fields.pop("engine", None)
    fields.pop("threads", None)
    return fields


def wall_seconds(text):
    parts = [float(p) for p in text.split(":")]
    s = 0.0
    for p in parts:
        s = s * 60 + p
    return s


def read_results(path):
    """The runner's TSV (workload, engine, output file, peak RSS KiB, wall, summary line) as dicts."""
    rows = []
    with open(path) as f:
        for raw in f:
            w, engine, out, rss, wall, line = raw.rstrip("\n").split("\t")
            rows.append(dict(workload=w, engine=engine, out=out, rss=int(rss) / 1024.0,
                             wall=wall_seconds(wall), **parse_line(line)))
    return rows


def parse_args():
    ap = argparse.ArgumentParser()
    ap.add_argument("results")
    ap.add_argument("--threads", default="2")
    return ap.parse_args()


def main():
    args = parse_args()
    rows = read_results(args.results)
    ok = True
    print(f"# point-in-polygon vs counties (3,235, cb_2024_us_county_5m): {datetime.date.today()}, "
          f"{platform.machine()}, {os.cpu_count()} cores, geo287 {args.threads} threads")
    print()
    print("| workload | engine | join median s (min–max) | M points/s | index build s | process wall s "
          "| peak RSS MiB | geo287-grid speed-up: join (join+build) | RSS vs geo287-grid |")
    print("|---|---|---|---|---|---|---|---|---|")
    for w in dict.fromkeys(r["workload"] for r in rows):
        group = [r for r in rows if r["workload"] == w]
        ref = next((r for r in group if r["engine"] == "geo287-geos"), group[0])
        ref_a = np.fromfile(ref["out"], dtype="<i4")
        grid = next((r for r in group if r["engine"] == "geo287-grid"), None)
        for r in group:
            a = np.fromfile(r["out"], dtype="<i4")
            if a.shape != ref_a.shape or not np.array_equal(a, ref_a):
                diff = np.flatnonzero(a != ref_a) if a.shape == ref_a.shape else []
                print(f"MISMATCH {w}: {r['engine']} differs from {ref['engine']} on {len(diff)} points "
                      f"(first: {list(diff[:5])})", file=sys.stderr)
                ok = False
            med = statistics.median(r["join"])
            n = int(r["points"])
            g = statistics.median(grid["join"]) if grid else 0
            speed = (f"{med / g:.1f}× ({(med + r['build']) / (g + grid['build']):.1f}×)" if grid else "–")
            rss_ratio = f"{r['rss'] / grid['rss']:.1f}×" if grid else "–"
            print(f"| {w} | {r['engine']} | {med:.3f} ({min(r['join']):.3f}–{max(r['join']):.3f}) "
                  f"| {n / med / 1e6:.2f} | {r['build']:.2f} | {r['wall']:.2f} | {r['rss']:.0f} | {speed} | {rss_ratio} |")
    print()
    if ok:
        print("All engines assigned every point identically (matched counts above are the same).")
        return 0
    print("FAIL: engines disagree (see MISMATCH lines).", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
