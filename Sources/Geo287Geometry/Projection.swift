import CPROJ

/// A PROJ coordinate transformation between two CRSs, with traditional GIS axis order
/// (x = longitude / easting, y = latitude / northing) on both sides.
/// One PROJ context per transformer: like GEOS contexts, a transformer belongs to one thread.
public final class ProjTransformer {
    public let source: String
    public let target: String
    private let context: OpaquePointer
    private let pj: OpaquePointer
    private let proj: PROJLibrary

    /// Common CRSs. NAD83 lon/lat is what every Census file uses.
    public static let nad83 = "EPSG:4269"
    public static let wgs84 = "EPSG:4326"
    public static let conusAlbers = "EPSG:5070"
    public static let alaskaAlbers = "EPSG:3338"
    public static let hawaiiAlbers = "ESRI:102007"
    public static let puertoRico = "EPSG:32161"

    public init(from source: String, to target: String) throws {
        let proj = try PROJLibrary.shared.get()
        guard let ctx = proj.contextCreate() else {
            throw GeometryError.proj(operation: "context", message: "could not create a context")
        }
        // PROJ's own log lines ("aea: Invalid latitude") would reach the terminal before
        // geo287's one-line error: failures are reported through the errors below instead.
        _ = proj.logLevel(ctx, PJ_LOG_NONE)
        func message() -> String {
            let code = proj.contextErrno(ctx)
            guard let s = proj.contextErrnoString(ctx, code) else { return "error \(code)" }
            return String(cString: s)
        }
        guard let raw = proj.createCRSToCRS(ctx, source, target, nil) else {
            let m = message()
            _ = proj.contextDestroy(ctx)
            throw GeometryError.proj(operation: "\(source) → \(target)", message: m)
        }
        let normalized = proj.normalizeForVisualization(ctx, raw)
        _ = proj.destroy(raw)
        guard let normalized else {
            let m = message()
            _ = proj.contextDestroy(ctx)
            throw GeometryError.proj(operation: "axis order for \(source) → \(target)", message: m)
        }
        self.source = source
        self.target = target
        self.context = ctx
        self.pj = normalized
        self.proj = proj
    }

    deinit {
        _ = proj.destroy(pj)   // each PJ before its context
        _ = proj.contextDestroy(context)
    }

    /// Transforms `points` in place (forward or inverse); throws if any point fails.
    public func transform(_ xs: inout [Double], _ ys: inout [Double], inverse: Bool = false) throws {
        guard xs.count == ys.count else {
            throw GeometryError.invalidInput("x and y arrays differ in length (\(xs.count) and \(ys.count))")
        }
        let n = xs.count
        if n == 0 { return }
        let stride = MemoryLayout<Double>.stride
        let done = xs.withUnsafeMutableBufferPointer { xb in
            ys.withUnsafeMutableBufferPointer { yb in
                proj.transGeneric(pj, inverse ? PJ_INV : PJ_FWD,
                                   xb.baseAddress, stride, n,
                                   yb.baseAddress, stride, n,
                                   nil, 0, 0, nil, 0, 0)
            }
        }
        guard done == n else {
            throw GeometryError.proj(operation: "transform", message: "\(done) of \(n) points transformed")
        }
        for i in 0..<n where !xs[i].isFinite || !ys[i].isFinite {
            throw GeometryError.proj(operation: "transform",
                                     message: "point \(i + 1) (\(xs[i]), \(ys[i])) has no image in \(inverse ? source : target)")
        }
    }

    public func transform(_ c: Coordinate, inverse: Bool = false) throws -> Coordinate {
        var xs = [c.x], ys = [c.y]
        try transform(&xs, &ys, inverse: inverse)
        return Coordinate(xs[0], ys[0])
    }

    /// Projects every vertex of a multipolygon in one PROJ call.
    public func transform(_ multi: MultiPolygon, inverse: Bool = false) throws -> MultiPolygon {
        var xs: [Double] = [], ys: [Double] = []
        xs.reserveCapacity(multi.vertexCount); ys.reserveCapacity(multi.vertexCount)
        for p in multi.polygons {
            for r in [p.shell] + p.holes { for c in r.points { xs.append(c.x); ys.append(c.y) } }
        }
        try transform(&xs, &ys, inverse: inverse)
        var i = 0
        return multi.mapCoordinates { _ in
            defer { i += 1 }
            return Coordinate(xs[i], ys[i])
        }
    }

    /// PROJ's release, or why libproj could not be loaded.
    public static var version: String {
        switch PROJLibrary.shared {
        case .success(let proj): return proj.info().release.map { String(cString: $0) } ?? "unknown"
        case .failure(let error): return "unavailable (\(error))"
        }
    }
}
