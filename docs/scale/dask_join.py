"""The bulk join of `geo287 lookup --points`, on a dask.distributed cluster with dask-geopandas.

Reads the layers `geo287 export periods` wrote (GeoParquet) and a points dataset (Parquet, one
or many files, with `lat` and `lon` columns in WGS 84 degrees), and writes, per point, the
columns `lookup --points` appends, with the same rules:

- county: the county polygon covering the point; on a shared border, the lowest GEOID;
- place: the place polygon (of the exported places: the agreement cities and the cities an
  agreement excepts) covering the point, in the county's state; on a border, the lowest GEOID;
- an agreement in force on the date (default: the newest sheet, the open-ended periods) covers
  the point when its reach is `whole-counties` and the point's county is one of its counties
  (a state agreement: any county of its state) and the point is not in one of its excepted
  places, or its reach is `place` and the point is in that place; `unmapped-town` agreements of
  the county are listed apart; agreements whose counting rule is off never cover;
- agencies are listed per model in lookup's order (level, agency, sheet row), each name once;
- a point in no county is `outside-us`, `out-of-range` (|lat| > 90 or |lon| > 180), or
  `swapped` when latitude and longitude exchanged fall in a county.

    python dask_join.py --export outputs/export --points points/ --out joined/ [--scheduler tcp://host:8786]

Without --scheduler it starts a LocalCluster on this machine; with it, the same code runs on
the cluster behind that address (every worker must see --export and --points paths, e.g. on
shared or object storage).
"""
import argparse
import os
import time

import dask
import dask.dataframe as dd
import dask_geopandas  # noqa: F401  (registers the dask-geopandas accessors)
import geopandas as gpd
import numpy as np
import pandas as pd
from dask.distributed import Client, LocalCluster

MODELS = ["jail-enforcement", "warrant-service", "task-force"]
ABBREVIATIONS = {"jail-enforcement": "jem", "warrant-service": "wso", "task-force": "tfm"}
LEVELS = ["state", "county", "municipal", "other"]
OUTPUT = (["state", "county_fips", "county", "place_geoid", "place", "agreements"]
          + [f"{a}_{k}" for a in ABBREVIATIONS.values() for k in ("count", "agencies")]
          + ["unmapped_count", "unmapped_agencies", "coordinate_check"])


def in_force(periods, as_of):
    """Periods in force on a date: the sheet then newest lists them (open-ended: on the newest sheet)."""
    if as_of is None:
        return periods[periods.open_ended]
    d = pd.Timestamp(as_of).date()
    absent = periods.absent_from
    return periods[(periods.valid_from <= d) & (absent.isna() | (absent.map(lambda a: a is None or pd.isna(a) or d < a)))]


def load_layers(export, as_of=None):
    """The small layers every worker needs (counties, places, agreement tables): a few MB."""
    counties = gpd.read_parquet(os.path.join(export, "counties.parquet"))
    places = gpd.read_parquet(os.path.join(export, "places.parquet"))
    periods = in_force(gpd.read_parquet(os.path.join(export, "jurisdiction_periods.parquet")), as_of)
    periods = pd.DataFrame(periods.drop(columns="geometry"))
    periods["model_rank"] = periods.model.map(lambda m: MODELS.index(m) if m in MODELS else 3)
    periods["level_rank"] = periods.level.map(lambda v: LEVELS.index(v) if v in LEVELS else 4)
    by_county = []
    for _, p in periods[periods.reach.isin(["whole-counties", "unmapped-town"])].iterrows():
        if p.level == "state" and p.reach == "whole-counties":
            ids = counties.county_geoid[counties.state_fips == p.jurisdiction_geoid].tolist()
        else:
            ids = [c for c in p.county_geoids.split(";") if c]
        by_county += [(c, p.name) for c in ids]
    county_rows = pd.DataFrame(by_county, columns=["county_geoid", "period"])
    place_rows = periods[periods.reach == "place"][["place_geoid"]].rename_axis("period").reset_index()
    return {
        "counties": counties[["county_geoid", "county", "state", "state_fips", "geometry"]],
        "places": places[["place_geoid", "place", "state_fips", "geometry"]],
        "periods": periods, "by_county": county_rows, "by_place": place_rows,
    }


def lowest(points, layer, key):
    """Per point (index), the lowest `key` among the polygons of `layer` covering it (the border rule)."""
    hits = gpd.sjoin(points[["geometry"]], layer, how="inner", predicate="intersects")
    hits = hits[[key]].rename_axis("pt").reset_index().sort_values(["pt", key])
    return hits.drop_duplicates("pt").set_index("pt")[key]


