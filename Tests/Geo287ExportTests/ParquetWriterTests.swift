import Foundation
@testable import Geo287Export
import Geo287Geometry
import Testing

@Suite struct ParquetWriterTests {
    @Test func thriftCompactFieldHeadersAndVarints() {
        var t = ThriftCompactWriter()
        t.structBody { s in
            s.i32(1, 0)          // delta 1, type i32: 0x15, zigzag(0) = 0
            s.i64(3, -1)         // delta 2, type i64: 0x26, zigzag(-1) = 1
            s.string(20, "ab")   // delta 17 > 15: type byte 0x08, zigzag(20) = 40, length 2
            s.i32(21, 300)       // delta 1: 0x15, zigzag(300) = 600 = 0xD8 0x04
        }
        #expect(t.bytes == [0x15, 0x00, 0x26, 0x01, 0x08, 40, 2, 0x61, 0x62, 0x15, 0xD8, 0x04, 0x00])
    }

    @Test func wkbOfASquare() {
        let square = MultiPolygon([Polygon(shell: Ring([Coordinate(0, 0), Coordinate(1, 0), Coordinate(1, 1), Coordinate(0, 1)]))])
        let wkb = WKB.multiPolygon(square)
        // 1+4+4 (multi) + 1+4+4 (polygon) + 4 (ring count of points) + 5 points × 16
        #expect(wkb.count == 9 + 9 + 4 + 80)
        #expect(Array(wkb.prefix(9)) == [1, 6, 0, 0, 0, 1, 0, 0, 0])
        #expect(Array(wkb[9..<22]) == [1, 3, 0, 0, 0, 1, 0, 0, 0, 5, 0, 0, 0])
    }

    @Test func fileFrameAndFooterLength() throws {
        let data = try [UInt8](ParquetWriter(columns: [ParquetColumn("x", .int64([1, 2, nil]), nullable: true)], rowGroupRows: 2)
            .data(name: "t.parquet"))
        #expect(Array(data.prefix(4)) == Array("PAR1".utf8))
        #expect(Array(data.suffix(4)) == Array("PAR1".utf8))
        let n = data.count
        let footer = Int(data[n - 8]) | Int(data[n - 7]) << 8 | Int(data[n - 6]) << 16 | Int(data[n - 5]) << 24
        #expect(footer > 0 && footer < n - 12)
    }

    @Test func refusesANullInARequiredColumn() {
        #expect(throws: (any Error).self) {
            try ParquetWriter(columns: [ParquetColumn("agency", .string(["a", nil]))], rowGroupRows: 8).data(name: "t.parquet")
        }
    }
}
