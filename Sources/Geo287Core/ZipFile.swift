import CZlibSystem
import Foundation

/// Read-only access to the members of a zip archive, with a hard cap on how many bytes any
/// one member may inflate to: a member that claims, or turns out to have, more is refused
/// without being held in memory (zip bombs, absurd size fields). The archive is mapped, its
/// central directory read by `ZipDirectory`, and members inflated by zlib.
public struct ZipFile {
    public let path: String
    private let bytes: Data
    private let directory: ZipDirectory

    /// Default cap on one member's inflated size: 256 MiB (the largest Census member is ~40 MB).
    public static let defaultMemberLimit = 256 << 20

    public init(path: String) throws {
        self.path = path
        try InputFile.check(path)   // missing, a folder, a FIFO or a device: refused before opening
        do {
            bytes = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
            directory = try bytes.withUnsafeBytes { try ZipDirectory($0) }
        } catch {
            throw DataError(path, "not a zip archive")
        }
    }

    /// Member paths, in archive order, directories excluded.
    public var memberPaths: [String] {
        directory.entries.compactMap { $0.isFile ? $0.path : nil }
    }

    public func contains(_ member: String) -> Bool { directory.byPath[member] != nil }

    /// The inflated size a member declares, nil if there is no such member.
    public func uncompressedSize(_ member: String) -> Int? { entry(member).map { Int(clamping: $0.uncompressedSize) } }

    private func entry(_ member: String) -> ZipDirectory.Entry? { directory.byPath[member].map { directory.entries[$0] } }

    /// The bytes of `member`, inflated (and CRC-checked unless `verifyCRC` is false, for
    /// files whose SHA-256 the data catalog checks); throws if it exceeds `limit`.
    /// With `prefix`, inflating stops once that many bytes are out (the CRC is then not checked).
    public func read(_ member: String, limit: Int = ZipFile.defaultMemberLimit, verifyCRC: Bool = true,
                     prefix: Int? = nil) throws -> Data {
        Data(try bytes(member, limit: limit, verifyCRC: verifyCRC, prefix: prefix))
    }

    /// `read`'s bytes as an array, inflated straight into it (no copy).
    public func bytes(_ member: String, limit: Int = ZipFile.defaultMemberLimit, verifyCRC: Bool = true,
                      prefix: Int? = nil) throws -> [UInt8] {
        guard let entry = entry(member) else { throw DataError(path, "zip has no member \(member)") }
        if entry.uncompressedSize > UInt64(max(0, limit)) {
            throw DataError(path, "member \(member) claims \(entry.uncompressedSize) bytes, over the \(limit)-byte limit")
        }
        guard entry.flags & 1 == 0 else { throw DataError(path, "member \(member) is encrypted; not supported") }
        guard entry.method == 0 || entry.method == 8 else {
            throw DataError(path, "member \(member) uses compression method \(entry.method); only stored (0) and deflate (8) are read")
        }
        let reserve = ZipInflater.initialRoom(claimed: entry.uncompressedSize, compressed: entry.compressedSize, method: entry.method)
        var inflater = ZipInflater(limit: limit, prefix: prefix, reserve: reserve)
        let outcome: ZipInflater.Outcome = bytes.withUnsafeBytes { all in
            let start: Int
            do { start = try ZipDirectory.dataStart(entry, in: all) } catch {
                return .corrupt("its data runs past the end of the archive")
            }
            let input = UnsafeRawBufferPointer(rebasing: all[start..<(start + entry.compressedSize)])
            return entry.method == 0 ? inflater.store(input) : inflater.inflate(input)
        }
        switch outcome {
        case .prefixRead: return inflater.finished()
        case .overLimit: throw DataError(path, "member \(member) inflates past the \(limit)-byte limit")
        case .corrupt(let why): throw DataError(path, "member \(member) is corrupt (\(why))")
        case .done:
            if verifyCRC, prefix == nil, inflater.crc != entry.crc32 {
                throw DataError(path, "member \(member) is corrupt (CRC-32 \(String(inflater.crc, radix: 16)) where the zip says \(String(entry.crc32, radix: 16)))")
            }
            return inflater.finished()
        }
    }

    /// Extracts the named members into `directory` (created if needed), each bounded by `limit`:
    /// scratch copies for a reader that needs files (shapelib's `.dbf`), written without
    /// `fsync` (Foundation's `Data.write` syncs each file: 89 syncs for one coverage run).
    public func extract(_ members: [String], into directory: URL, limit: Int = ZipFile.defaultMemberLimit,
                        verifyCRC: Bool = true) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for m in members {
            let target = directory.appendingPathComponent((m as NSString).lastPathComponent).path
            try AtomicFile.writePlain(try self.bytes(m, limit: limit, verifyCRC: verifyCRC), at: target, name: target)
        }
    }
}

