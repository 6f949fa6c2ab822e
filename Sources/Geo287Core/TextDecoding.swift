import Foundation

/// Text decoding for Census files: UTF-8, falling back to Latin-1 only when the bytes are not
/// valid UTF-8; or Latin-1 outright for files known to be Latin-1.
public enum TextDecoding: Sendable {
    case utf8WithLatin1Fallback
    case latin1

    public var name: String { self == .latin1 ? "ISO-8859-1" : "UTF-8" }

    public func decode(_ bytes: [UInt8]) -> String {
        if self == .utf8WithLatin1Fallback, let s = String(validating: bytes, as: UTF8.self) { return s }
        return String(decoding: bytes.map { UInt16($0) }, as: UTF16.self)
    }

    public func decode(_ data: Data) -> String { decode([UInt8](data)) }
}
