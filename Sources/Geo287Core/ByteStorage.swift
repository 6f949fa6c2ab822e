import Foundation

/// Bytes at a stable address that `BinaryReader` reads: a file mapped read-only (a derived
/// cache entry) or a copy of an array. A large table decoded from it can stay where it is
/// (`NumberTable`), keeping the storage alive, instead of being copied out.
///
/// A mapped file must not be cut shorter while it is mapped (reading past its new end would
/// stop the process): the derived cache never does that, it replaces an entry by renaming a
/// new file over it, which leaves a mapping of the old one whole.
public final class ByteStorage: @unchecked Sendable {
    // @unchecked: the bytes are never written after init, and freed only in deinit.
    public let bytes: UnsafeRawBufferPointer
    private let mappedLength: Int   // > 0: munmap this many bytes; 0: deallocate

    /// A copy of `source`, 16-byte aligned.
    public convenience init(copying source: UnsafeRawBufferPointer) {
        self.init(count: source.count) { $0.copyMemory(from: source) }
    }

    /// A copy of `source`, 16-byte aligned.
    public convenience init(copying source: [UInt8]) {
        self.init(count: source.count) { target in source.withUnsafeBytes { target.copyMemory(from: $0) } }
    }

    init(count: Int, fill: (UnsafeMutableRawBufferPointer) -> Void) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 16)
        fill(buffer)
        bytes = UnsafeRawBufferPointer(buffer)
        mappedLength = 0
    }

    private init(mapped: UnsafeRawBufferPointer) {
        bytes = mapped
        mappedLength = mapped.count
    }

    /// The regular file at `path`, mapped read-only (its pages read in at once), or read into a
    /// copy where the file system cannot map it; nil when it cannot be opened or read, or is not
    /// a regular file.
    public static func mapping(file path: String) -> ByteStorage? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size >= 0 else { return nil }
        let size = Int(st.st_size)
        guard size > 0 else { return ByteStorage(copying: []) }
        #if os(Linux)
        let flags = MAP_PRIVATE | MAP_POPULATE
        #else
        let flags = MAP_PRIVATE
        #endif
        guard let base = mmap(nil, size, PROT_READ, flags, fd, 0), base != MAP_FAILED else { return reading(fd, size: size) }
        return ByteStorage(mapped: UnsafeRawBufferPointer(start: base, count: size))
    }

    /// `size` bytes of the open file `fd` read into a copy; nil on a read error or a short file.
    static func reading(_ fd: Int32, size: Int) -> ByteStorage? {
        var complete = true
        let storage = ByteStorage(count: size) { buffer in
            guard let base = buffer.baseAddress else { return }
            var done = 0
            while done < size {
                let n = read(fd, base + done, size - done)
                if n < 0, errno == EINTR { continue }
                if n <= 0 { complete = false; return }
                done += n
            }
        }
        return complete ? storage : nil
    }

    deinit {
        if mappedLength > 0 {
            munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), mappedLength)
        } else {
            bytes.deallocate()
        }
    }
}

/// A table of fixed-width numbers read in place from a `ByteStorage` (no copy: it keeps the
/// storage alive), or made from an array. Immutable, so threads share it.
public struct NumberTable<Element: BitwiseCopyable>: @unchecked Sendable {
    // @unchecked: `elements` points into `storage`, which is immutable and kept alive here.
    public let elements: UnsafeBufferPointer<Element>
    /// What holds the elements (a decoded table: the reader's storage, unless it was copied).
    public let storage: ByteStorage

    /// A copy of `array`.
    public init(_ array: [Element]) {
        let storage = ByteStorage(count: array.count * MemoryLayout<Element>.stride) { target in
            array.withUnsafeBytes { target.copyMemory(from: $0) }
        }
        self.init(storage, byteOffset: 0, count: array.count)
    }

    /// `count` elements from byte `byteOffset` of `storage`, which must hold them, aligned.
    init(_ storage: ByteStorage, byteOffset: Int, count: Int) {
        self.storage = storage
        let start = storage.bytes.baseAddress.map { ($0 + byteOffset).bindMemory(to: Element.self, capacity: count) }
        elements = UnsafeBufferPointer(start: count > 0 ? start : nil, count: count)
    }

    public var count: Int { elements.count }
    public var isEmpty: Bool { elements.isEmpty }

    @inline(__always)
    public subscript(i: Int) -> Element { elements[i] }

    public var array: [Element] { Array(elements) }
}