/// One member's bytes out of zlib (raw deflate) or copied (stored), under a size limit, with
/// the CRC-32 of what came out. zlib writes straight into the output array, in pieces of at
/// most 256 KiB (the room grows as needed: a member may hold more than it declares).
struct ZipInflater {
    enum Outcome { case done, prefixRead, overLimit, corrupt(String) }

    static let piece = 1 << 18

    /// What to allocate before inflating: the size the zip claims, but never more than the
    /// member's compressed bytes can give (deflate expands at most 1,032 to 1; stored is 1 to
    /// 1), so a small forged archive claiming a huge member does not make a huge allocation
    /// (the output still grows past it when a member holds more than it claims).
    static func initialRoom(claimed: UInt64, compressed: Int, method: UInt16) -> Int {
        let possible = method == 0 ? compressed : (compressed > Int.max / 1032 ? Int.max : compressed * 1032)
        return min(Int(clamping: claimed), max(0, possible))
    }
    let limit: Int
    let prefix: Int?
    /// The output: `filled` bytes written, then room not yet written.
    private var out: [UInt8]
    private var filled = 0
    private(set) var crc = UInt32(0)

    init(limit: Int, prefix: Int?, reserve: Int) {
        self.limit = limit
        self.prefix = prefix
        // One byte more than the declared size: inflating the declared size then reaching the
        // stream's end does not grow the array.
        let declared = min(max(reserve, 0), max(limit, 0), prefix.map { max($0, 0) } ?? Int.max)
        out = [UInt8](repeating: 0, count: declared < Int.max ? declared + 1 : declared)
    }

    /// The bytes written (the room after them dropped).
    mutating func finished() -> [UInt8] {
        out.removeLast(out.count - filled)
        return out
    }

    /// Room for the next piece (at most `piece` bytes, never past `limit` + 1): the array grows
    /// when it is full.
    private mutating func room() -> Int {
        if filled == out.count {
            out.append(contentsOf: repeatElement(0, count: max(min(out.count, 16 << 20), Self.piece)))
        }
        return min(Self.piece, out.count - filled)
    }

    /// Counts `count` bytes just written at `filled`; the outcome when reading should stop.
    private mutating func took(_ count: Int) -> Outcome? {
        guard count > 0 else { return nil }
        if count > limit - filled { return .overLimit }
        out.withUnsafeBufferPointer { b in
            if let base = b.baseAddress {
                crc = UInt32(truncatingIfNeeded: crc32(uLong(crc), base + filled, uInt(count)))
            }
        }
        filled += count
        if let prefix, filled >= prefix { return .prefixRead }
        return nil
    }

    mutating func store(_ input: UnsafeRawBufferPointer) -> Outcome {
        var at = 0
        while at < input.count {
            let n = min(room(), input.count - at)
            out.withUnsafeMutableBytes { b in
                UnsafeMutableRawBufferPointer(rebasing: b[filled..<(filled + n)])
                    .copyMemory(from: UnsafeRawBufferPointer(rebasing: input[at..<(at + n)]))
            }
            if let stop = took(n) { return stop }
            at += n
        }
        return .done
    }

    mutating func inflate(_ input: UnsafeRawBufferPointer) -> Outcome {
        var stream = z_stream()
        guard geo287_inflate_init_raw(&stream) == Z_OK else { return .corrupt("zlib could not start inflating") }
        defer { inflateEnd(&stream) }
        var fed = 0
        while true {
            if stream.avail_in == 0, fed < input.count, let base = input.baseAddress {
                let n = min(Int(UInt32.max), input.count - fed)
                stream.next_in = UnsafeMutablePointer(mutating: (base + fed).assumingMemoryBound(to: Bytef.self))
                stream.avail_in = uInt(n)
                fed += n
            }
            let space = room()
            let status = out.withUnsafeMutableBufferPointer { b -> Int32 in
                stream.next_out = b.baseAddress.map { $0 + filled }
                stream.avail_out = uInt(space)
                return CZlibSystem.inflate(&stream, Z_NO_FLUSH)
            }
            if let stop = took(space - Int(stream.avail_out)) { return stop }
            switch status {
            case Z_STREAM_END: return .done
            case Z_OK: continue
            case Z_BUF_ERROR where stream.avail_in == 0 && fed == input.count: return .corrupt("the deflate stream is truncated")
            case Z_BUF_ERROR: continue
            default:
                let why = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                return .corrupt("invalid deflate data: \(why)")
            }
        }
    }
}
