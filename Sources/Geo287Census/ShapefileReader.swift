import CShapelib
import Foundation
import Geo287Core
import Geo287Geometry

/// Reads polygon shapefiles through shapelib: `.shp` + `.shx` + `.dbf` (+ `.cpg`) as Census
/// ships them, or straight from a `.zip` holding one such set.
public enum ShapefileReader {
    /// Which records get their geometry read (the others get an empty MultiPolygon).
    public enum GeometrySelection: Sendable {
        case all
        /// Attributes only: the `.shp` is not read (nor inflated from a zip).
        case none
        case records(Set<Int>)
        /// The records whose bounding box passes the test (a point lookup reads a few polygons).
        case boxes(@Sendable (BoundingBox) -> Bool)

        /// Whether record `i` may be wanted (`boxes` decides on the record's box afterwards).
        func wants(_ i: Int) -> Bool {
            switch self {
            case .all: return true
            case .boxes: return true
            case .none: return false
            case let .records(set): return set.contains(i)
            }
        }

        /// Keeps a read polygon only if a `boxes` test passes on its box.
        func keep(_ polygon: MultiPolygon) -> MultiPolygon {
            if case let .boxes(test) = self, !test(polygon.bounds) { return MultiPolygon([]) }
            return polygon
        }
    }

    /// Reads `path`, a `.shp` (siblings found by name) or a `.zip`. With `fields`, only those
    /// attributes are read (the others are `.null`): a place layer read for names skips most.
    public static func read(_ path: String, geometry: GeometrySelection = .all, fields: Set<String>? = nil) throws -> Shapefile {
        if path.lowercased().hasSuffix(".zip") { return try readZip(path, geometry: geometry, fields: fields) }
        return try readFiles(path, reportedPath: path, geometry: geometry, fields: fields)
    }

