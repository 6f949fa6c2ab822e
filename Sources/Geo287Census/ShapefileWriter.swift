import Foundation
import Geo287Core
import Geo287Geometry

/// Writes a polygon shapefile (`.shp`, `.shx`, `.dbf`) into memory, in the layout of the ESRI
/// shapefile technical description: outer rings clockwise, holes counter-clockwise, a record
/// without polygons written as a null shape. Text fields are UTF-8 (pair it with a `.cpg`
/// saying so). The bytes depend only on the input, so the same records give the same files.
public enum ShapefileWriter {
    /// One DBF column: `C` (text, left-aligned) or `N` (number, right-aligned).
    public struct Field: Sendable, Equatable {
        public let name: String
        public let type: Character
        public let width: Int
        public let decimals: Int
        public init(name: String, type: Character, width: Int, decimals: Int = 0) {
            self.name = name; self.type = type; self.width = width; self.decimals = decimals
        }
    }

    public struct Record: Sendable {
        public let geometry: MultiPolygon
        public let values: [String]
        public init(geometry: MultiPolygon, values: [String]) { self.geometry = geometry; self.values = values }
    }

    /// The three files' bytes, keyed by extension (`shp`, `shx`, `dbf`).
    public static func write(fields: [Field], records: [Record]) throws -> [String: Data] {
        // The formats' own limits, checked before any narrowing conversion.
        guard fields.count <= 255, fields.allSatisfy({ (1...254).contains($0.width) && (0...15).contains($0.decimals) }),
              1 + fields.reduce(0, { $0 + $1.width }) <= Int(UInt16.max) else {
            throw DataError("dbf", "field layout exceeds the DBF limits (255 fields, widths 1–254)")
        }
        var shp = ByteWriter(), shx = ByteWriter()
        var box = BoundingBox.empty
        var contents: [ByteWriter] = []
        for r in records {
            contents.append(polygonContent(r.geometry))
            if !r.geometry.polygons.isEmpty { box = box.union(r.geometry.bounds) }
        }
        if box.isEmpty { box = BoundingBox(minX: 0, minY: 0, maxX: 0, maxY: 0) }
        let shpLength = 100 + contents.reduce(0) { $0 + 8 + $1.bytes.count }
        guard shpLength / 2 <= Int(Int32.max), records.count <= Int(Int32.max) / 8 else {
            throw DataError("shp", "\(shpLength) bytes exceed the 4 GB a shapefile can address")
        }
        header(&shp, fileBytes: shpLength, box: box)
        header(&shx, fileBytes: 100 + 8 * records.count, box: box)
        for (i, content) in contents.enumerated() {
            shx.int32BE(Int32(shp.bytes.count / 2))
            shx.int32BE(Int32(content.bytes.count / 2))
            shp.int32BE(Int32(i + 1))
            shp.int32BE(Int32(content.bytes.count / 2))
            shp.bytes += content.bytes
        }
        return ["shp": Data(shp.bytes), "shx": Data(shx.bytes), "dbf": try dbf(fields: fields, records: records)]
    }

    private static func header(_ w: inout ByteWriter, fileBytes: Int, box: BoundingBox) {
        w.int32BE(9994)
        for _ in 0..<5 { w.int32BE(0) }
        w.int32BE(Int32(fileBytes / 2))
        w.int32LE(1000)
        w.int32LE(5)
        for v in [box.minX, box.minY, box.maxX, box.maxY, 0, 0, 0, 0] { w.doubleLE(v) }
    }

    private static func polygonContent(_ geometry: MultiPolygon) -> ByteWriter {
        var w = ByteWriter()
        var rings: [Ring] = []
        for p in geometry.polygons {
            rings.append(p.shell.isClockwise ? p.shell : p.shell.reversed())
            for h in p.holes { rings.append(h.isClockwise ? h.reversed() : h) }
        }
        guard !rings.isEmpty else { w.int32LE(0); return w }
        let b = geometry.bounds
        w.int32LE(5)
        for v in [b.minX, b.minY, b.maxX, b.maxY] { w.doubleLE(v) }
        w.int32LE(Int32(truncatingIfNeeded: rings.count))   // sizes past Int32 are refused by write()
        w.int32LE(Int32(truncatingIfNeeded: rings.reduce(0) { $0 + $1.points.count }))
        var start = 0
        for r in rings { w.int32LE(Int32(truncatingIfNeeded: start)); start += r.points.count }
        for r in rings { for c in r.points { w.doubleLE(c.x); w.doubleLE(c.y) } }
        return w
    }

    private static func dbf(fields: [Field], records: [Record]) throws -> Data {
        var w = ByteWriter()
        let recordLength = 1 + fields.reduce(0) { $0 + $1.width }
        w.bytes += [0x03, 119, 7, 25]   // dBASE III; fixed "last update" date for reproducible bytes
        w.int32LE(Int32(records.count))
        w.int16LE(UInt16(32 + 32 * fields.count + 1))
        w.int16LE(UInt16(recordLength))
        w.bytes += [UInt8](repeating: 0, count: 20)
        for f in fields {
            var name = Array(f.name.utf8.prefix(10))
            name += [UInt8](repeating: 0, count: 11 - name.count)
            w.bytes += name
            w.bytes.append(f.type.asciiValue ?? UInt8(ascii: "C"))
            w.bytes += [0, 0, 0, 0, UInt8(f.width), UInt8(f.decimals)]
            w.bytes += [UInt8](repeating: 0, count: 14)
        }
        w.bytes.append(0x0D)
        for (i, r) in records.enumerated() {
            guard r.values.count == fields.count else {
                throw DataError("dbf", "record \(i + 1) has \(r.values.count) values for \(fields.count) fields")
            }
            w.bytes.append(0x20)
            for (f, v) in zip(fields, r.values) {
                var bytes = Array(v.utf8)
                guard bytes.count <= f.width else {
                    throw DataError("dbf", "record \(i + 1) field \(f.name): \(bytes.count) bytes do not fit width \(f.width)")
                }
                let pad = [UInt8](repeating: 0x20, count: f.width - bytes.count)
                bytes = f.type == "N" ? pad + bytes : bytes + pad
                w.bytes += bytes
            }
        }
        w.bytes.append(0x1A)
        return Data(w.bytes)
    }
}

/// Little helper for building binary files.
struct ByteWriter {
    var bytes: [UInt8] = []
    mutating func int32BE(_ v: Int32) { withUnsafeBytes(of: v.bigEndian) { bytes += $0 } }
    mutating func int32LE(_ v: Int32) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
    mutating func int16LE(_ v: UInt16) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
    mutating func doubleLE(_ v: Double) { withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes += $0 } }
}
