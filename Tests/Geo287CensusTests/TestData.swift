import Foundation
import Geo287TestSupport
import Geo287Core

/// The real data root for tests: $GEO287_DATA, else ../shared/data beside the repository.
enum TestData {
    static let root: DataRoot = ReferenceData.root

    static func path(_ relative: String) -> String { root.path(relative) }

    static let counties5m = path("census/counties/cb_2024_us_county_5m.shp")
}
