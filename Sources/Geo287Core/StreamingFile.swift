import Foundation

/// A file written front to back in large pieces, past the page cache where the file system
/// allows it (Linux `O_DIRECT`): the bytes are staged in one aligned buffer and written a few
/// MB at a time, the last block padded and the file cut back to its length on `close`. A
/// gigabyte panel then costs the disk's time, not a copy into a gigabyte of fresh cache pages
/// (on a virtual machine whose memory is backed on first touch, that copy was most of writing
/// it). Where direct writes are refused (tmpfs, some network file systems), or one fails with
/// `EINVAL`, the rest is written through the page cache as usual. One writer at a time (the
/// caller's thread or worker); errors name `name`.
public final class StreamingFile: @unchecked Sendable {
    // @unchecked: used by one thread at a time (a writer thread hands it nothing).
    public let name: String
    private let fd: Int32
    /// Whether blocks still go out directly (`false` once refused).
    private(set) var direct: Bool
    private let staging: UnsafeMutableRawPointer
    private var staged = 0
    /// Bytes given to `write`, and bytes of them written to the file.
    private var length = 0
    private var flushed = 0
    /// Whether the file was opened for direct writes (whose padding `close` cuts off).
    private let openedDirect: Bool
    private var closed = false

    /// Block alignment of direct writes (offsets, sizes and the buffer's address).
    static let alignment = 4096
    static let stagingBytes = 4 << 20

    /// `O_DIRECT`, which Swift's Glibc does not export (its value depends on the architecture).
    private static let directFlag: Int32 = {
        #if os(Linux) && (arch(x86_64) || arch(i386))
        return 0o40000
        #elseif os(Linux) && (arch(arm64) || arch(arm))
        return 0o200000
        #else
        return 0
        #endif
    }()

    /// Creates (or empties) the file at `path`, named `name` in errors (the output a temporary
    /// file stands for; `path` itself by default); `direct: false` writes through the cache (tests).
    public init(path: String, name: String? = nil, direct wanted: Bool = true) throws {
        self.name = name ?? path
        let flags = O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC
        var fd: Int32 = -1
        if wanted && Self.directFlag != 0 { fd = open(path, flags | Self.directFlag, 0o666) }
        direct = fd >= 0
        openedDirect = direct
        if fd < 0 { fd = open(path, flags, 0o666) }
        guard fd >= 0 else { throw DataError.io(self.name, "cannot create file (\(String(cString: strerror(errno))))") }
        self.fd = fd
        staging = UnsafeMutableRawPointer.allocate(byteCount: Self.stagingBytes, alignment: Self.alignment)
    }

    deinit {
        if !closed { Foundation.close(fd) }
        staging.deallocate()
    }

    /// Appends `bytes`.
    public func write(_ bytes: [UInt8]) throws { try bytes.withUnsafeBytes { try write($0) } }

    /// Appends `bytes`.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard let base = bytes.baseAddress else { return }
        length += bytes.count
        guard direct else { return try writeAll(UnsafeRawBufferPointer(start: base, count: bytes.count)) }
        var done = 0
        while done < bytes.count {
            let n = min(bytes.count - done, Self.stagingBytes - staged)
            (staging + staged).copyMemory(from: base + done, byteCount: n)
            staged += n
            done += n
            if staged == Self.stagingBytes { try flush() }
        }
    }

    /// Writes what is staged and closes the file.
    public func close() throws {
        guard !closed else { return }
        closed = true
        var failure: (any Error)?
        do {
            try flush()
            if openedDirect, ftruncate(fd, off_t(length)) != 0 { throw DataError.io(name, "cannot set the file's length (\(String(cString: strerror(errno))))") }
        } catch {
            failure = error
        }
        if Foundation.close(fd) != 0, failure == nil { failure = DataError.io(name, "cannot close (\(String(cString: strerror(errno))))") }
        if let failure { throw failure }
    }

    /// Writes the staged bytes: directly, the last block zero-padded (`close` cuts the file
    /// back to its length), or through the cache once direct writes are off. A direct write
    /// refused (`EINVAL`) or cut short turns them off, and the staged bytes are written again
    /// from where that write began.
    private func flush() throws {
        guard staged > 0 else { return }
        defer { staged = 0 }
        if direct {
            let size = (staged + Self.alignment - 1) / Self.alignment * Self.alignment
            (staging + staged).initializeMemory(as: UInt8.self, repeating: 0, count: size - staged)
            let n = Foundation.write(fd, staging, size)
            if n == size {
                flushed += staged
                return
            }
            guard n >= 0 || errno == EINVAL || errno == EINTR else { throw DataError.io(name, "cannot write (\(String(cString: strerror(errno))))") }
            direct = false
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~Self.directFlag)
            guard lseek(fd, off_t(flushed), SEEK_SET) >= 0 else { throw DataError.io(name, "cannot seek (\(String(cString: strerror(errno))))") }
        }
        try writeAll(UnsafeRawBufferPointer(start: staging, count: staged))
        flushed += staged
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        if let failure = StandardOutput.writeAll(fd, bytes) { throw DataError.io(name, "cannot write (\(failure))") }
    }
}
