import Foundation
import Geo287Core
import Geo287Sheets

/// The Internet Archive's captures of ICE's sheet URLs, from its CDX API.
public enum WaybackCDX {
    public static let indexURL = URL(string: "https://web.archive.org/cdx/search/cdx?url=ice.gov/doclib/about/offices/ero/287g/*"
        + "&output=json&filter=statuscode:200&collapse=digest")

    public struct Capture: Sendable, Equatable {
        /// `YYYYMMDDhhmmss`, UTC.
        public let timestamp: String
        /// The URL as captured, e.g. `https://www.ice.gov/doclib/…/participatingAgencies.xlsx`.
        public let original: String
        /// The archive's content digest (SHA-1, base 32), when given.
        public let digest: String?
        public let fileName: String
        public let kind: SheetKind

        /// The capture's raw bytes: `https://web.archive.org/web/<timestamp>id_/<original>`.
        public var rawURL: URL? {
            let text = "https://web.archive.org/web/\(timestamp)id_/\(original)"
            return URL(string: text) ?? text.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed).flatMap(URL.init(string:))
        }
    }

    /// The sheet captures in a CDX JSON answer (an array of string arrays, the first being the
    /// header), oldest first: `.xlsx` originals whose name says participating or pending, status
    /// 200 where a status is given. An empty answer has no captures.
    public static func sheetCaptures(_ data: Data, source: String) throws -> [Capture] {
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return [] }
        let rows: [[String]]
        do {
            guard let array = try JSONSerialization.jsonObject(with: data) as? [Any] else {
                throw DataError(source, "CDX answer is not a JSON array")
            }
            rows = array.map { ($0 as? [Any] ?? []).map { "\($0)" } }
        } catch let e as DataError {
            throw e
        } catch {
            throw DataError(source, "CDX answer is not JSON (\(error.localizedDescription))")
        }
        guard let header = rows.first else { return [] }
        guard let ts = header.firstIndex(of: "timestamp"), let orig = header.firstIndex(of: "original") else {
            throw DataError(source, "CDX header has no timestamp and original columns: \(header.joined(separator: ","))")
        }
        let digest = header.firstIndex(of: "digest"), status = header.firstIndex(of: "statuscode")
        var out: [Capture] = []
        for row in rows.dropFirst() where row.count == header.count {
            let stamp = row[ts], original = row[orig]
            guard stamp.count == 14, stamp.allSatisfy({ $0.isASCII && $0.isNumber }) else { continue }
            if let status, row[status] != "200" { continue }
            let name = fileName(of: original)
            guard name.lowercased().hasSuffix(".xlsx"), let kind = SheetName.kind(name) else { continue }
            out.append(Capture(timestamp: stamp, original: original, digest: digest.map { row[$0] },
                               fileName: name, kind: kind))
        }
        return out.enumerated().sorted { ($0.element.timestamp, $0.offset) < ($1.element.timestamp, $1.offset) }.map(\.element)
    }

    /// The last path segment of a captured URL, without query or fragment.
    static func fileName(of original: String) -> String {
        let noQuery = original.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let noFragment = noQuery.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let last = String(noFragment.split(separator: "/").last ?? "")
        let decoded = last.removingPercentEncoding ?? last
        // The name becomes part of a file name: no folder separators or control characters.
        return String(decoded.map { $0 == "/" || $0 == "\\" || $0.unicodeScalars.contains(where: isControl) ? "_" : $0 })
    }

    /// C0 and C1 controls, DEL and the bidirectional overrides: never in a file name or on the terminal.
    static func isControl(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || (0x7F...0x9F).contains(s.value) || (0x202A...0x202E).contains(s.value) || (0x2066...0x2069).contains(s.value)
    }
}
