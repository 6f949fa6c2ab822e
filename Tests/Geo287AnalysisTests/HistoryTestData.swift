import Foundation
import Geo287Data
import Geo287Sheets

/// The real data root for the history tests: $GEO287_DATA, else ../shared/data beside the repository.
enum HistoryTestData {
    static let root: DataRoot = {
        let env = ProcessInfo.processInfo.environment["GEO287_DATA"]
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = (env?.isEmpty == false ? env : nil) ?? repo.deletingLastPathComponent().appendingPathComponent("shared/data").path
        return DataRoot(url: URL(fileURLWithPath: path), source: .environment)
    }()

    static func sheet(_ name: String) throws -> Sheet { try SheetReader.read(path: root.path("ice/" + name)) }
}
