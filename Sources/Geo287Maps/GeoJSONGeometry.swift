import Geo287Geometry

/// RFC 7946 geometry text: always a MultiPolygon (one geometry type per layer, so the layer
/// converts to a shapefile or GeoPackage as it is), coordinates on a `CoordinateGrid`, exterior
/// rings counter-clockwise and holes clockwise (decided on the rounded coordinates), no
/// repeated points, rings that collapse under rounding dropped.
public struct GeoJSONGeometryWriter {
    public let grid: CoordinateGrid
    public var precision: Int { grid.precision }
    /// Bounds of everything written so far.
    public private(set) var bounds = BoundingBox.empty

    public init(precision: Int) { grid = CoordinateGrid(precision: precision) }

    /// `null` or a MultiPolygon.
    public mutating func geometry(_ shape: MultiPolygon) throws -> String {
        geometry(grid: try grid.shape(shape))
    }

    /// `null` or a MultiPolygon of a shape already on the grid.
    public mutating func geometry(grid polygons: [[[GridPoint]]]) -> String {
        guard !polygons.isEmpty else { return "null" }
        for poly in polygons {
            for p in poly[0] { bounds.expand(grid.coordinate(p)) }
        }
        var s = "{\"type\":\"MultiPolygon\",\"coordinates\":["
        for (i, poly) in polygons.enumerated() {
            if i > 0 { s += "," }
            s += "["
            for (k, ring) in poly.enumerated() {
                if k > 0 { s += "," }
                s += "["
                for (j, p) in ring.enumerated() {
                    if j > 0 { s += "," }
                    s += "[" + SVGText.fixed(p.x, decimals: precision) + "," + SVGText.fixed(p.y, decimals: precision) + "]"
                }
                s += "]"
            }
            s += "]"
        }
        return s + "]}"
    }

    /// `[west, south, east, north]` of everything written, at the same precision.
    public func bboxJSON() -> String {
        guard !bounds.isEmpty else { return "null" }
        return "[" + [bounds.minX, bounds.minY, bounds.maxX, bounds.maxY]
            .map { SVGText.number($0, decimals: precision) }.joined(separator: ",") + "]"
    }
}