    static func readZip(_ path: String, geometry: GeometrySelection, fields: Set<String>?) throws -> Shapefile {
        let zip = try ZipFile(path: path)
        let members = zip.memberPaths
        let shp = try shapefileMember(zip)
        let stem = String(shp.dropLast(4))
        // Attributes through shapelib from a temporary .dbf; polygons parsed in memory.
        let wanted = ["dbf", "cpg"].compactMap { ext -> String? in
            members.first { $0 == "\(stem).\(ext)" || $0 == "\(stem).\(ext.uppercased())" }
        }
        let tmp = FileManager.default.temporaryDirectory
            .appendingPathComponent("geo287-shp-\(getpid())-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: tmp) }
        // The catalog's SHA-256 covers Census zips; zlib still rejects a damaged deflate stream.
        try zip.extract(wanted, into: tmp, verifyCRC: false)
        let local = tmp.appendingPathComponent((shp as NSString).lastPathComponent).path
        let table = try readFiles(local, reportedPath: "\(path)!\(shp)", geometry: .none, fields: fields)
        if case .none = geometry { return table }
        let polygons = try zipGeometries(zip, records: geometry)
        let recordCount = try zipRecordCount(zip, stem: stem, reportedPath: table.path)
        guard recordCount == table.features.count else {
            throw DataError(table.path, "the .shp has \(recordCount) records but the .dbf has \(table.features.count)")
        }
        let features = table.features.map { f in
            Feature(recordIndex: f.recordIndex, geometry: polygons[f.recordIndex] ?? MultiPolygon([]), values: f.values, schema: f.schema)
        }
        return Shapefile(path: table.path, schema: table.schema, features: features, encoding: table.encoding)
    }

    /// The one `.shp` of a zipped layer: a zip with none, or with several (which would make
    /// the layer depend on member order), is refused.
    static func shapefileMember(_ zip: ZipFile) throws -> String {
        let shps = zip.memberPaths.filter { $0.lowercased().hasSuffix(".shp") }
        guard let first = shps.first else { throw DataError(zip.path, "zip holds no .shp file") }
        guard shps.count == 1 else {
            throw DataError(zip.path, "zip holds \(shps.count) shapefiles (\(shps.prefix(4).joined(separator: ", "))): ambiguous, refused (one layer per zip)")
        }
        return first
    }

    /// Records in a zipped layer, from the size of its `.shx` entry (no inflating).
    static func zipRecordCount(_ zip: ZipFile, stem: String, reportedPath: String) throws -> Int {
        guard let size = zip.uncompressedSize("\(stem).shx") ?? zip.uncompressedSize("\(stem).SHX"), size >= 100 else {
            throw DataError(reportedPath, "cannot open as a shapefile (damaged .shp or .shx)")
        }
        return (size - 100) / 8
    }

    static func readFiles(_ shpPath: String, reportedPath: String, geometry: GeometrySelection, fields: Set<String>? = nil) throws -> Shapefile {
        let stem = String(shpPath.dropLast(4))
        let fm = FileManager.default
        let needed = if case .none = geometry { ["dbf"] } else { ["shp", "shx", "dbf"] }
        for ext in needed where !fm.fileExists(atPath: "\(stem).\(ext)") {
            throw DataError.missing("\(stem).\(ext)", "missing (a shapefile needs .shp, .shx and .dbf)")
        }
        for ext in needed { try InputFile.check("\(stem).\(ext)") }   // no FIFO or device
        var hooks = SAHooks()
        SASetupDefaultHooks(&hooks)
        hooks.Error = { _ in }   // errors are reported by our own checks, in one line
        guard let dbf = DBFOpenLL("\(stem).dbf", "rb", &hooks) else {
            throw DataError("\(stem).dbf", "cannot open as a DBF table")
        }
        defer { DBFClose(dbf) }
        let recordCount = Int(DBFGetRecordCount(dbf))
        var shp: SHPHandle?
        if case .none = geometry {} else {
            guard let h = SHPOpenLL(shpPath, "rb", &hooks) else {
                throw DataError(reportedPath, "cannot open as a shapefile (damaged .shp or .shx)")
            }
            shp = h
            var count: Int32 = 0, type: Int32 = 0
            var minB = [Double](repeating: 0, count: 4), maxB = [Double](repeating: 0, count: 4)
            SHPGetInfo(h, &count, &type, &minB, &maxB)
            guard [SHPT_POLYGON, SHPT_POLYGONZ, SHPT_POLYGONM, SHPT_NULL].contains(type) else {
                SHPClose(h)
                throw DataError(reportedPath, "shape type \(type) is not polygon")
            }
            guard recordCount == Int(count) else {
                SHPClose(h)
                throw DataError(reportedPath, "the .shp has \(count) records but the .dbf has \(recordCount)")
            }
        }
        defer { if let shp { SHPClose(shp) } }
        let count = Int32(recordCount)
        let encoding = textEncoding(cpgPath: "\(stem).cpg")
        let schema = readSchema(dbf)
        let wanted = schema.fields.map { fields?.contains($0.name) ?? true }
        var features: [Feature] = []
        features.reserveCapacity(Int(count))
        for i in 0..<count {
            var polygons = MultiPolygon([])
            if let shp, geometry.wants(Int(i)) { polygons = geometry.keep(try readGeometry(shp, i, reportedPath: reportedPath)) }
            let values = readValues(dbf, record: i, schema: schema, encoding: encoding, wanted: wanted)
            features.append(Feature(recordIndex: Int(i), geometry: polygons, values: values, schema: schema))
        }
        return Shapefile(path: reportedPath, schema: schema, features: features, encoding: encoding.name)
    }

    // MARK: Geometry

    static func readGeometry(_ shp: SHPHandle, _ i: Int32, reportedPath: String) throws -> MultiPolygon {
        guard let obj = SHPReadObject(shp, i) else {
            throw DataError(reportedPath, "record \(i + 1) cannot be read (truncated or damaged .shp)")
        }
        defer { SHPDestroyObject(obj) }
        let o = obj.pointee
        if o.nSHPType == SHPT_NULL { return MultiPolygon([]) }
        let nParts = Int(o.nParts), nVerts = Int(o.nVertices)
        guard nVerts > 0, let xs = o.padfX, let ys = o.padfY, let starts = o.panPartStart else {
            throw DataError(reportedPath, "record \(i + 1) is a polygon with no points")
        }
        var parts: [Range<Int>] = []
        for p in 0..<nParts {
            let from = Int(starts[p]), to = p + 1 < nParts ? Int(starts[p + 1]) : nVerts
            guard from >= 0, from <= to, to <= nVerts else {
                throw DataError(reportedPath, "record \(i + 1) part \(p + 1) has a bad vertex range")
            }
            parts.append(from..<to)
        }
        return try RingAssembler.rings(parts: parts, vertexCount: nVerts, record: Int(i), reportedPath: reportedPath) {
            Coordinate(xs[$0], ys[$0])
        }
    }

    // MARK: Attributes

    static func readSchema(_ dbf: DBFHandle) -> ShapefileSchema {
        var fields: [ShapefileSchema.Field] = []
        for f in 0..<DBFGetFieldCount(dbf) {
            var nameBuf = [CChar](repeating: 0, count: 16)
            var width: Int32 = 0, decimals: Int32 = 0
            _ = DBFGetFieldInfo(dbf, f, &nameBuf, &width, &decimals)
            let native = UInt8(bitPattern: DBFGetNativeFieldType(dbf, f))
            let kind: ShapefileSchema.FieldKind
            switch native {
            case UInt8(ascii: "N"), UInt8(ascii: "F"): kind = decimals == 0 ? .integer : .double
            case UInt8(ascii: "L"): kind = .logical
            case UInt8(ascii: "D"): kind = .date
            default: kind = .string
            }
            let name = String(decoding: nameBuf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            fields.append(.init(name: name, kind: kind, width: Int(width), decimals: Int(decimals)))
        }
        return ShapefileSchema(fields: fields)
    }

    static func readValues(_ dbf: DBFHandle, record: Int32, schema: ShapefileSchema, encoding: TextDecoding,
                           wanted: [Bool]) -> [AttributeValue] {
        schema.fields.enumerated().map { f, field in
            if !wanted[f] { return .null }
            if DBFIsAttributeNULL(dbf, record, Int32(f)) != 0 { return .null }
            // shapelib returns a reused buffer: copy the bytes at once.
            guard let raw = DBFReadStringAttribute(dbf, record, Int32(f)) else { return .null }
            var bytes = UnsafeBufferPointer(start: UnsafeRawPointer(raw).assumingMemoryBound(to: UInt8.self), count: strlen(raw))[...]
            while let f = bytes.first, f == 0x20 { bytes = bytes.dropFirst() }
            while let l = bytes.last, l == 0x20 { bytes = bytes.dropLast() }
            let text = bytes.allSatisfy { $0 < 0x80 } ? String(decoding: bytes, as: UTF8.self) : encoding.decode(Array(bytes))
            switch field.kind {
            case .integer:
                if let v = Int64(text) { return .integer(v) }
                return Double(text).map { .double($0) } ?? .null
            case .double:
                return Double(text).map { .double($0) } ?? .null
            default:
                return .string(text)
            }
        }
    }

    static func textEncoding(cpgPath: String) -> TextDecoding {
        guard InputFile.kind(cpgPath) == .regular, let bytes = try? InputFile.read(cpgPath, limit: 1 << 10, what: "a .cpg"),
              let cpg = String(bytes: bytes, encoding: .ascii) else { return .utf8WithLatin1Fallback }
        let name = cpg.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        if ["ISO-8859-1", "88591", "8859-1", "LATIN1", "1252", "CP1252", "WINDOWS-1252"].contains(name) { return .latin1 }
        return .utf8WithLatin1Fallback
    }
}
