import Foundation
import Geo287TestSupport
import Geo287Core
import Geo287Sheets

/// The real data root for the history tests: $GEO287_DATA, else ../shared/data beside the repository.
enum HistoryTestData {
    static let root: DataRoot = ReferenceData.root

    /// A CSV output as its header and rows keyed by column name.
    static func table(_ path: String) throws -> (header: [String], rows: [[String: String]]) {
        let rows = try DelimitedText.rows(path: path, decoding: .utf8WithLatin1Fallback, sizeLimit: 1 << 30, what: "batch output")
        let header = rows.first ?? []
        return (header, rows.dropFirst().map { Dictionary(zip(header, $0), uniquingKeysWith: { a, _ in a }) })
    }

    static func sheet(_ name: String) throws -> Sheet { try SheetReader.read(path: root.path("ice/" + name)) }
}
