import Foundation

/// One `DerivedCache` file: a magic line, the key, each input's stat key and SHA-256, then the
/// payload's length and checksum, zero bytes up to a multiple of 16, then the payload (so a
/// table the payload aligns is aligned in the mapped file, and read in place: `NumberTable`).
enum DerivedCacheEntry {
    static let magic = Array("geo287 derived table 4\n".utf8)

    struct Input: Equatable {
        let path: String
        let size: Int
        let mtimeNanoseconds: Int
        let inode: UInt64
        let sha256: String

        struct Stat: Equatable {
            let size: Int
            let mtimeNanoseconds: Int
            let inode: UInt64
        }

        /// The stat key of a regular file; nil when it cannot be read.
        static func statKey(_ path: String) -> Stat? {
            guard let st = fileStatus(path), st.st_mode & S_IFMT == S_IFREG else { return nil }
            #if os(Linux)
            let (seconds, nanoseconds) = (Int(st.st_mtim.tv_sec), Int(st.st_mtim.tv_nsec))
            #else
            let (seconds, nanoseconds) = (Int(st.st_mtimespec.tv_sec), Int(st.st_mtimespec.tv_nsec))
            #endif
            let (ns, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
            return Stat(size: Int(st.st_size), mtimeNanoseconds: overflow ? Int.max : ns &+ nanoseconds, inode: UInt64(st.st_ino))
        }

        var statValue: Stat { Stat(size: size, mtimeNanoseconds: mtimeNanoseconds, inode: inode) }

        func sameStat(as other: Stat?) -> Bool { other == statValue }

        /// The file's stat key and SHA-256 (the stat taken first: a write during hashing changes
        /// it). A file hashed earlier in this process with the same stat key is not hashed again
        /// (the Census tables are inputs of several entries).
        static func fingerprint(_ path: String) throws -> Input {
            guard let s = statKey(path) else { throw DataError.missing(path, "not a readable regular file") }
            if let known = Hashed.shared.input(path, s) { return known }
            let input = Input(path: path, size: s.size, mtimeNanoseconds: s.mtimeNanoseconds, inode: s.inode,
                              sha256: try SHA256.hex(ofFile: path))
            Hashed.shared.record(input)
            return input
        }

        /// The inputs hashed in this process, by path.
        final class Hashed: @unchecked Sendable {
            // @unchecked: `inputs` is only read and written under `lock`.
            static let shared = Hashed()
            private var inputs: [String: Input] = [:]
            private let lock = NSLock()

            func input(_ path: String, _ stat: Stat) -> Input? {
                lock.lock(); defer { lock.unlock() }
                return inputs[path].flatMap { $0.statValue == stat ? $0 : nil }
            }

            func record(_ input: Input) {
                lock.lock(); defer { lock.unlock() }
                inputs[input.path] = input
            }
        }
    }

    /// The running executable's size and modification time: tables derived by another build
    /// (whose matching rules or encoders may differ) are never read.
    static let executableIdentity: String = {
        guard let s = Input.statKey("/proc/self/exe") ?? Bundle.main.executablePath.flatMap(Input.statKey) else { return "executable unknown" }
        return "executable \(s.size) \(s.mtimeNanoseconds)"
    }()

    static func encode(key: String, inputs: [Input], payload: [UInt8]) -> [UInt8] {
        var w = BinaryWriter()
        w.raw(magic)
        w.string(key)
        w.array(inputs) { w, i in
            w.string(i.path); w.int(i.size); w.int(i.mtimeNanoseconds); w.uint64(i.inode); w.string(i.sha256)
        }
        w.int(payload.count)
        w.uint64(payload.withUnsafeBytes { checksum($0) })
        w.align(to: 16)
        w.raw(payload)
        return w.bytes
    }

    enum Outcome {
        case absent
        case invalid(String)
        /// The file (mapped), the payload from `payloadStart` to the end; `refreshed`: the
        /// inputs when one's stat key changed but its content did not (to write back).
        case valid(storage: ByteStorage, payloadStart: Int, refreshed: [Input]?)
    }

    static func read(_ file: String, key: String) -> Outcome {
        guard let storage = ByteStorage.mapping(file: file) else { return .absent }
        var r = BinaryReader(storage)
        do {
            guard try Array(r.raw(magic.count)) == magic else { return .invalid("not a geo287 derived table") }
            guard try r.string() == key else { return .invalid("another key") }
            let recorded = try r.array { r in
                Input(path: try r.string(), size: try r.int(), mtimeNanoseconds: try r.int(), inode: try r.uint64(), sha256: try r.string())
            }
            var refreshed: [Input] = [], changed = false
            for input in recorded {
                if input.sameStat(as: Input.statKey(input.path)) { refreshed.append(input); continue }
                guard let now = try? Input.fingerprint(input.path), now.sha256 == input.sha256 else {
                    return .invalid("input \(input.path) changed")
                }
                refreshed.append(now)
                changed = true
            }
            let length = try r.count()
            let sum = try r.uint64()
            try r.align(to: 16)
            let payloadStart = r.offset
            let payload = try r.raw(length)
            guard r.atEnd else { return .invalid("trailing bytes") }
            guard checksum(payload) == sum else { return .invalid("payload checksum mismatch") }
            return .valid(storage: storage, payloadStart: payloadStart, refreshed: changed ? refreshed : nil)
        } catch {
            return .invalid("damaged header (\(error))")
        }
    }

    /// A 64-bit checksum of the payload: four lanes of 64-bit words (FNV-1a's multiply with a
    /// shift; every step is a bijection, so any changed word changes its lane), combined with
    /// the tail bytes. The lanes are independent, so the processor runs them side by side. It
    /// detects damage and truncation; the inputs themselves are authenticated by their SHA-256.
    static func checksum(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        let prime: UInt64 = 0x0000_0100_0000_01b3
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (0xcbf2_9ce4_8422_2325 ^ UInt64(raw.count), 1, 2, 3)
        @inline(__always) func word(_ i: Int) -> UInt64 { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)) }
        @inline(__always) func mix(_ h: UInt64, _ w: UInt64) -> UInt64 { let m = (h ^ w) &* prime; return m ^ (m >> 29) }
        let blocks = raw.count / 32
        for b in 0..<blocks {
            lanes.0 = mix(lanes.0, word(4 * b))
            lanes.1 = mix(lanes.1, word(4 * b + 1))
            lanes.2 = mix(lanes.2, word(4 * b + 2))
            lanes.3 = mix(lanes.3, word(4 * b + 3))
        }
        var h = mix(mix(mix(lanes.0, lanes.1), lanes.2), lanes.3)
        for i in (blocks * 32)..<raw.count { h = (h ^ UInt64(raw[i])) &* prime }
        return h
    }
}

/// `stat(2)` of a path (following links), nil when it fails.
private func fileStatus(_ path: String) -> stat? {
    var st = stat()
    return stat(path, &st) == 0 ? st : nil
}
