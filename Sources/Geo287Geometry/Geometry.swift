import CGEOS

/// An owned GEOS geometry. It keeps its context alive and frees its handle on deinit.
/// Like its context, it belongs to one thread.
public final class Geometry {
    public let context: GEOSContext
    let handle: OpaquePointer

    init(context: GEOSContext, handle: OpaquePointer) {
        self.context = context
        self.handle = handle
    }

    deinit { GEOSGeom_destroy_r(context.handle, handle) }

    private var ctx: GEOSContextHandle_t { context.handle }

    private func owned(_ result: OpaquePointer?, _ operation: String) throws -> Geometry {
        guard let result else { throw context.failure(operation) }
        return Geometry(context: context, handle: result)
    }

    /// GEOS predicates answer 0, 1, or 2 on exception.
    private func predicate(_ value: CChar, _ operation: String) throws -> Bool {
        if value == 2 { throw context.failure(operation) }
        return value == 1
    }

    /// The other operand of a binary operation, checked to share this geometry's context.
    func operand(_ other: Geometry, _ operation: String) throws -> OpaquePointer {
        guard other.context === context else { throw GeometryError.contextMismatch(operation) }
        return other.handle
    }

    // MARK: Description

    public var typeName: String {
        get throws {
            guard let s = GEOSGeomType_r(ctx, handle) else { throw context.failure("geometry type") }
            defer { GEOSFree_r(ctx, s) }
            return String(cString: s)
        }
    }

    public var partCount: Int {
        get throws {
            let n = GEOSGetNumGeometries_r(ctx, handle)
            guard n >= 0 else { throw context.failure("part count") }
            return Int(n)
        }
    }

    public var isEmpty: Bool { get throws { try predicate(GEOSisEmpty_r(ctx, handle), "isEmpty") } }

    public func wkt(precision: Int32 = 17) throws -> String {
        guard let writer = GEOSWKTWriter_create_r(ctx) else { throw context.failure("WKT writer") }
        defer { GEOSWKTWriter_destroy_r(ctx, writer) }
        GEOSWKTWriter_setRoundingPrecision_r(ctx, writer, precision)
        GEOSWKTWriter_setTrim_r(ctx, writer, 1)
        guard let s = GEOSWKTWriter_write_r(ctx, writer, handle) else { throw context.failure("WKT write") }
        defer { GEOSFree_r(ctx, s) }
        return String(cString: s)
    }

    public func wkb() throws -> [UInt8] {
        guard let writer = GEOSWKBWriter_create_r(ctx) else { throw context.failure("WKB writer") }
        defer { GEOSWKBWriter_destroy_r(ctx, writer) }
        var size = 0
        guard let buf = GEOSWKBWriter_write_r(ctx, writer, handle, &size) else { throw context.failure("WKB write") }
        defer { GEOSFree_r(ctx, buf) }
        return Array(UnsafeBufferPointer(start: buf, count: size))
    }

    // MARK: Validity and measures

    public var isValid: Bool { get throws { try predicate(GEOSisValid_r(ctx, handle), "isValid") } }

    public var validityReason: String {
        guard let s = GEOSisValidReason_r(ctx, handle) else { return context.takeError() }
        defer { GEOSFree_r(ctx, s) }
        return String(cString: s)
    }

    public func makeValid() throws -> Geometry { try owned(GEOSMakeValid_r(ctx, handle), "makeValid") }

    /// The centre of the largest circle inside the polygon(s), found to within `tolerance`,
    /// and its radius: the spot farthest from every edge, where a label sits best.
    public func maximumInscribedCircle(tolerance: Double) throws -> (centre: Coordinate, radius: Double) {
        let line = try owned(GEOSMaximumInscribedCircle_r(ctx, handle, tolerance), "maximum inscribed circle")
        let pts = try ring(line.handle).points   // centre, nearest boundary point (and `Ring`'s closing point)
        guard pts.count >= 2 else { throw context.failure("maximum inscribed circle") }
        let a = pts[0], b = pts[1]
        return (a, ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot())
    }

    /// The geometry with every coordinate on a grid of `gridSize` (GEOS snap-rounding, which
    /// keeps a valid polygonal geometry valid: rings that would cross are noded, collapsed
    /// parts removed).
    public func snapped(toGrid gridSize: Double) throws -> Geometry {
        try owned(GEOSGeom_setPrecision_r(ctx, handle, gridSize, 0), "set precision")
    }

    /// Douglas–Peucker simplification that keeps the topology (no ring crosses itself or
    /// another, no hole leaves its shell); no point of the result is farther than `tolerance`
    /// (in the geometry's units) from the original boundary.
    public func simplifiedPreservingTopology(tolerance: Double) throws -> Geometry {
        try owned(GEOSTopologyPreserveSimplify_r(ctx, handle, tolerance), "topology-preserving simplify")
    }

    /// The discrete Hausdorff distance to `other` (in the geometries' units).
    public func hausdorffDistance(to other: Geometry) throws -> Double {
        var d = 0.0
        guard GEOSHausdorffDistance_r(ctx, handle, try operand(other, "Hausdorff distance"), &d) == 1 else { throw context.failure("Hausdorff distance") }
        return d
    }

    public func area() throws -> Double {
        var a = 0.0
        guard GEOSArea_r(ctx, handle, &a) == 1 else { throw context.failure("area") }
        return a
    }

    /// The bounding box. Also forces GEOS 3.11's lazily computed envelope (engine-notes.md).
    public func bounds() throws -> BoundingBox {
        var b = BoundingBox.empty
        guard GEOSGeom_getXMin_r(ctx, handle, &b.minX) == 1,
              GEOSGeom_getYMin_r(ctx, handle, &b.minY) == 1,
              GEOSGeom_getXMax_r(ctx, handle, &b.maxX) == 1,
              GEOSGeom_getYMax_r(ctx, handle, &b.maxY) == 1
        else { throw context.failure("envelope") }
        return b
    }

