/// The bytes of one data page (format v1, PLAIN encoding, uncompressed) for rows `range` of a
/// column: for an OPTIONAL column, its definition levels (RLE/bit-packed hybrid, bit width 1,
/// as bit-packed groups of 8, after a 4-byte length), then the values that are present, PLAIN:
/// BYTE_ARRAY as a 4-byte little-endian length and the bytes, INT32/INT64/DOUBLE as
/// little-endian, BOOLEAN bit-packed from the low bit.
enum ParquetPage {
    static func body(_ column: ParquetColumn, rows range: Range<Int>) -> [UInt8] {
        var out: [UInt8] = []
        if column.nullable {
            var levels: [UInt8] = []
            let groups = (range.count + 7) / 8
            var header = ThriftCompactWriter()
            header.varint(UInt64(groups) << 1 | 1)
            levels += header.bytes
            var byte: UInt8 = 0
            for (k, i) in range.enumerated() {
                if column.values.isPresent(i) { byte |= 1 << UInt8(k % 8) }
                if k % 8 == 7 { levels.append(byte); byte = 0 }
            }
            if range.count % 8 != 0 { levels.append(byte) }
            littleEndian(UInt32(levels.count), into: &out)
            out += levels
        }
        switch column.values {
        case let .string(v):
            for i in range { if let s = v[i] { byteArray(Array(s.utf8), into: &out) } }
        case let .binary(v):
            for i in range { if let b = v[i] { byteArray(b, into: &out) } }
        case let .int64(v):
            for i in range { if let x = v[i] { littleEndian(UInt64(bitPattern: x), into: &out) } }
        case let .date(v):
            for i in range { if let x = v[i] { littleEndian(UInt32(bitPattern: x), into: &out) } }
        case let .double(v):
            for i in range { if let x = v[i] { littleEndian(x.bitPattern, into: &out) } }
        case let .boolean(v):
            var byte: UInt8 = 0, k = 0
            for i in range {
                guard let x = v[i] else { continue }
                if x { byte |= 1 << UInt8(k % 8) }
                k += 1
                if k % 8 == 0 { out.append(byte); byte = 0 }
            }
            if k % 8 != 0 { out.append(byte) }
        }
        return out
    }

    static func byteArray(_ b: [UInt8], into out: inout [UInt8]) {
        littleEndian(UInt32(truncatingIfNeeded: b.count), into: &out)
        out += b
    }

    static func littleEndian<T: FixedWidthInteger>(_ v: T, into out: inout [UInt8]) {
        withUnsafeBytes(of: v.littleEndian) { out += $0 }
    }
}
