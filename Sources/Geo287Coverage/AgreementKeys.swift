import Foundation
import Geo287Jurisdictions
import Geo287Sheets

/// Small integers for the agreements of many sheets (`history`, `batch`): two rows get the same
/// match index when the fields the matcher reads are equal (state as printed and read, agency
/// name and type, COUNTY as printed), so they get the same jurisdiction; the agreement id adds
/// the support model. With them, the work per sheet on an agreement seen before is integer
/// work (`CountyCoverageMemo`). A class shared by the sheets of one run; its state is only
/// touched under `lock`.
public final class AgreementKeyTable: @unchecked Sendable {
    /// What the matcher reads of a row.
    public struct MatchKey: Hashable, Sendable {
        let stateAsPrinted: String
        let state: String?
        let agencyName: String
        let agencyType: AgencyType
        let county: String?

        public init(_ a: Agreement) {
            stateAsPrinted = a.stateAsPrinted
            state = a.state?.fips
            agencyName = a.agencyName
            agencyType = a.agencyType
            county = a.countyAsPrinted
        }
    }

    private var indices: [MatchKey: Int] = [:]
    private let lock = NSLock()

    public init() {}

    /// The number of distinct match keys seen.
    public var count: Int { lock.withLock { indices.count } }

    /// The match index of each agreement (new keys numbered from `count`), and whether it is new.
    public func matchIndices(_ agreements: [Agreement]) -> [(index: Int, new: Bool)] {
        lock.withLock {
            agreements.map { a in
                let k = MatchKey(a)
                if let i = indices[k] { return (i, false) }
                let i = indices.count
                indices[k] = i
                return (i, true)
            }
        }
    }

    /// The agreement id of a row with match index `index`: the match index and the model together.
    public static func agreementID(matchIndex index: Int, model: SupportModel?) -> Int {
        let code = model.map { (SupportModel.allCases.firstIndex(of: $0) ?? 0) + 1 } ?? 0
        return index * (SupportModel.allCases.count + 1) + code
    }

    /// The agreement ids of `agreements` (interned in this table).
    public func ids(_ agreements: [Agreement]) -> AgreementKeys {
        let indices = matchIndices(agreements)
        return AgreementKeys(table: self, ids: zip(indices, agreements).map { Self.agreementID(matchIndex: $0.0.index, model: $0.1.model) })
    }
}

/// The agreement id of each row of a matched sheet, in row order, from one `AgreementKeyTable`.
public struct AgreementKeys: Sendable {
    public let table: AgreementKeyTable
    public let ids: [Int]

    public init(table: AgreementKeyTable, ids: [Int]) {
        self.table = table
        self.ids = ids
    }
}
