import Geo287Coverage
import Geo287Jurisdictions

/// An agreement drawn on a map, with whether it came from the pending sheet.
public struct MapAgreement: Sendable {
    public let matched: MatchedAgreement
    public let pending: Bool
}

public enum MapAgreements {
    /// The agreements a coverage run with `options` counts (same model, pending, statewide and
    /// state filters), participating first, each sheet in its row order.
    public static func admitted(_ participating: MatchedSheet, pending: MatchedSheet?, options: CoverageOptions) -> [MapAgreement] {
        let all = participating.matched.map { MapAgreement(matched: $0, pending: false) }
            + (options.includePending ? (pending?.matched ?? []).map { MapAgreement(matched: $0, pending: true) } : [])
        return all.filter { a in
            let m = a.matched
            guard options.model.admits(m.agreement.model) else { return false }
            if options.excludeStatewide && m.jurisdiction.level == .state { return false }
            if let state = options.state, m.agreement.state?.usps != state { return false }
            return true
        }
    }
}
