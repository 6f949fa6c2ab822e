"""shapely 2, best form: STRtree on the points, each county prepared and asked `covers` (the border rule: boundary points count)
(STRtree.query(polygons, predicate="covers") prepares the query polygon)."""
import shapely

from common import assignments, parse_args, run


def join(xs, ys, counties):
    points = shapely.points(xs, ys)
    tree = shapely.STRtree(points)
    polygons = counties.geometry.values._data if hasattr(counties.geometry.values, "_data") else counties.geometry.to_numpy()
    poly_idx, point_idx = tree.query(polygons, predicate="covers")
    return assignments(len(xs), point_idx, poly_idx)


if __name__ == "__main__":
    run("shapely-strtree", join, parse_args())
