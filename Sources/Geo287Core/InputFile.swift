import Foundation

/// The one way geo287 opens a file someone hands it: only regular files are read (a FIFO, a
/// device, a socket or a folder is refused before anything is opened, so nothing blocks), and
/// a file larger than the reader's documented limit is refused before a byte is allocated.
/// Every refusal is one line naming the file and, for size, the limit.
public enum InputFile {
    /// What a path is, from `stat` (symbolic links followed).
    public enum Kind: Equatable, Sendable {
        case missing, regular, folder, special(String)
    }

    public static func kind(_ path: String) -> Kind {
        var st = stat()
        guard stat(path, &st) == 0 else { return .missing }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .folder
        case S_IFIFO: return .special("a FIFO (named pipe)")
        case S_IFCHR: return .special("a character device")
        case S_IFBLK: return .special("a block device")
        case S_IFSOCK: return .special("a socket")
        default: return .special("not a regular file")
        }
    }

    /// Throws unless `path` is a regular file; returns its size in bytes.
    @discardableResult
    public static func check(_ path: String) throws -> Int {
        switch kind(path) {
        case .missing: throw DataError.missing(path, "file not found")
        case .folder: throw DataError(path, "is a folder, not a file")
        case .special(let what): throw DataError(path, "is \(what), not a regular file; refused")
        case .regular:
            var st = stat()
            guard stat(path, &st) == 0 else { throw DataError.unreadable(path) }
            return Int(st.st_size)
        }
    }

    /// The bytes of a regular file of at most `limit` bytes; `what` names the kind of file in
    /// the message (`"an ICE sheet (CSV)"`).
    public static func read(_ path: String, limit: Int, what: String) throws -> [UInt8] {
        let size = try check(path)
        if size > limit { throw tooLarge(path, size: size, limit: limit, what: what) }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw DataError.unreadable(path) }
        defer { try? handle.close() }
        let data: Data
        // One byte past the limit, so a file that grew after `stat` is still caught.
        do { data = try handle.read(upToCount: limit + 1) ?? Data() } catch { throw DataError.io(path, "read failed (\(error.localizedDescription))") }
        if data.count > limit { throw tooLarge(path, size: data.count, limit: limit, what: what) }
        return [UInt8](data)
    }

    static func tooLarge(_ path: String, size: Int, limit: Int, what: String) -> DataError {
        DataError(path, "is \(size) bytes, over the \(limit)-byte limit for \(what)")
    }
}
