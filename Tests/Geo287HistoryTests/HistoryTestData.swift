import Foundation
import Geo287TestSupport
import Geo287Core
import Geo287Sheets

/// The real data root for the history tests: $GEO287_DATA, else ../shared/data beside the repository.
enum HistoryTestData {
    static let root: DataRoot = ReferenceData.root

    static func sheet(_ name: String) throws -> Sheet { try SheetReader.read(path: root.path("ice/" + name)) }
}
