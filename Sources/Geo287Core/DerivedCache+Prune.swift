import Foundation

extension DerivedCache {
    /// What `prune` removed.
    public struct Pruned: Sendable, Equatable {
        public var entries = 0
        public var bytes = 0
        public init() {}
    }

    /// Removes from the cache folder what no run can read again, so it does not grow without
    /// end: entries of another table format or with a damaged header; entries one of whose
    /// input files no longer exists; entries made by another geo287 build (another version or
    /// executable: a rebuilt or upgraded binary never reads them) that were not written for
    /// `otherBuildsAge` seconds (another build installed beside this one keeps its entries
    /// meanwhile); temporary files of writes that did not finish, a day old. Files that are not
    /// the cache's own are left alone. Safe while other processes use the cache: a reader keeps
    /// a removed file open, and a writer renames a whole new file into place.
    public func prune(otherBuildsAge: TimeInterval = 14 * 86_400, now: Date = Date()) -> Pruned {
        var pruned = Pruned()
        guard let folder, let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return pruned }
        let build = DerivedCacheEntry.buildLines
        for name in names.sorted() {
            let path = folder + "/" + name
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  attributes[.type] as? FileAttributeType == .typeRegular else { continue }
            let age = now.timeIntervalSince((attributes[.modificationDate] as? Date) ?? now)
            let remove: Bool
            if DerivedCacheEntry.isEntryName(name) {
                switch DerivedCacheEntry.header(path) {
                case nil:
                    remove = true
                case let header?:
                    let otherBuild = !build.allSatisfy(header.keyLines.contains)
                    remove = (otherBuild && age > otherBuildsAge)
                        || header.inputs.contains { DerivedCacheEntry.Input.statKey($0) == nil }
                }
            } else {
                remove = DerivedCacheEntry.isTemporaryName(name) && age > 86_400
            }
            guard remove else { continue }
            let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
            if unlink(path) == 0 {
                pruned.entries += 1
                pruned.bytes += size
            }
        }
        return pruned
    }
}

extension DerivedCacheEntry {
    /// The key lines naming the build that writes an entry (see `DerivedCache.value`).
    static var buildLines: [String] { ["geo287 \(Geo287Version.string)", executableIdentity] }

    /// `KIND-KEY.bin`: a lowercase kind, a dash, 32 hex digits.
    static func isEntryName(_ name: String) -> Bool {
        let parts = name.utf8
        guard name.hasSuffix(".bin"), parts.count > 37 else { return false }
        let stem = Array(parts.dropLast(4))
        let hex = stem.suffix(32), kind = stem.dropLast(33)
        guard stem[stem.count - 33] == UInt8(ascii: "-"), !kind.isEmpty else { return false }
        return hex.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
            && kind.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }

    /// `AtomicFile`'s temporary file for an entry: `.KIND-KEY.bin.tmp-PID`.
    static func isTemporaryName(_ name: String) -> Bool {
        guard name.hasPrefix("."), let mark = name.range(of: ".tmp-") else { return false }
        let entry = String(name[name.index(after: name.startIndex)..<mark.lowerBound])
        let pid = name[mark.upperBound...]
        return isEntryName(entry) && !pid.isEmpty && pid.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// An entry's key lines and input paths, from the start of its file; nil for another
    /// format or a damaged header.
    static func header(_ path: String) -> (keyLines: [String], inputs: [String])? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        // The key and the inputs' records are a few KB; 1 MiB holds any header.
        guard let start = try? handle.read(upToCount: 1 << 20) else { return nil }
        var r = BinaryReader(Array(start))
        do {
            guard try Array(r.raw(magic.count)) == magic else { return nil }
            let key = try r.string()
            let inputs = try r.array { r -> String in
                let path = try r.string()
                _ = (try r.int(), try r.int(), try r.uint64(), try r.string())
                return path
            }
            return (key.split(separator: "\n").map(String.init), inputs)
        } catch {
            return nil
        }
    }
}
