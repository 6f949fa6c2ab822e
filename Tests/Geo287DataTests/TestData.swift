import Foundation
import Geo287Data

/// The real data root for tests: $GEO287_DATA, else ../shared/data beside the repository.
enum TestData {
    static let root: DataRoot = {
        let env = ProcessInfo.processInfo.environment["GEO287_DATA"]
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = (env?.isEmpty == false ? env : nil) ?? repo.deletingLastPathComponent().appendingPathComponent("shared/data").path
        return DataRoot(url: URL(fileURLWithPath: path), source: .environment)
    }()

    static func path(_ relative: String) -> String { root.path(relative) }

    static let counties5m = path("census/counties/cb_2024_us_county_5m.shp")
}
