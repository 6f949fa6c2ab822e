/// Thrift's compact protocol, the encoding of Parquet's page headers and file footer, written
/// by hand (only what Parquet needs: structs, i32/i64, binary, booleans, lists).
///
/// A field header is one byte `(delta << 4) | type` when the field id is 1–15 above the previous
/// field of the same struct (else the type byte and the id as a zigzag varint); integers are
/// zigzag varints; binary is a varint length and the bytes; a list header is `(size << 4) | type`
/// below 15 elements (else `0xF0 | type` and a varint size); a struct ends with a 0 byte.
struct ThriftCompactWriter {
    enum FieldType: UInt8 {
        case booleanTrue = 1, booleanFalse = 2, i32 = 5, i64 = 6, binary = 8, list = 9, structure = 12
    }

    private(set) var bytes: [UInt8] = []
    /// The last field id of each open struct.
    private var lastField: [Int16] = [0]

    init() {}

    mutating func fieldHeader(_ id: Int16, _ type: FieldType) {
        let previous = lastField[lastField.count - 1]
        let delta = Int(id) - Int(previous)
        if delta > 0, delta <= 15 {
            bytes.append(UInt8(delta) << 4 | type.rawValue)
        } else {
            bytes.append(type.rawValue)
            varint(zigzag(Int64(id)))
        }
        lastField[lastField.count - 1] = id
    }

    mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(truncatingIfNeeded: v))
    }

    func zigzag(_ v: Int64) -> UInt64 { UInt64(bitPattern: (v << 1) ^ (v >> 63)) }

    mutating func i32(_ id: Int16, _ value: Int32) {
        fieldHeader(id, .i32)
        varint(zigzag(Int64(value)))
    }

    mutating func i64(_ id: Int16, _ value: Int64) {
        fieldHeader(id, .i64)
        varint(zigzag(value))
    }

    mutating func bool(_ id: Int16, _ value: Bool) { fieldHeader(id, value ? .booleanTrue : .booleanFalse) }

    mutating func binary(_ id: Int16, _ value: [UInt8]) {
        fieldHeader(id, .binary)
        rawBinary(value)
    }

    mutating func string(_ id: Int16, _ value: String) { binary(id, Array(value.utf8)) }

    mutating func rawBinary(_ value: [UInt8]) {
        varint(UInt64(value.count))
        bytes += value
    }

    /// A struct field: `body` writes its fields.
    mutating func structure(_ id: Int16, _ body: (inout ThriftCompactWriter) -> Void) {
        fieldHeader(id, .structure)
        structBody(body)
    }

    /// The fields of a struct and its stop byte (a list element, or the top-level struct).
    mutating func structBody(_ body: (inout ThriftCompactWriter) -> Void) {
        lastField.append(0)
        body(&self)
        bytes.append(0)
        lastField.removeLast()
    }

    mutating func listHeader(_ id: Int16, count: Int, of type: FieldType) {
        fieldHeader(id, .list)
        if count < 15 {
            bytes.append(UInt8(count) << 4 | type.rawValue)
        } else {
            bytes.append(0xF0 | type.rawValue)
            varint(UInt64(count))
        }
    }

    mutating func structList<T>(_ id: Int16, _ items: [T], _ body: (inout ThriftCompactWriter, T) -> Void) {
        listHeader(id, count: items.count, of: .structure)
        for item in items { structBody { body(&$0, item) } }
    }

    mutating func i32List(_ id: Int16, _ items: [Int32]) {
        listHeader(id, count: items.count, of: .i32)
        for v in items { varint(zigzag(Int64(v))) }
    }

    mutating func stringList(_ id: Int16, _ items: [String]) {
        listHeader(id, count: items.count, of: .binary)
        for s in items { rawBinary(Array(s.utf8)) }
    }
}
