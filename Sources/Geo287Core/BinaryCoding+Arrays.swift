/// Arrays of fixed-size numbers in one copy each way (little-endian, like the rest of
/// `BinaryWriter`): a count, then the elements' bytes. For large tables (an index's vertices),
/// where encoding element by element would cost more than building the table.
extension BinaryWriter {
    public mutating func int32s(_ v: [Int32]) { fixedWidth(v) }
    public mutating func doubles(_ v: [Double]) { fixedWidth(v.map(\.bitPattern)) }

    private mutating func fixedWidth<T: FixedWidthInteger>(_ v: [T]) {
        int(v.count)
        #if _endian(little)
        v.withUnsafeBytes { raw(Array($0)) }
        #else
        raw(v.flatMap { e in withUnsafeBytes(of: e.littleEndian) { Array($0) } })
        #endif
    }
}

extension BinaryReader {
    public mutating func int32s() throws -> [Int32] {
        #if _endian(little)
        return try copied(Int32.self)
        #else
        return try copied(Int32.self).map { Int32(littleEndian: $0) }
        #endif
    }

    public mutating func doubles() throws -> [Double] {
        #if _endian(little)
        return try copied(Double.self)
        #else
        return try copied(UInt64.self).map { Double(bitPattern: UInt64(littleEndian: $0)) }
        #endif
    }

    /// A count, then that many elements' bytes copied as they are.
    private mutating func copied<T: BitwiseCopyable>(_ type: T.Type) throws -> [T] {
        let size = MemoryLayout<T>.stride
        let n = try count(minimumElementSize: size)
        let bytes = try raw(n * size)
        return [T](unsafeUninitializedCapacity: n) { buffer, count in
            bytes.withUnsafeBytes { source in
                if let target = buffer.baseAddress, let from = source.baseAddress {
                    UnsafeMutableRawPointer(target).copyMemory(from: from, byteCount: n * size)
                }
            }
            count = n
        }
    }
}
