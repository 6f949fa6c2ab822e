import CShapelib
import Foundation
import Geo287Geometry

/// Reads polygon shapefiles through shapelib: `.shp` + `.shx` + `.dbf` (+ `.cpg`) as Census
/// ships them, or straight from a `.zip` holding one such set.
public enum ShapefileReader {
    /// Reads `path`, a `.shp` (siblings found by name) or a `.zip`.
    public static func read(_ path: String) throws -> Shapefile {
        if path.lowercased().hasSuffix(".zip") { return try readZip(path) }
        return try readFiles(path, reportedPath: path)
    }

    static func readZip(_ path: String) throws -> Shapefile {
        let zip = try ZipFile(path: path)
        let members = zip.memberPaths
        guard let shp = members.first(where: { $0.lowercased().hasSuffix(".shp") }) else {
            throw DataError(path, "zip holds no .shp file")
        }
        let stem = String(shp.dropLast(4))
        let wanted = ["shp", "shx", "dbf", "cpg", "prj"].compactMap { ext -> String? in
            members.first { $0 == "\(stem).\(ext)" || $0 == "\(stem).\(ext.uppercased())" }
        }
        let tmp = FileManager.default.temporaryDirectory
            .appendingPathComponent("geo287-shp-\(getpid())-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: tmp) }
        try zip.extract(wanted, into: tmp)
        let local = tmp.appendingPathComponent((shp as NSString).lastPathComponent).path
        return try readFiles(local, reportedPath: "\(path)!\(shp)")
    }

    static func readFiles(_ shpPath: String, reportedPath: String) throws -> Shapefile {
        let stem = String(shpPath.dropLast(4))
        let fm = FileManager.default
        for ext in ["shp", "shx", "dbf"] where !fm.fileExists(atPath: "\(stem).\(ext)") {
            throw DataError("\(stem).\(ext)", "missing (a shapefile needs .shp, .shx and .dbf)")
        }
        var hooks = SAHooks()
        SASetupDefaultHooks(&hooks)
        hooks.Error = { _ in }   // errors are reported by our own checks, in one line
        guard let shp = SHPOpenLL(shpPath, "rb", &hooks) else {
            throw DataError(reportedPath, "cannot open as a shapefile (damaged .shp or .shx)")
        }
        defer { SHPClose(shp) }
        guard let dbf = DBFOpenLL("\(stem).dbf", "rb", &hooks) else {
            throw DataError("\(stem).dbf", "cannot open as a DBF table")
        }
        defer { DBFClose(dbf) }

        var count: Int32 = 0, type: Int32 = 0
        var minB = [Double](repeating: 0, count: 4), maxB = [Double](repeating: 0, count: 4)
        SHPGetInfo(shp, &count, &type, &minB, &maxB)
        guard [SHPT_POLYGON, SHPT_POLYGONZ, SHPT_POLYGONM, SHPT_NULL].contains(type) else {
            throw DataError(reportedPath, "shape type \(type) is not polygon")
        }
        let recordCount = Int(DBFGetRecordCount(dbf))
        guard recordCount == Int(count) else {
            throw DataError(reportedPath, "the .shp has \(count) records but the .dbf has \(recordCount)")
        }
        let encoding = textEncoding(cpgPath: "\(stem).cpg")
        let schema = readSchema(dbf)
        var features: [Feature] = []
        features.reserveCapacity(Int(count))
        for i in 0..<count {
            let geometry = try readGeometry(shp, i, reportedPath: reportedPath)
            let values = readValues(dbf, record: i, schema: schema, encoding: encoding)
            features.append(Feature(recordIndex: Int(i), geometry: geometry, values: values, schema: schema))
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
        if o.nSHPType == SHPT_NULL || o.nVertices == 0 { return MultiPolygon([]) }
        guard let xs = o.padfX, let ys = o.padfY, let starts = o.panPartStart else {
            throw DataError(reportedPath, "record \(i + 1) has no coordinates")
        }
        var rings: [Ring] = []
        let nParts = Int(o.nParts), nVerts = Int(o.nVertices)
        for p in 0..<nParts {
            let from = Int(starts[p]), to = p + 1 < nParts ? Int(starts[p + 1]) : nVerts
            guard from >= 0, from <= to, to <= nVerts else {
                throw DataError(reportedPath, "record \(i + 1) part \(p + 1) has a bad vertex range")
            }
            var pts: [Coordinate] = []
            pts.reserveCapacity(to - from + 1)
            for v in from..<to { pts.append(Coordinate(xs[v], ys[v])) }
            let ring = Ring(pts)
            if ring.points.count >= 4 { rings.append(ring) }
        }
        return RingAssembler.assemble(rings)
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

    static func readValues(_ dbf: DBFHandle, record: Int32, schema: ShapefileSchema, encoding: TextDecoding) -> [AttributeValue] {
        schema.fields.enumerated().map { f, field in
            if DBFIsAttributeNULL(dbf, record, Int32(f)) != 0 { return .null }
            // shapelib returns a reused buffer: copy the bytes at once.
            guard let raw = DBFReadStringAttribute(dbf, record, Int32(f)) else { return .null }
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(raw).assumingMemoryBound(to: UInt8.self), count: strlen(raw))
            let text = encoding.decode(Array(bytes)).trimmingCharacters(in: .whitespaces)
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
        guard let cpg = try? String(contentsOfFile: cpgPath, encoding: .ascii) else { return .utf8WithLatin1Fallback }
        let name = cpg.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        if ["ISO-8859-1", "88591", "8859-1", "LATIN1", "1252", "CP1252", "WINDOWS-1252"].contains(name) { return .latin1 }
        return .utf8WithLatin1Fallback
    }
}