    public func envelope() throws -> Geometry { try owned(GEOSEnvelope_r(ctx, handle), "envelope") }

    // MARK: Overlay

    public func intersection(_ other: Geometry) throws -> Geometry {
        try owned(GEOSIntersection_r(ctx, handle, try operand(other, "intersection")), "intersection")
    }

    public func union(_ other: Geometry) throws -> Geometry {
        try owned(GEOSUnion_r(ctx, handle, try operand(other, "union")), "union")
    }

    public func unaryUnion() throws -> Geometry { try owned(GEOSUnaryUnion_r(ctx, handle), "unary union") }

    /// The union of polygons that tile without overlaps and share their common edges vertex
    /// for vertex (a polygonal coverage, such as counties built from shared arcs): much faster
    /// than `unaryUnion`; the result is undefined when they do not.
    public func coverageUnion() throws -> Geometry { try owned(GEOSCoverageUnion_r(ctx, handle), "coverage union") }

    // MARK: Predicates

    public func intersects(_ other: Geometry) throws -> Bool {
        try predicate(GEOSIntersects_r(ctx, handle, try operand(other, "intersects")), "intersects")
    }

    public func contains(_ other: Geometry) throws -> Bool {
        try predicate(GEOSContains_r(ctx, handle, try operand(other, "contains")), "contains")
    }

    public func covers(_ other: Geometry) throws -> Bool {
        try predicate(GEOSCovers_r(ctx, handle, try operand(other, "covers")), "covers")
    }

    public func prepared() throws -> PreparedGeometry { try PreparedGeometry(base: self) }

    // MARK: Back to Swift values

    /// The polygonal parts as a pure-Swift MultiPolygon (other geometry types in a collection are skipped).
    public func multiPolygon() throws -> MultiPolygon {
        var out: [Polygon] = []
        try collectPolygons(handle, into: &out)
        return MultiPolygon(out)
    }

    private func collectPolygons(_ g: OpaquePointer, into out: inout [Polygon]) throws {
        let type = GEOSGeomTypeId_r(ctx, g)
        if type == Int32(GEOS_POLYGON.rawValue) {
            guard let shellPtr = GEOSGetExteriorRing_r(ctx, g) else { throw context.failure("exterior ring") }
            let shell = try ring(shellPtr)
            var holes: [Ring] = []
            let n = GEOSGetNumInteriorRings_r(ctx, g)
            if n > 0 {
                for i in 0..<n {
                    guard let h = GEOSGetInteriorRingN_r(ctx, g, i) else { throw context.failure("interior ring") }
                    holes.append(try ring(h))
                }
            }
            if shell.points.count >= 4 { out.append(Polygon(shell: shell, holes: holes)) }
        } else if type == Int32(GEOS_MULTIPOLYGON.rawValue) || type == Int32(GEOS_GEOMETRYCOLLECTION.rawValue) {
            let n = GEOSGetNumGeometries_r(ctx, g)
            if n > 0 {
                for i in 0..<n {
                    guard let part = GEOSGetGeometryN_r(ctx, g, i) else { throw context.failure("part") }
                    try collectPolygons(part, into: &out)
                }
            }
        }
    }

    private func ring(_ r: OpaquePointer) throws -> Ring {
        guard let seq = GEOSGeom_getCoordSeq_r(ctx, r) else { throw context.failure("coordinates") }
        var size: UInt32 = 0
        guard GEOSCoordSeq_getSize_r(ctx, seq, &size) == 1 else { throw context.failure("coordinate count") }
        var flat = [Double](repeating: 0, count: Int(size) * 2)
        guard GEOSCoordSeq_copyToBuffer_r(ctx, seq, &flat, 0, 0) == 1 else { throw context.failure("coordinates") }
        var pts = [Coordinate]()
        pts.reserveCapacity(Int(size))
        for i in 0..<Int(size) { pts.append(Coordinate(flat[2 * i], flat[2 * i + 1])) }
        return Ring(pts)
    }
}

/// A prepared geometry: GEOS indexes its base for repeated predicates. It borrows the base
/// (kept alive here) and is destroyed before it. Prepared indexes build lazily, so keep one
/// per thread.
public final class PreparedGeometry {
    public let base: Geometry
    let handle: OpaquePointer

    init(base: Geometry) throws {
        guard let h = GEOSPrepare_r(base.context.handle, base.handle) else { throw base.context.failure("prepare") }
        self.base = base
        self.handle = h
    }

    deinit { GEOSPreparedGeom_destroy_r(base.context.handle, handle) }

    private func predicate(_ value: CChar, _ operation: String) throws -> Bool {
        if value == 2 { throw base.context.failure(operation) }
        return value == 1
    }

    public func contains(_ other: Geometry) throws -> Bool {
        try predicate(GEOSPreparedContains_r(base.context.handle, handle, try base.operand(other, "prepared contains")), "prepared contains")
    }

    public func covers(_ other: Geometry) throws -> Bool {
        try predicate(GEOSPreparedCovers_r(base.context.handle, handle, try base.operand(other, "prepared covers")), "prepared covers")
    }

    public func intersects(_ other: Geometry) throws -> Bool {
        try predicate(GEOSPreparedIntersects_r(base.context.handle, handle, try base.operand(other, "prepared intersects")), "prepared intersects")
    }

    /// Contains for a coordinate (GEOS 3.11 has no ContainsXY: a temporary point is made).
    public func contains(_ c: Coordinate) throws -> Bool {
        try contains(try base.context.point(c))
    }
}
