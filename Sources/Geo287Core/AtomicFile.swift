import Foundation

/// Writes files atomically: the bytes go to a temporary file in the target's folder, which
/// is then renamed over the target, so readers never see a half-written output.
///
/// Targets: a regular file is replaced; a folder, a device, a FIFO or a socket is refused
/// (nothing is written); a symbolic link is followed and the file it points to is replaced
/// (the link stays a link); a dangling link is refused.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws {
        try write(to: path) { tmp in try data.write(to: tmp) }
    }

    /// `bytes` written as `write(_:to:)` writes, by plain POSIX calls and without waiting for
    /// the disk (no fsync): for files whose reader checks them and rebuilds a damaged one
    /// (`DerivedCache` entries), where a crash may lose the file but never leaves a wrong one in use.
    public static func writeUnsynced(_ bytes: [UInt8], to path: String) throws {
        try write(to: path) { tmp in try writePlain(bytes, at: tmp.path, name: path) }
    }

    /// Creates (or empties) the file at `path` and writes `bytes` by plain POSIX calls, not
    /// atomically and without fsync (a temporary file, a scratch copy); errors name `name`.
    public static func writePlain(_ bytes: [UInt8], at path: String, name: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw DataError.io(name, "cannot create (\(String(cString: strerror(errno))))") }
        var failure = StandardOutput.writeAll(fd, bytes)
        if close(fd) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
        if let failure { throw DataError.io(name, "cannot write (\(failure))") }
    }

    /// Lets `produce` write the file at a temporary URL beside `path`, then renames it into
    /// place; on any failure the temporary file is removed and `path` is left as it was.
    public static func write(to path: String, produce: (URL) throws -> Void) throws {
        let path = try target(path)
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        } catch {
            throw DataError.io(dir.path, "cannot create folder (\(error.localizedDescription))")
        }
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        try? FileManager.default.removeItem(at: tmp)
        do {
            try produce(tmp)
            if rename(tmp.path, url.path) != 0 {
                throw DataError.io(path, "cannot rename temporary file into place (errno \(errno))")
            }
        } catch let e as DataError {
            try? FileManager.default.removeItem(at: tmp)
            throw e
        } catch {
            try? FileManager.default.removeItem(at: tmp)
            throw DataError.io(path, "cannot write (\(error.localizedDescription))")
        }
    }

    /// The file to replace for `path`: itself, or where its symbolic link points.
    public static func target(_ path: String) throws -> String {
        var st = stat()
        guard lstat(path, &st) == 0 else { return path }   // a new file
        var resolved = path
        if st.st_mode & S_IFMT == S_IFLNK {
            guard let real = realpath(path, nil) else {
                throw DataError.io(path, "is a symbolic link to nothing; refused (give the real path)")
            }
            resolved = String(cString: real)
            free(real)
        }
        switch InputFile.kind(resolved) {
        case .regular, .missing: return resolved
        case .folder: throw DataError.io(path, "is a folder; give a file name")
        case .special(let what): throw DataError.io(path, "is \(what); refused (outputs are written only to regular files)")
        }
    }
}
