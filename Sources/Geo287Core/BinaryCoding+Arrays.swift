/// Arrays of fixed-size numbers in one copy each way (little-endian, like the rest of
/// `BinaryWriter`): a count, then the elements' bytes. For large tables (an index's vertices),
/// where encoding element by element would cost more than building the table.
extension BinaryWriter {
    public mutating func int32s(_ v: [Int32]) { fixedWidth(v) }
    public mutating func doubles(_ v: [Double]) { fixedWidth(v.map(\.bitPattern)) }

    /// A table read back in place (`BinaryReader.table`): a count, zero bytes up to a multiple
    /// of 8 from the start, then the elements' bytes. In place, the reader's storage must start
    /// 8-aligned where this writer started (a `DerivedCache` entry's payload does).
    public mutating func table(_ v: NumberTable<Int32>) { aligned(v) }
    public mutating func table(_ v: NumberTable<Double>) { aligned(v) }

    private mutating func aligned<T: BitwiseCopyable>(_ v: NumberTable<T>) {
        int(v.count)
        align(to: 8)
        raw(UnsafeRawBufferPointer(v.elements))   // the machine's byte order: a cache entry stays on its machine
    }

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

    /// A table written by `BinaryWriter.table`, in place in `storage` (no copy) when aligned
    /// there, else copied.
    public mutating func table(_ type: Int32.Type) throws -> NumberTable<Int32> { try inPlace(type) }
    public mutating func table(_ type: Double.Type) throws -> NumberTable<Double> { try inPlace(type) }

    private mutating func inPlace<T: BitwiseCopyable>(_ type: T.Type) throws -> NumberTable<T> {
        let size = MemoryLayout<T>.stride
        let n = try int()
        try align(to: 8)
        guard n >= 0, n <= (storage.bytes.count - offset) / size else { throw Damaged("bad count \(n) at byte \(offset)") }
        let start = offset
        let bytes = try raw(n * size)
        let aligned = bytes.baseAddress.map { Int(bitPattern: $0) % MemoryLayout<T>.alignment == 0 } ?? true
        if aligned { return NumberTable(storage, byteOffset: start, count: n) }
        return NumberTable([T](unsafeUninitializedCapacity: n) { buffer, count in
            if let target = buffer.baseAddress, let from = bytes.baseAddress {
                UnsafeMutableRawPointer(target).copyMemory(from: from, byteCount: n * size)
            }
            count = n
        })
    }

    /// A count, then that many elements' bytes copied as they are.
    private mutating func copied<T: BitwiseCopyable>(_ type: T.Type) throws -> [T] {
        let size = MemoryLayout<T>.stride
        let n = try count(minimumElementSize: size)
        let bytes = try raw(n * size)
        return [T](unsafeUninitializedCapacity: n) { buffer, count in
            if let target = buffer.baseAddress, let from = bytes.baseAddress {
                UnsafeMutableRawPointer(target).copyMemory(from: from, byteCount: n * size)
            }
            count = n
        }
    }
}
