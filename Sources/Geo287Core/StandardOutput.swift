import Foundation

/// Standard output and standard error written with `write(2)`, never through Foundation's
/// `FileHandle.write`, which traps when the stream is full, closed or a broken pipe. A failed
/// write of standard output is a `DataError` of kind `.io` ("standard output: No space left on
/// device"), so the command ends with its one error line and a non-zero exit.
public enum StandardOutput {
    /// Call once at start-up: SIGPIPE is ignored (a closed pipe becomes EPIPE, reported), and a
    /// standard stream the shell closed (`>&-`) is pointed at /dev/null so no file the program
    /// opens can take its descriptor; writing the output then fails as "standard output is closed".
    public static func prepare() {
        signal(SIGPIPE, SIG_IGN)
        for fd: Int32 in [1, 2] where fcntl(fd, F_GETFD) == -1 {
            closed.insert(fd)
            let null = open("/dev/null", O_RDWR)
            if null >= 0, null != fd { dup2(null, fd); close(null) }
        }
    }

    /// The standard streams found closed at start-up. Written only by `prepare()`, once, before
    /// the command runs and before any other thread exists; read-only afterwards.
    nonisolated(unsafe) private static var closed: Set<Int32> = []

    /// Writes all of `bytes` to standard output or throws.
    public static func write(_ bytes: [UInt8]) throws {
        if closed.contains(1) { throw DataError.io("standard output", "is closed; nothing written") }
        if let failure = writeAll(1, bytes) { throw DataError.io("standard output", failure) }
    }

    public static func write(_ text: String) throws { try write(Array(text.utf8)) }

    public static func write(_ data: Data) throws { try write([UInt8](data)) }

    /// Standard error, best effort (there is nowhere left to report its own failure).
    public static func error(_ text: String) {
        if closed.contains(2) { return }
        _ = writeAll(2, Array(text.utf8))
    }

    /// Writes all of `bytes` to the open descriptor `fd` (retrying short writes and EINTR):
    /// nil on success, else the system's reason. Also for files a command streams into.
    public static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBytes { writeAll(fd, $0) }
    }

    /// `writeAll` from raw bytes (`StreamingFile`, `AtomicFile.writeUnsynced`).
    public static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> String? {
        guard let base = bytes.baseAddress else { return nil }
        var offset = 0
        while offset < bytes.count {
            let n = Foundation.write(fd, base + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            if n == 0 { return String(cString: strerror(EIO)) }
            offset += n
        }
        return nil
    }
}
