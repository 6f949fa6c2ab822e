import Foundation
import Geo287TestSupport
import Geo287Core
import Geo287Coverage
import Geo287Jurisdictions
import Geo287Sheets

/// Shared, loaded-once inputs for the analysis tests: the real data root, the gazetteer and
/// the newest participating sheet matched and joined.
enum Fixtures {
    static let root: DataRoot = ReferenceData.root

    static let newestSheetPath = root.path("ice/participating-2026-05-18.xlsx")

    static let gazetteer: Result<Gazetteer, any Error> = Result { try Gazetteer.load(root) }

    /// The newest sheet, matched and joined with every place through GEOS (as `geo287 match`).
    static let newest: Result<MatchedSheet, any Error> = Result {
        let g = try gazetteer.get()
        let sheet = try SheetReader.read(path: newestSheetPath)
        return try CoverageRun(gazetteer: g).matchedSheet(sheet, geometry: .all)
    }

    static let pendingForNewest: Result<MatchedSheet, any Error> = Result {
        let g = try gazetteer.get()
        let sheet = try SheetReader.read(path: root.path("ice/pending-2026-02-27.xlsx"))
        return try CoverageRun(gazetteer: g).matchedSheet(sheet)
    }

    static func agreement(_ agency: String, _ model: SupportModel? = nil, in matched: MatchedSheet) -> MatchedAgreement? {
        matched.matched.first { $0.agreement.agencyName == agency && (model == nil || $0.agreement.model == model) }
    }

    /// An agreement built by hand, for cases the real sheet does not show.
    static func synthetic(agency: String, state: String, type: AgencyType, county: String?, model: SupportModel = .taskForce) -> Agreement {
        Agreement.manual(row: 2, state: USState.usps(state) ?? USState.all[0], agencyName: agency, agencyType: type,
                         county: county, model: model)
    }
}
