"""geopandas: gpd.overlay(places, counties, how="intersection") in EPSG:5070 — the polygon workload.

Every 2019 place of every state against the 3,235 counties; share = piece area / place area;
every pair whose piece has area > 0 is written (no sliver filter), as `pip-join polygons` does.
Prints one line in pip-join's format (load = read + project; join = the overlay and the areas)."""
import argparse
import glob
import os
import sys
import time

import pandas as pd

from common import counties_path, data_root


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    import geopandas as gpd

    t0 = time.perf_counter()
    counties = gpd.read_file(counties_path(), engine="pyogrio", columns=["GEOID"])
    zips = sorted(glob.glob(os.path.join(data_root(), "census", "places", "tiger2019", "tl_2019_*_place.zip")))
    places = pd.concat([gpd.read_file(z, engine="pyogrio", columns=["GEOID"]) for z in zips], ignore_index=True)
    places = gpd.GeoDataFrame(places, geometry="geometry", crs=counties.crs)
    counties = counties.to_crs(5070).rename(columns={"GEOID": "county"})
    places = places.to_crs(5070).rename(columns={"GEOID": "place"})
    places = places[~places.geometry.is_empty & places.geometry.notna()]
    load = time.perf_counter() - t0

    times, result = [], None
    for _ in range(max(1, args.repeat)):
        t = time.perf_counter()
        area = pd.Series(places.geometry.area.to_numpy(), index=places["place"].to_numpy())
        pieces = gpd.overlay(places, counties, how="intersection", keep_geom_type=True)
        piece_area = pieces.geometry.area.to_numpy()
        result = pd.DataFrame({"place": pieces["place"].to_numpy(), "county": pieces["county"].to_numpy(),
                               "share": piece_area / area.loc[pieces["place"]].to_numpy()})
        result = result[piece_area > 0]
        times.append(time.perf_counter() - t)
    result = result.sort_values(["place", "county"], kind="stable")
    with open(args.out, "w") as f:
        f.write("place\tcounty\tshare\n")
        for p, c, s in zip(result["place"], result["county"], result["share"]):
            f.write(f"{p}\t{c}\t{s:.17g}\n")
    print(f"engine=geopandas-overlay threads=1 places={len(places)} pairs={len(result)} "
          f"load_s={load} build_s=0 join_s={','.join(f'{t:.4f}' for t in times)}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
