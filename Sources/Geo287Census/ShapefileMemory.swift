import Foundation
import Geo287Core
import Geo287Geometry

/// Polygon records parsed straight from `.shp`/`.shx` bytes in memory (the layout of the ESRI
/// shapefile technical description): no temporary files and no shapelib for the geometry of
/// zipped layers. Coordinates, parts and ring rules are those of `ShapefileReader.readGeometry`,
/// so both paths give identical polygons.
enum ShapefileMemory {
    /// Byte range of each record's content (after its 8-byte header), from the `.shx` index.
    static func recordRanges(shx: Data, reportedPath: String) throws -> [Range<Int>] {
        guard shx.count >= 100, (shx.count - 100) % 8 == 0 else {
            throw DataError(reportedPath, "the .shx index is truncated")
        }
        let n = (shx.count - 100) / 8
        return try shx.withUnsafeBytes { raw -> [Range<Int>] in
            var out: [Range<Int>] = []
            out.reserveCapacity(n)
            for i in 0..<n {
                let offset = Int(bigEndian32(raw, 100 + 8 * i)) * 2
                let length = Int(bigEndian32(raw, 104 + 8 * i)) * 2
                guard offset >= 100, length >= 0 else {
                    throw DataError(reportedPath, "record \(i + 1) has a bad offset in the .shx")
                }
                out.append((offset + 8)..<(offset + 8 + length))
            }
            return out
        }
    }

    /// The shape type in the `.shp` header (checked as ShapefileReader does).
    static func shapeType(shp: Data, reportedPath: String) throws -> Int32 {
        guard shp.count >= 100 else { throw DataError(reportedPath, "cannot open as a shapefile (damaged .shp or .shx)") }
        return shp.withUnsafeBytes { littleEndian32($0, 32) }
    }

    /// The polygon of one record; `range` is the record content within `shp`.
    static func polygon(shp: Data, range: Range<Int>, record i: Int, reportedPath: String) throws -> MultiPolygon {
        guard range.upperBound <= shp.count else {
            throw DataError(reportedPath, "record \(i + 1) cannot be read (truncated or damaged .shp)")
        }
        return try shp.withUnsafeBytes { raw -> MultiPolygon in
            let base = range.lowerBound
            guard range.count >= 4 else {
                throw DataError(reportedPath, "record \(i + 1) cannot be read (\(range.count) bytes, too short for a shape)")
            }
            let type = littleEndian32(raw, base)
            if type == 0 { return MultiPolygon([]) }   // null shape
            guard [5, 15, 25].contains(type), range.count >= 44 else {
                throw DataError(reportedPath, "record \(i + 1) cannot be read (truncated or damaged .shp)")
            }
            let nParts = Int(littleEndian32(raw, base + 36)), nVerts = Int(littleEndian32(raw, base + 40))
            let partsAt = base + 44, pointsAt = partsAt + 4 * nParts
            guard nParts >= 0, nVerts >= 0, pointsAt + 16 * nVerts <= range.upperBound else {
                throw DataError(reportedPath, "record \(i + 1) cannot be read (truncated or damaged .shp)")
            }
            guard nVerts > 0 else { throw DataError(reportedPath, "record \(i + 1) is a polygon with no points") }
            var parts: [Range<Int>] = []
            for p in 0..<nParts {
                let from = Int(littleEndian32(raw, partsAt + 4 * p))
                let to = p + 1 < nParts ? Int(littleEndian32(raw, partsAt + 4 * (p + 1))) : nVerts
                guard from >= 0, from <= to, to <= nVerts else {
                    throw DataError(reportedPath, "record \(i + 1) part \(p + 1) has a bad vertex range")
                }
                parts.append(from..<to)
            }
            return try RingAssembler.rings(parts: parts, vertexCount: nVerts, record: i, reportedPath: reportedPath) { v in
                let at = pointsAt + 16 * v
                return Coordinate(littleEndianDouble(raw, at), littleEndianDouble(raw, at + 8))
            }
        }
    }

