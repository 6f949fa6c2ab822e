"""DuckDB spatial: ST_Covers join (spatial join operator; the border rule: boundary points count), extension loaded offline from the
duckdb-ext-spatial wheel's folder."""
import os

import duckdb
import duckdb_ext
import numpy as np
import pandas as pd
import shapely

from common import parse_args, run


def connect():
    con = duckdb.connect()
    ext = os.path.join(list(duckdb_ext.__path__)[0], "extensions")
    con.execute("SET autoinstall_known_extensions = false")
    con.execute("SET autoload_known_extensions = false")
    con.execute("SET extension_directory = ?", [ext])
    con.execute("LOAD spatial")
    return con


def join(xs, ys, counties):
    con = connect()
    cdf = pd.DataFrame({"cid": np.arange(len(counties), dtype=np.int32),
                        "wkb": shapely.to_wkb(counties.geometry.to_numpy())})
    pdf = pd.DataFrame({"pid": np.arange(len(xs), dtype=np.int64), "x": xs, "y": ys})
    con.execute("CREATE TABLE c AS SELECT cid, ST_GeomFromWKB(wkb) AS geom FROM cdf")
    con.execute("CREATE TABLE p AS SELECT pid, ST_Point(x, y) AS geom FROM pdf")
    rows = con.execute(
        "SELECT p.pid, min(c.cid) FROM p JOIN c ON ST_Covers(c.geom, p.geom) GROUP BY p.pid").fetchnumpy()
    out = np.full(len(xs), -1, dtype="<i4")
    out[rows["pid"]] = rows["min(c.cid)"]
    con.close()
    return out


if __name__ == "__main__":
    run("duckdb-spatial", join, parse_args())
