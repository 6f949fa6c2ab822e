import Foundation

/// Derived compact tables kept between runs, so a command reads one small binary file instead
/// of re-parsing workbooks, CSV and shapefiles and recomputing what it derived from them.
///
/// Where: `$GEO287_CACHE` if set (`off` disables the cache), else `$XDG_CACHE_HOME/geo287`,
/// else `~/.cache/geo287`; never inside the data root. An entry is one file, `KIND-KEY.bin`,
/// whose name hashes its key: kind, format version, geo287 version, the running executable
/// (size and modification time, so a rebuilt binary never reads another build's tables) and
/// the input paths. Its header records each input's size, modification time (ns), inode and
/// SHA-256; the payload carries its own length and checksum. An entry is used only when every
/// input's stat key is unchanged, or, when one changed, its SHA-256 still equals the recorded
/// one (git-index style: no file is hashed on an ordinary run). Anything else (an input
/// changed, a damaged or truncated entry, another format) rebuilds the entry from the inputs.
/// Entries are written atomically (temporary file, then rename), so two processes building the
/// same entry each write a whole file and the last rename wins; they are not flushed to disk
/// (a crash may leave a truncated entry, which its checksum rejects and the next run rebuilds). A folder that cannot be
/// created or written means running without the cache (a note under `GEO287_TRACE` only).
public struct DerivedCache: Sendable {
    /// The cache folder; nil when the cache is off.
    public let folder: String?

    public init(folder: String?) { self.folder = folder }

    public static let off = DerivedCache(folder: nil)

    /// The cache the environment asks for (see the type's documentation).
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> DerivedCache {
        if let set = environment["GEO287_CACHE"], !set.isEmpty {
            return set.lowercased() == "off" ? .off : DerivedCache(folder: set)
        }
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return DerivedCache(folder: xdg + "/geo287") }
        if let home = environment["HOME"], !home.isEmpty { return DerivedCache(folder: home + "/.cache/geo287") }
        return .off
    }

    /// The value of entry `kind` for `inputs`: read from the cache when valid, else built by
    /// `build` (and stored when the inputs did not change while it ran).
    public func value<T>(kind: String, format: Int, inputs: [String],
                         encode: (T, inout BinaryWriter) -> Void,
                         decode: (inout BinaryReader) throws -> T,
                         build: () throws -> T) throws -> T {
        guard let folder else { return try build() }
        let paths = inputs.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        // The paths as given are in the key too: a value may record them (a sheet's path).
        let key = ([kind, "format \(format)", "geo287 \(Geo287Version.string)", DerivedCacheEntry.executableIdentity]
                   + zip(inputs, paths).map { "\($0) \($1)" }).joined(separator: "\n")
        let file = folder + "/" + kind + "-" + String(SHA256.hex(of: Data(key.utf8)).prefix(32)) + ".bin"
        switch DerivedCacheEntry.read(file, key: key) {
        case .valid(let storage, let payloadStart, let refreshed):
            do {
                var reader = BinaryReader(storage, offset: payloadStart)
                let value = try decode(&reader)
                guard reader.atEnd else { throw BinaryReader.Damaged("bytes left over after byte \(reader.offset)") }
                if let refreshed {
                    let payload = Array(storage.bytes[payloadStart...])
                    store(DerivedCacheEntry.encode(key: key, inputs: refreshed, payload: payload), at: file)
                }
                return value
            } catch {
                note("\(file): unreadable (\(error)); rebuilt")
            }
        case .invalid(let why):
            note("\(file): \(why); rebuilt")
        case .absent:
            break
        }
        // The inputs are hashed while the value is built (the stat key is taken before each hash).
        let hashing = Prefetch { try paths.map { try DerivedCacheEntry.Input.fingerprint($0) } }
        let value = try build()
        guard let before = try? hashing.value() else { return value }
        guard paths.allSatisfy({ p in before.contains { $0.path == p && $0.sameStat(as: DerivedCacheEntry.Input.statKey(p)) } }) else {
            note("\(file): an input changed while it was read; not stored")
            return value
        }
        var writer = BinaryWriter()
        encode(value, &writer)
        store(DerivedCacheEntry.encode(key: key, inputs: before, payload: writer.bytes), at: file)
        return value
    }

    private func store(_ bytes: [UInt8], at file: String) {
        do { try AtomicFile.writeUnsynced(bytes, to: file) } catch { note("cache not written: \(error)") }
    }

    private func note(_ text: String) {
        if Trace.enabled { StandardOutput.error("[trace] derived cache: \(text)\n") }
    }
}
