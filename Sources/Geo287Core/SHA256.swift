import CCryptoSystem
import Foundation

/// SHA-256 (FIPS 180-4), used to check data files against the catalog, to key the derived cache and
/// to record inputs in batch manifests. Computed by libcrypto's EVP digest, which uses the CPU's SHA
/// extensions where it has them; files are streamed in 1 MiB chunks.
///
/// A value type: a copy hashes on from the state it was copied in (copy on write).
public struct SHA256 {
    private var context: DigestContext

    public init() { context = DigestContext() }

    public mutating func update(_ data: Data) {
        data.withUnsafeBytes { update($0) }
    }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        if !isKnownUniquelyReferenced(&context) { context = context.copy() }
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        context.update(base, bytes.count)
    }

    /// The digest as 64 lowercase hex digits. Hashing ends here: call it once.
    public mutating func finalize() -> String {
        if !isKnownUniquelyReferenced(&context) { context = context.copy() }
        return context.finalHex()
    }

    public static func hex(of data: Data) -> String {
        var s = SHA256()
        s.update(data)
        return s.finalize()
    }

    public static func hex(ofFile path: String) throws -> String {
        try InputFile.check(path)   // a FIFO or a device would block or never end
        guard let handle = FileHandle(forReadingAtPath: path) else { throw DataError(path, "cannot open for reading") }
        defer { try? handle.close() }
        var s = SHA256()
        while true {
            let chunk: Data
            do { chunk = try handle.read(upToCount: 1 << 20) ?? Data() } catch { throw DataError(path, "read failed (\(error))") }
            if chunk.isEmpty { break }
            s.update(chunk)
        }
        return s.finalize()
    }
}

/// libcrypto's SHA-256 method, fetched once for the process (and libcrypto set up without its
/// exit-time clean-up: see `geo287_sha256_method`). Never freed.
private struct SHA256Method: @unchecked Sendable {
    // @unchecked: an EVP_MD is immutable once fetched and libcrypto lets threads share it.
    let method: OpaquePointer?
    static let shared = SHA256Method(method: geo287_sha256_method())
}

/// One libcrypto digest context, freed with its owner. SHA-256 over memory cannot fail except by
/// running out of memory; a context that cannot be made or fed stops the process with a message.
private final class DigestContext {
    private let ctx: OpaquePointer

    init() {
        guard let method = SHA256Method.shared.method, let ctx = EVP_MD_CTX_new(),
              EVP_DigestInit_ex(ctx, method, nil) == 1 else {
            preconditionFailure("libcrypto: cannot start a SHA-256 digest (out of memory?)")
        }
        self.ctx = ctx
    }

    private init(copying other: OpaquePointer) {
        guard let ctx = EVP_MD_CTX_new(), EVP_MD_CTX_copy_ex(ctx, other) == 1 else {
            preconditionFailure("libcrypto: cannot copy a SHA-256 digest (out of memory?)")
        }
        self.ctx = ctx
    }

    deinit { EVP_MD_CTX_free(ctx) }

    func copy() -> DigestContext { DigestContext(copying: ctx) }

    func update(_ base: UnsafeRawPointer, _ count: Int) {
        guard EVP_DigestUpdate(ctx, base, count) == 1 else { preconditionFailure("libcrypto: SHA-256 update failed") }
    }

    func finalHex() -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        guard EVP_DigestFinal_ex(ctx, &digest, &length) == 1, length == 32 else {
            preconditionFailure("libcrypto: SHA-256 final failed")
        }
        let hexDigits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for b in digest {
            out.append(hexDigits[Int(b >> 4)])
            out.append(hexDigits[Int(b & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
