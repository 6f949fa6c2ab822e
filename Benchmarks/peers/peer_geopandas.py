"""geopandas: sjoin(points, counties, predicate="covered_by") — the everyday form, with the border rule (boundary points count)."""
import geopandas as gpd

from common import assignments, parse_args, run


def join(xs, ys, counties):
    points = gpd.GeoDataFrame(geometry=gpd.points_from_xy(xs, ys), crs=counties.crs)
    joined = gpd.sjoin(points, counties[["geometry"]], how="inner", predicate="covered_by")
    return assignments(len(xs), joined.index.to_numpy(), joined["index_right"].to_numpy())


if __name__ == "__main__":
    run("geopandas-sjoin", join, parse_args())
