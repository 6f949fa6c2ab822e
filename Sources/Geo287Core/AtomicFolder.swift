import Foundation

/// Publishes a set of files as one folder, all or nothing: the files are written into a
/// hidden folder beside the target (`.<name>.tmp-<pid>`), then, holding an exclusive `flock`
/// on the parent folder, the old folder is renamed away and the new one renamed into place.
/// Readers see the old set or the new set, never a mix; a failure (a full disk, a bad path)
/// leaves the target as it was; of two concurrent runs, the later one's set wins whole.
///
/// A file's name may be a relative path (`states/FL.html`): its folders are created in the set.
/// The target must be absent, or a folder holding only entries of the set (a previous run's
/// files and top-level folders): anything else in it would be deleted by the swap, so it is refused.
public enum AtomicFolder {
    public static func publish(_ files: [(name: String, data: Data)], to folder: String) throws {
        let set = try Staging(to: folder, names: files.map(\.name))
        for f in files { try set.write(f.name, f.data) }
        try set.publish()
    }

    /// An output set being written: files go into the hidden folder (`write`, or streamed to
    /// `url(_:)`), then `publish()` swaps the set into place. Dropped unpublished, it leaves
    /// nothing behind.
    public final class Staging {
        private let folder: String
        private let target: URL
        private let parent: URL
        private let tmp: URL
        private let names: Set<String>

        /// `names`: every file of the set (checked now: plain relative paths).
        public init(to folder: String, names files: [String]) throws {
            self.folder = folder
            target = URL(fileURLWithPath: folder).standardizedFileURL
            parent = target.deletingLastPathComponent()
            for name in files {
                let parts = name.split(separator: "/", omittingEmptySubsequences: false)
                if name.isEmpty || name.hasPrefix("/") || parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) {
                    throw DataError.io(folder, "output name '\(name)' is not a plain relative path; nothing published")
                }
            }
            names = Set(files.map { String($0.split(separator: "/").first ?? "") })
            try checkTarget(target.path, allowed: names)
            do {
                try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            } catch {
                throw DataError.io(parent.path, "cannot create folder (\(error.localizedDescription))")
            }
            tmp = parent.appendingPathComponent(".\(target.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
            try writing { try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: false) }
        }

        deinit { try? FileManager.default.removeItem(at: tmp) }

        /// Where file `name` of the set is written (its folders created).
        public func url(_ name: String) throws -> URL {
            let url = tmp.appendingPathComponent(name)
            if name.contains("/") {
                try writing { try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true) }
            }
            return url
        }

        public func write(_ name: String, _ data: Data) throws {
            let url = try url(name)
            try writing { try data.write(to: url) }
        }

        /// Runs `body`, a write into the set; its failure is this set's failure.
        public func writing<T>(_ body: () throws -> T) throws -> T {
            do {
                return try body()
            } catch let e as DataError {
                throw e
            } catch {
                throw DataError.io(folder, "cannot write the output set, nothing published (\(error.localizedDescription))")
            }
        }

        /// Swaps the set into place, under an exclusive lock on the parent folder.
        public func publish() throws {
            let old = parent.appendingPathComponent(".\(target.lastPathComponent).old-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
            let (target, tmp, folder, names) = (self.target, self.tmp, self.folder, self.names)
            try withLock(on: parent.path) {
                try checkTarget(target.path, allowed: names)   // again, now that no other run can swap
                let hadOld = rename(target.path, old.path) == 0
                if !hadOld && errno != ENOENT {
                    throw DataError.io(folder, "cannot move the previous output aside (\(String(cString: strerror(errno))))")
                }
                if rename(tmp.path, target.path) != 0 {
                    let reason = String(cString: strerror(errno))
                    if hadOld { _ = rename(old.path, target.path) }
                    throw DataError.io(folder, "cannot rename the new output into place (\(reason))")
                }
                if hadOld { try? FileManager.default.removeItem(at: old) }
            }
        }
    }

    static func checkTarget(_ path: String, allowed: Set<String>) throws {
        switch InputFile.kind(path) {
        case .missing: return
        case .regular, .special: throw DataError.io(path, "is not a folder; give a folder for the output set")
        case .folder:
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            if let other = names.sorted().first(where: { !allowed.contains($0) }) {
                throw DataError.io(path, "holds '\(other)', which is not an output of this command; the folder is replaced as a whole, so give a new or a previous output folder")
            }
        }
    }

    /// Runs `body` holding an exclusive lock on `folder` (released when the process dies).
    static func withLock(on folder: String, _ body: () throws -> Void) throws {
        let fd = open(folder, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else { throw DataError.io(folder, "cannot open to lock (\(String(cString: strerror(errno))))") }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR { throw DataError.io(folder, "cannot lock (\(String(cString: strerror(errno))))") }
        }
        defer { flock(fd, LOCK_UN) }
        try body()
    }
}
