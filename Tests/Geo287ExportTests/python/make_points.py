"""A seeded sample of points for the dask recipe test: the same rows as CSV (for
`geo287 lookup --points`) and as a partitioned Parquet dataset (for dask).

Mix (of N rows): uniform over the lower 48's box (a quarter fall outside every county: sea,
Canada, Mexico), around the exported places (inside and just outside city limits), Alaska,
Hawaii and Puerto Rico, exact county vertices (points on a shared border: the lowest GEOID
wins), rows with latitude and longitude swapped, and rows out of range.

    python make_points.py --export DIR --rows 1000000 --csv points.csv --parquet points/ [--partitions 8]
"""
import argparse
import os

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

ap = argparse.ArgumentParser()
ap.add_argument("--export", required=True)
ap.add_argument("--rows", type=int, default=1_000_000)
ap.add_argument("--csv", required=True)
ap.add_argument("--parquet", required=True)
ap.add_argument("--partitions", type=int, default=8)
ap.add_argument("--seed", type=int, default=20)
a = ap.parse_args()
rng = np.random.default_rng(a.seed)
n = a.rows
counties = gpd.read_parquet(os.path.join(a.export, "counties.parquet"))
places = gpd.read_parquet(os.path.join(a.export, "places.parquet"))

parts = []
def box(k, x0, x1, y0, y1):
    parts.append(np.column_stack([rng.uniform(y0, y1, k), rng.uniform(x0, x1, k)]))

vertices = min(n // 100, 10_000)
swapped = n // 200
out_of_range = n // 1000
rest = n - vertices - swapped - out_of_range
box(int(rest * 0.55), -125, -66, 24, 50)
box(int(rest * 0.03), -170, -130, 51, 71)
box(int(rest * 0.01), -161, -154, 18.8, 22.3)
box(int(rest * 0.01), -67.3, -65.2, 17.8, 18.6)
k = rest - sum(len(p) for p in parts)
b = places.geometry.bounds.to_numpy()
pick = rng.integers(0, len(b), k)
w = (b[pick, 2] - b[pick, 0]) * 0.1
h = (b[pick, 3] - b[pick, 1]) * 0.1
parts.append(np.column_stack([rng.uniform(b[pick, 1] - h, b[pick, 3] + h), rng.uniform(b[pick, 0] - w, b[pick, 2] + w)]))
coords = shapely.get_coordinates(counties.geometry.boundary.to_numpy())
v = coords[rng.integers(0, len(coords), vertices)]
parts.append(np.column_stack([v[:, 1], v[:, 0]]))
good = np.concatenate(parts)
s = good[rng.integers(0, len(good), swapped)]
parts.append(s[:, ::-1])
parts.append(np.column_stack([rng.uniform(90.5, 150, out_of_range), rng.uniform(-200, 200, out_of_range)]))
latlon = np.concatenate(parts)[:n]
latlon = latlon[rng.permutation(len(latlon))]
df = pd.DataFrame({"id": np.arange(1, len(latlon) + 1), "lat": latlon[:, 0], "lon": latlon[:, 1]})
with open(a.csv, "w") as f:
    f.write("id,lat,lon\n")
    f.writelines(f"{i},{la!r},{lo!r}\n" for i, la, lo in zip(df.id.tolist(), df.lat.tolist(), df.lon.tolist()))
os.makedirs(a.parquet, exist_ok=True)
for i, chunk in enumerate(np.array_split(np.arange(len(df)), a.partitions)):
    df.iloc[chunk].to_parquet(os.path.join(a.parquet, f"part-{i:04d}.parquet"), index=False)
print(f"{len(df)} points, {vertices} on county vertices, {swapped} swapped, {out_of_range} out of range")
