"""Shared helpers for the peer scripts: inputs, timing, output (see run.sh)."""
import argparse
import os
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def data_root():
    env = os.environ.get("GEO287_DATA")
    return env if env else os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "data"))


def counties_path():
    return os.path.join(data_root(), "census", "counties", "cb_2024_us_county_5m.shp")


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--points", required=True, help="float64 x,y pairs (pip-join random/centroids)")
    p.add_argument("--out", required=True, help="int32 county index per point, -1 none")
    p.add_argument("--repeat", type=int, default=1)
    return p.parse_args()


def read_points(path):
    xy = np.fromfile(path, dtype="<f8").reshape(-1, 2)
    return np.ascontiguousarray(xy[:, 0]), np.ascontiguousarray(xy[:, 1])


def read_counties():
    import geopandas as gpd
    return gpd.read_file(counties_path(), engine="pyogrio")


def assignments(n, point_idx, poly_idx):
    """Lowest polygon index per point (geo287's border rule, with covers), -1 where none."""
    out = np.full(n, np.iinfo(np.int32).max, dtype=np.int64)
    np.minimum.at(out, np.asarray(point_idx, dtype=np.int64), np.asarray(poly_idx, dtype=np.int64))
    out[out == np.iinfo(np.int32).max] = -1
    return out.astype("<i4")


def run(engine, join, args):
    """join(xs, ys, counties) -> int32 array; prints one line in pip-join's format."""
    t0 = time.perf_counter()
    xs, ys = read_points(args.points)
    counties = read_counties()
    load = time.perf_counter() - t0
    times = []
    result = None
    for _ in range(max(1, args.repeat)):
        t = time.perf_counter()
        result = join(xs, ys, counties)
        times.append(time.perf_counter() - t)
    result.tofile(args.out)
    matched = int((result >= 0).sum())
    print(f"engine={engine} threads={os.environ.get('PEER_THREADS', '-')} points={len(xs)} matched={matched} "
          f"load_s={load} build_s=0 join_s={','.join(f'{t:.4f}' for t in times)}")
    sys.stdout.flush()