def join_partition(df, layers):
    """One partition of points (a pandas DataFrame with lat, lon): lookup's columns appended."""
    lat, lon = df["lat"].to_numpy(dtype=float), df["lon"].to_numpy(dtype=float)
    pts = gpd.GeoDataFrame(index=pd.RangeIndex(len(df)), geometry=gpd.points_from_xy(lon, lat), crs="OGC:CRS84")
    counties = layers["counties"]
    county = lowest(pts, counties[["county_geoid", "geometry"]], "county_geoid").reindex(pts.index)
    info = counties.drop(columns="geometry").set_index("county_geoid")
    state_fips = county.map(info.state_fips)
    out = pd.DataFrame(index=pts.index)
    out["state"] = county.map(info.state).fillna("")
    out["county_fips"] = county.fillna("")
    out["county"] = county.map(info.county).fillna("")
    inside = county.notna().to_numpy()
    # Places, only for points in a county, in the county's state.
    ph = gpd.sjoin(pts[inside][["geometry"]], layers["places"][["place_geoid", "state_fips", "geometry"]], how="inner", predicate="intersects")
    ph = ph[ph.state_fips.to_numpy() == state_fips.reindex(ph.index).to_numpy()]
    ph = ph[["place_geoid"]].rename_axis("pt").reset_index().sort_values(["pt", "place_geoid"]).drop_duplicates("pt")
    place = ph.set_index("pt").place_geoid.reindex(pts.index)
    pinfo = layers["places"].drop(columns="geometry").set_index("place_geoid")
    out["place_geoid"] = place.fillna("")
    out["place"] = place.map(pinfo.place).fillna("")
    # Agreements, once per distinct location (county, place): by county (whole counties, towns
    # without a boundary) and by place.
    loc = pd.DataFrame({"county_geoid": county[inside].to_numpy(), "place": place[inside].to_numpy(),
                        "state_fips": state_fips[inside].to_numpy()})
    key = loc.county_geoid + "|" + loc.place.fillna("")
    loc["pt"] = key.to_numpy()
    loc = loc.drop_duplicates("pt")
    answers = agreements(loc, layers).reindex(key.to_numpy())
    for col in answers.columns:
        full = pd.Series(answers[col].to_numpy(), index=pts.index[inside]).reindex(pts.index)
        out[col] = full.fillna(0).astype(int) if col.endswith("count") or col == "agreements" else full.fillna("")
    # Coordinate check for points in no county.
    check = np.where(inside, "ok", np.where((np.abs(lat) > 90) | (np.abs(lon) > 180), "out-of-range", "outside-us")).astype(object)
    retry = ~inside & (np.abs(lon) <= 90) & (np.abs(lat) <= 180)
    if retry.any():
        swapped = gpd.GeoDataFrame(index=np.flatnonzero(retry), geometry=gpd.points_from_xy(lat[retry], lon[retry]), crs="OGC:CRS84")
        found = lowest(swapped, counties[["county_geoid", "geometry"]], "county_geoid")
        check[found.index.to_numpy()] = "swapped"
    out["coordinate_check"] = check
    out.index = df.index
    return pd.concat([df, out[OUTPUT]], axis=1)


def agreements(loc, layers):
    """Per distinct location (`pt`: its key; county_geoid, place, state_fips), the agreement columns."""
    periods = layers["periods"]
    a = loc.merge(layers["by_county"], on="county_geoid").join(periods, on="period", rsuffix="_p")
    a = a[a.state_fips == a.state_fips_p]
    excepted = [isinstance(pl, str) and pl in ex.split(";") for pl, ex in zip(a.place, a.except_place_geoids)]
    a = a[(a.reach == "unmapped-town").to_numpy() | ~np.array(excepted, dtype=bool)]
    b = loc.dropna(subset=["place"]).merge(layers["by_place"], left_on="place", right_on="place_geoid")
    b = b.join(periods, on="period", rsuffix="_p")
    b = b[b.state_fips == b.state_fips_p]
    cols = ["pt", "reach", "model", "model_rank", "level_rank", "agency", "sheet_row"]
    hits = pd.concat([a[cols], b[cols]]).sort_values(["pt", "model_rank", "level_rank", "agency", "sheet_row"], kind="stable")
    covers = hits[hits.reach != "unmapped-town"]
    out = pd.DataFrame(index=pd.Index(loc.pt, name="pt"))
    out["agreements"] = covers.groupby("pt").size().reindex(out.index, fill_value=0)

    def names(group):
        return group.groupby("pt").agency.agg(lambda s: "; ".join(dict.fromkeys(s)))

    for model, abbr in ABBREVIATIONS.items():
        g = covers[covers.model == model]
        out[f"{abbr}_count"] = g.groupby("pt").size().reindex(out.index, fill_value=0)
        out[f"{abbr}_agencies"] = names(g).reindex(out.index).fillna("")
    u = hits[hits.reach == "unmapped-town"]
    out["unmapped_count"] = u.groupby("pt").size().reindex(out.index, fill_value=0)
    out["unmapped_agencies"] = names(u).reindex(out.index).fillna("")
    return out


def run(export, points, out, scheduler=None, workers=2, as_of=None):
    cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0")
    client = Client(scheduler or cluster)
    try:
        start = time.time()
        # The layers are loaded once, by one worker, and sent to the others (a few MB).
        layers = dask.delayed(load_layers)(export, as_of)
        ddf = dd.read_parquet(points)
        meta = join_partition(ddf._meta, load_layers(export, as_of)).iloc[:0]
        result = ddf.map_partitions(join_partition, layers, meta=meta)
        result.to_parquet(out, write_index=False, overwrite=True)
        return time.time() - start
    finally:
        client.close()
        if cluster:
            cluster.close()


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--export", required=True, help="folder written by `geo287 export periods`")
    ap.add_argument("--points", required=True, help="Parquet file or folder of points (lat, lon)")
    ap.add_argument("--out", required=True, help="output Parquet folder")
    ap.add_argument("--scheduler", help="address of a dask scheduler (default: a LocalCluster here)")
    ap.add_argument("--workers", type=int, default=2, help="LocalCluster workers (default 2)")
    ap.add_argument("--as-of", help="date (YYYY-MM-DD): agreements in force then (default: the newest sheet)")
    a = ap.parse_args()
    seconds = run(a.export, a.points, a.out, a.scheduler, a.workers, a.as_of)
    print(f"joined in {seconds:.2f} s")
