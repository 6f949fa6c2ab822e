import CGEOS

/// One GEOS context. A context, and every geometry made with it, belongs to one thread:
/// create one inside each worker (engine-notes.md). GEOS error messages are collected
/// through the message handler and turned into thrown `GeometryError`s.
public final class GEOSContext {
    let handle: GEOSContextHandle_t
    private let messages: MessageBox

    /// Collects the last error message GEOS reported on this context.
    final class MessageBox { var last = "" }

    public init() throws {
        guard let h = GEOS_init_r() else {
            throw GeometryError.geos(operation: "init", message: "could not create a context")
        }
        handle = h
        messages = MessageBox()
        let box = Unmanaged.passUnretained(messages).toOpaque()
        _ = GEOSContext_setErrorMessageHandler_r(h, { message, userdata in
            guard let userdata, let message else { return }
            Unmanaged<MessageBox>.fromOpaque(userdata).takeUnretainedValue().last = String(cString: message)
        }, box)
    }

    deinit { GEOS_finish_r(handle) }

    /// Reads and clears the last GEOS error message.
    func takeError() -> String {
        let m = messages.last
        messages.last = ""
        return m
    }

    func failure(_ operation: String) -> GeometryError {
        .geos(operation: operation, message: takeError())
    }

    public static var version: String { String(cString: GEOSversion()) }

    // MARK: Construction

    func coordSeq(_ points: [Coordinate]) throws -> OpaquePointer {
        var flat = [Double]()
        flat.reserveCapacity(points.count * 2)
        for p in points { flat.append(p.x); flat.append(p.y) }
        guard let seq = GEOSCoordSeq_copyFromBuffer_r(handle, flat, UInt32(points.count), 0, 0) else {
            throw failure("coordinate sequence")
        }
        return seq
    }

    func linearRing(_ ring: Ring) throws -> OpaquePointer {
        guard ring.points.count >= 4 else {
            throw GeometryError.invalidInput("a ring needs at least 4 points, got \(ring.points.count)")
        }
        let seq = try coordSeq(ring.points)
        // createLinearRing takes ownership of the sequence, also when it fails.
        guard let g = GEOSGeom_createLinearRing_r(handle, seq) else { throw failure("linear ring") }
        return g
    }

    func polygonHandle(_ polygon: Polygon) throws -> OpaquePointer {
        let shell = try linearRing(polygon.shell)
        var holes: [OpaquePointer?] = []
        do {
            for h in polygon.holes { holes.append(try linearRing(h)) }
        } catch {
            GEOSGeom_destroy_r(handle, shell)
            for h in holes { GEOSGeom_destroy_r(handle, h) }
            throw error
        }
        // createPolygon takes shell and holes, not the holes array.
        let g = holes.withUnsafeMutableBufferPointer { buf in
            GEOSGeom_createPolygon_r(handle, shell, buf.baseAddress, UInt32(buf.count))
        }
        guard let g else { throw failure("polygon") }
        return g
    }

    /// A GEOS (multi)polygon owned by this context. A one-part MultiPolygon becomes a Polygon.
    public func geometry(_ multi: MultiPolygon) throws -> Geometry {
        if multi.polygons.count == 1 {
            return Geometry(context: self, handle: try polygonHandle(multi.polygons[0]))
        }
        var parts: [OpaquePointer?] = []
        do {
            for p in multi.polygons { parts.append(try polygonHandle(p)) }
        } catch {
            for p in parts { GEOSGeom_destroy_r(handle, p) }
            throw error
        }
        let g = parts.withUnsafeMutableBufferPointer { buf in
            GEOSGeom_createCollection_r(handle, Int32(GEOS_MULTIPOLYGON.rawValue), buf.baseAddress, UInt32(buf.count))
        }
        guard let g else { throw failure("multipolygon") }
        return Geometry(context: self, handle: g)
    }

    public func point(_ c: Coordinate) throws -> Geometry {
        guard let g = GEOSGeom_createPointFromXY_r(handle, c.x, c.y) else { throw failure("point") }
        return Geometry(context: self, handle: g)
    }

    /// An axis-aligned rectangle as a polygon.
    public func rectangle(_ box: BoundingBox) throws -> Geometry {
        let ring = Ring([Coordinate(box.minX, box.minY), Coordinate(box.maxX, box.minY),
                         Coordinate(box.maxX, box.maxY), Coordinate(box.minX, box.maxY)])
        return try geometry(MultiPolygon([Polygon(shell: ring)]))
    }

    // MARK: WKT / WKB

    public func geometry(wkt: String) throws -> Geometry {
        guard let reader = GEOSWKTReader_create_r(handle) else { throw failure("WKT reader") }
        defer { GEOSWKTReader_destroy_r(handle, reader) }
        guard let g = GEOSWKTReader_read_r(handle, reader, wkt) else { throw failure("WKT read") }
        return Geometry(context: self, handle: g)
    }

    public func geometry(wkb: [UInt8]) throws -> Geometry {
        guard let reader = GEOSWKBReader_create_r(handle) else { throw failure("WKB reader") }
        defer { GEOSWKBReader_destroy_r(handle, reader) }
        guard let g = GEOSWKBReader_read_r(handle, reader, wkb, wkb.count) else { throw failure("WKB read") }
        return Geometry(context: self, handle: g)
    }
}