    /// The bounding box stored in a polygon record's header, nil for a null or short record.
    static func recordBox(shp: Data, range: Range<Int>) -> BoundingBox? {
        guard range.count >= 36, range.upperBound <= shp.count else { return nil }
        return shp.withUnsafeBytes { raw -> BoundingBox? in
            let base = range.lowerBound
            guard [5, 15, 25].contains(littleEndian32(raw, base)) else { return nil }
            return BoundingBox(minX: littleEndianDouble(raw, base + 4), minY: littleEndianDouble(raw, base + 12),
                               maxX: littleEndianDouble(raw, base + 20), maxY: littleEndianDouble(raw, base + 28))
        }
    }

    static func bigEndian32(_ raw: UnsafeRawBufferPointer, _ at: Int) -> Int32 {
        Int32(bigEndian: raw.loadUnaligned(fromByteOffset: at, as: Int32.self))
    }

    static func littleEndian32(_ raw: UnsafeRawBufferPointer, _ at: Int) -> Int32 {
        Int32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: Int32.self))
    }

    static func littleEndianDouble(_ raw: UnsafeRawBufferPointer, _ at: Int) -> Double {
        Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)))
    }
}

extension ShapefileReader {
    /// The polygons of the records `selection` wants, read from a zipped layer without temporary
    /// files. Only the `.shp` bytes up to the last wanted record are inflated.
    public static func zipGeometries(_ path: String, records selection: GeometrySelection) throws -> [Int: MultiPolygon] {
        if case .none = selection { return [:] }
        return try zipGeometries(try ZipFile(path: path), records: selection)
    }

    static func zipGeometries(_ zip: ZipFile, records selection: GeometrySelection) throws -> [Int: MultiPolygon] {
        let path = zip.path
        let members = zip.memberPaths
        let shpMember = try shapefileMember(zip)
        let stem = String(shpMember.dropLast(4))
        let reported = "\(path)!\(shpMember)"
        guard let shxMember = members.first(where: { $0 == "\(stem).shx" || $0 == "\(stem).SHX" }) else {
            throw DataError.missing("\(stem).shx", "missing (a shapefile needs .shp, .shx and .dbf)")
        }
        let ranges = try ShapefileMemory.recordRanges(shx: try zip.read(shxMember, verifyCRC: false), reportedPath: reported)
        var wanted = ranges.indices.filter { selection.wants($0) }
        let needed = max(100, wanted.map { ranges[$0].upperBound }.max() ?? 0)
        // The catalog's SHA-256 covers Census zips; zlib still rejects a damaged deflate stream.
        let shp = try zip.read(shpMember, verifyCRC: false, prefix: needed)
        let type = try ShapefileMemory.shapeType(shp: shp, reportedPath: reported)
        guard [0, 5, 15, 25].contains(type) else { throw DataError(reported, "shape type \(type) is not polygon") }
        // A record the index places past the end of the .shp is damage, not an empty shape.
        if let bad = wanted.first(where: { ranges[$0].upperBound > shp.count }) {
            throw DataError(reported, "record \(bad + 1) cannot be read: the .shx places it at bytes \(ranges[bad].lowerBound - 8)–\(ranges[bad].upperBound), past the end of the .shp (\(shp.count) bytes)")
        }
        if case let .boxes(test) = selection {
            // Each polygon record carries its box (4 doubles after the shape type): test it
            // before parsing the record.
            wanted = wanted.filter { i in
                guard let box = ShapefileMemory.recordBox(shp: shp, range: ranges[i]) else { return false }
                return test(box)
            }
        }
        var out: [Int: MultiPolygon] = [:]
        out.reserveCapacity(wanted.count)
        for i in wanted {
            out[i] = try ShapefileMemory.polygon(shp: shp, range: ranges[i], record: i, reportedPath: reported)
        }
        return out
    }
}
