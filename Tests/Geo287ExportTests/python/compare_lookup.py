"""Compares `geo287 lookup --points` output (CSV) with the dask recipe's (Parquet) row for row.

Every column of the recipe is compared as text, except `place_geoid` and `place` where lookup
names a place the export does not hold: the recipe knows only the exported places (agreement
cities, excepted cities and their neighbours), so there its place must be empty or a neighbour.
Where lookup's place is exported, the two must be equal. Prints the rows compared and exits 1 on the first mismatches (up to 10 shown).

    python compare_lookup.py --lookup lookup.csv --dask joined/ --export DIR
"""
import argparse
import os
import sys

import pandas as pd

ap = argparse.ArgumentParser()
ap.add_argument("--lookup", required=True)
ap.add_argument("--dask", required=True)
ap.add_argument("--export", required=True)
a = ap.parse_args()
ours = pd.read_csv(a.lookup, dtype=str, keep_default_na=False).set_index("id")
theirs = pd.read_parquet(a.dask)
theirs["id"] = theirs["id"].astype(str)
theirs = theirs.set_index("id").astype(str)
places = pd.read_parquet(os.path.join(a.export, "places.parquet"), columns=["place_geoid", "role"])
exported = set(places.place_geoid)
neighbours = set(places.place_geoid[places.role == "neighbour"]) | {""}
if len(ours) != len(theirs) or not ours.index.sort_values().equals(theirs.index.sort_values()):
    print(f"row sets differ: lookup {len(ours)}, dask {len(theirs)}")
    sys.exit(1)
theirs = theirs.loc[ours.index]
bad = pd.Series(False, index=ours.index)
reasons = {}
for col in theirs.columns:
    if col in ("lat", "lon") or col not in ours.columns:
        continue
    if col in ("place_geoid", "place"):
        known = ours.place_geoid.isin(exported)
        diff = (known & (ours[col] != theirs[col])) | (~known & ~theirs.place_geoid.isin(neighbours))
    else:
        diff = ours[col] != theirs[col]
    if diff.any():
        reasons[col] = int(diff.sum())
    bad |= diff
print(f"{len(ours)} rows compared, {int(bad.sum())} differ")
print("checks:", ours.coordinate_check.value_counts().to_dict())
print("covered by an agreement:", int((ours.agreements != "0").sum()), "in an exported place:", int(ours.place_geoid.isin(exported).sum()))
if bad.any():
    print("columns that differ:", reasons)
    cols = [c for c in theirs.columns if c in ours.columns and c not in ("lat", "lon")]
    for i in ours.index[bad][:10]:
        print("lookup:", ours.loc[i, cols].to_dict())
        print("dask:  ", theirs.loc[i, cols].to_dict())
    sys.exit(1)
