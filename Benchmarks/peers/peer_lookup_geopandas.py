"""geopandas: the `geo287 lookup --points` pipeline, same spatial work, same answer columns.

Reads the CSV (pandas), joins every point to the counties (`sjoin`, predicate `covered_by`) and
to the place polygons of its county's state (`sjoin` against every state's 2019 place file the
data root holds, the same files geo287 reads), keeps the lowest GEOID where several polygons
cover a point (geo287's border rule), computes `coordinate_check` (a point in no county is
located again with latitude and longitude swapped), merges the agreement columns by
(county, place) from `--agreements` and writes the CSV. The agreement columns are a table
lookup: which agreements reach a county or a place is geo287's matching of ICE's agency names,
which has no peer; run-lookup.sh takes that table from geo287's own output, one row per
(county, place) key, so what is compared is the spatial answer and the row-for-row output.
"""
import argparse
import glob
import os
import sys
import time

import geopandas as gpd
import numpy as np
import pandas as pd

from common import counties_path, data_root

AGREEMENT_COLUMNS = ["agreements", "jem_count", "jem_agencies", "wso_count", "wso_agencies",
                     "tfm_count", "tfm_agencies", "unmapped_count", "unmapped_agencies"]


def place_files():
    """Per state, geo287's choice: the full TIGER/Line zip, else the compact layer."""
    root = data_root()
    full = sorted(glob.glob(os.path.join(root, "census/places/tiger2019/tl_2019_*_place.zip")))
    compact = sorted(glob.glob(os.path.join(root, "census/places/compact2019/tl_2019_*_place_compact.zip")))
    chosen = {os.path.basename(p)[8:10]: p for p in compact}
    chosen.update({os.path.basename(p)[8:10]: p for p in full})
    return [chosen[k] for k in sorted(chosen)]


def lowest(points_index, geoids):
    """Per point, the lowest GEOID among the polygons covering it."""
    frame = pd.DataFrame({"point": points_index, "geoid": geoids})
    return frame.groupby("point")["geoid"].min()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--points", required=True)
    p.add_argument("--agreements", required=True, help="county_fips,place_geoid + agreement columns")
    p.add_argument("--out", required=True)
    args = p.parse_args()
    t0 = time.perf_counter()
    rows = pd.read_csv(args.points, dtype=str, keep_default_na=False)
    lat = pd.to_numeric(rows["lat"], errors="coerce").to_numpy()
    lon = pd.to_numeric(rows["lon"], errors="coerce").to_numpy()
    counties = gpd.read_file(counties_path(), engine="pyogrio", columns=["GEOID", "STUSPS", "NAMELSAD"])
    places = pd.concat([gpd.read_file(f"zip://{f}", engine="pyogrio", columns=["GEOID", "STATEFP", "NAMELSAD"])
                        for f in place_files()], ignore_index=True)
    places = gpd.GeoDataFrame(places[~places.geometry.is_empty & places.geometry.notna()], crs=places.crs)
    t_read = time.perf_counter() - t0

    in_range = (np.abs(lat) <= 90) & (np.abs(lon) <= 180)
    pts = gpd.GeoDataFrame(geometry=gpd.points_from_xy(np.where(in_range, lon, -20), np.where(in_range, lat, -50)), crs=counties.crs)
    hits = gpd.sjoin(pts, counties[["GEOID", "geometry"]], how="inner", predicate="covered_by")
    county = lowest(hits.index.to_numpy(), hits["GEOID"].to_numpy()).reindex(range(len(rows)))
    located = county.notna().to_numpy()
    # Places of the county's state only (geo287 looks in that state's file).
    inside = pts[located]
    phits = gpd.sjoin(inside, places[["GEOID", "STATEFP", "geometry"]], how="inner", predicate="covered_by")
    phits = phits[phits["STATEFP"].to_numpy() == county.reindex(phits.index).str[:2].to_numpy()]
    place = lowest(phits.index.to_numpy(), phits["GEOID"].to_numpy()).reindex(range(len(rows)))
    # coordinate_check: in no county as given, try latitude and longitude swapped.
    given_lon = lon.copy()
    given_lat = lat.copy()
    retry = (~located) & (np.abs(given_lon) <= 90) & (np.abs(given_lat) <= 180)
    swapped = np.zeros(len(rows), dtype=bool)
    if retry.any():
        idx = np.flatnonzero(retry)
        sp = gpd.GeoDataFrame(geometry=gpd.points_from_xy(given_lat[idx], given_lon[idx]), crs=counties.crs, index=idx)
        shits = gpd.sjoin(sp, counties[["GEOID", "geometry"]], how="inner", predicate="covered_by")
        swapped[np.unique(shits.index.to_numpy())] = True
    check = np.where(located, "ok", np.where(swapped, "swapped", np.where(in_range, "outside-us", "out-of-range")))
    t_join = time.perf_counter() - t0 - t_read

    cinfo = counties.set_index("GEOID")
    pinfo = places.drop_duplicates("GEOID").set_index("GEOID")
    out = rows
    cf = county.fillna("").to_numpy()
    pg = np.where(located, place.fillna("").to_numpy(), "")
    out["state"] = pd.Series(cf).map(cinfo["STUSPS"]).fillna("").to_numpy()
    out["county_fips"] = cf
    out["county"] = pd.Series(cf).map(cinfo["NAMELSAD"]).fillna("").to_numpy()
    out["place_geoid"] = pg
    out["place"] = pd.Series(pg).map(pinfo["NAMELSAD"]).fillna("").to_numpy()
    table = pd.read_csv(args.agreements, dtype=str, keep_default_na=False)
    merged = out[["county_fips", "place_geoid"]].merge(table, how="left", on=["county_fips", "place_geoid"])
    for c in AGREEMENT_COLUMNS:
        out[c] = merged[c].fillna("").to_numpy()
    out["coordinate_check"] = check
    out.to_csv(args.out, index=False)
    total = time.perf_counter() - t0
    print(f"engine=geopandas rows={len(rows)} located={int(located.sum())} read_s={t_read:.3f} join_s={t_join:.3f} total_s={total:.3f}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
