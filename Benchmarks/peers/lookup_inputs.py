"""Inputs of the bulk-lookup comparison (run-lookup.sh).

  lookup_inputs.py points N OUT.csv      # id,lat,lon: N uniform points in the lower-48 box (-125..-66, 24..50), seed 287
  lookup_inputs.py table GEO287.csv OUT  # the agreement columns per (county_fips, place_geoid) of a geo287 output
"""
import sys

import numpy as np
import pandas as pd

from peer_lookup_geopandas import AGREEMENT_COLUMNS


def points(n, out):
    rng = np.random.default_rng(287)
    step = 1_000_000
    with open(out, "w") as f:
        f.write("id,lat,lon\n")
        for start in range(0, n, step):
            k = min(step, n - start)
            frame = pd.DataFrame({"id": np.arange(start + 1, start + k + 1),
                                  "lat": rng.uniform(24, 50, k), "lon": rng.uniform(-125, -66, k)})
            frame.to_csv(f, header=False, index=False, float_format="%.6f")


def table(geo287_csv, out):
    keys = ["county_fips", "place_geoid"]
    frame = pd.read_csv(geo287_csv, dtype=str, keep_default_na=False, usecols=keys + AGREEMENT_COLUMNS)
    frame.drop_duplicates(keys).to_csv(out, index=False)


if __name__ == "__main__":
    if sys.argv[1] == "points":
        points(int(sys.argv[2]), sys.argv[3])
    else:
        table(sys.argv[2], sys.argv[3])
