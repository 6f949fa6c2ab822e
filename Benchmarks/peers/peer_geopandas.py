"""geopandas: sjoin(points, counties, predicate="within") — the everyday form."""
import geopandas as gpd

from common import assignments, parse_args, run


def join(xs, ys, counties):
    points = gpd.GeoDataFrame(geometry=gpd.points_from_xy(xs, ys), crs=counties.crs)
    joined = gpd.sjoin(points, counties[["geometry"]], how="inner", predicate="within")
    return assignments(len(xs), joined.index.to_numpy(), joined["index_right"].to_numpy())


if __name__ == "__main__":
    run("geopandas-sjoin", join, parse_args())
