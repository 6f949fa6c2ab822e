"""Reads the folder `geo287 export periods --format both` wrote with independent readers and
prints one JSON object of what they see (the Swift test asserts on it):

- pyarrow: row counts, row groups, schema, the `geo` key;
- geopandas: CRS, null and valid geometries, the Virginia State Police task-force periods;
- DuckDB: its Parquet reader with the spatial extension, which reads the `geo` key and gives the
  column as GEOMETRY (counts, dates, ST_IsValid, a point in Tampa, FL against the open-ended
  state periods);
- the GeoPackage through geopandas/pyogrio (GDAL) and sqlite's own integrity check.

    python check_export.py DIR
"""
import json
import os
import sqlite3
import sys

import duckdb
import duckdb_ext
import geopandas as gpd
import pyarrow.parquet as pq

folder = sys.argv[1]
out = {}
for name in ["jurisdiction_periods", "counties", "places", "county_panel"]:
    f = pq.ParquetFile(os.path.join(folder, f"{name}.parquet"))
    md = f.metadata
    geo = json.loads((f.schema_arrow.metadata or {}).get(b"geo", b"null"))
    out[name] = {"rows": md.num_rows, "row_groups": md.num_row_groups, "columns": f.schema_arrow.names,
                 "geo": geo, "created_by": md.created_by}
    if geo:
        g = gpd.read_parquet(os.path.join(folder, f"{name}.parquet"))
        present = g.geometry.notna()
        out[name].update({"crs": g.crs.to_string(), "null_geometries": int((~present).sum()),
                          "invalid_geometries": int((~g.geometry[present].is_valid).sum()),
                          "types": sorted(set(g.geometry[present].geom_type))})
p = gpd.read_parquet(os.path.join(folder, "jurisdiction_periods.parquet"))
va = p[(p.agreement_id == "VA|virginia department of state police|task-force")]
out["virginia_state_police"] = [{k: (str(v) if v is not None else None) for k, v in r.items()}
                                for r in va[["signed", "valid_from", "valid_to", "last_seen", "absent_from", "open_ended", "level",
                                             "jurisdiction_geoid"]].to_dict("records")]
con = duckdb.connect()
con.execute("SET autoinstall_known_extensions = false")
con.execute("SET autoload_known_extensions = false")
con.execute("SET extension_directory = ?", [os.path.join(list(duckdb_ext.__path__)[0], "extensions")])
con.execute("LOAD spatial")
path = os.path.join(folder, "jurisdiction_periods.parquet")
rows, geoms, valid, open_rows = con.execute(
    f"SELECT count(*), count(geometry), count(*) FILTER (WHERE ST_IsValid(geometry)), "
    f"count(*) FILTER (WHERE valid_to IS NULL) FROM read_parquet('{path}')").fetchone()
va_last = con.execute(f"SELECT CAST(last_seen AS VARCHAR), CAST(absent_from AS VARCHAR) FROM read_parquet('{path}') "
                      "WHERE agreement_id = 'VA|virginia department of state police|task-force'").fetchall()
tampa = con.execute(
    f"SELECT agency FROM read_parquet('{path}') WHERE open_ended AND level = 'state' AND model = 'task-force' "
    "AND state = 'FL' AND ST_Covers(geometry, ST_Point(-82.4572, 27.9506)) ORDER BY agency").fetchall()
column_type = con.execute(f"SELECT typeof(geometry) FROM read_parquet('{path}') LIMIT 1").fetchone()[0]
out["duckdb"] = {"rows": rows, "geometry_type": column_type, "geometries": geoms, "valid": valid, "open_ended": open_rows,
                 "virginia_state_police": [list(r) for r in va_last], "tampa_state_task_force": [r[0] for r in tampa]}
gpkg = os.path.join(folder, "geo287.gpkg")
layer = gpd.read_file(gpkg, layer="jurisdiction_periods")
out["gpkg"] = {"rows": len(layer), "crs": layer.crs.to_string() if layer.crs else None,
               "null_geometries": int(layer.geometry.isna().sum()),
               "invalid_geometries": int((~layer.geometry[layer.geometry.notna()].is_valid).sum()),
               "integrity": sqlite3.connect(gpkg).execute("PRAGMA integrity_check").fetchone()[0]}
print(json.dumps(out))
