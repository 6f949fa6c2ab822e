import Geo287Core
import Geo287Jurisdictions
import Geo287Sheets

/// The agreements of a sheet (and its pending sheet) as the page reads them: one JSON object
/// each, with where it reaches by the rule `coverage` counts people with and `lookup` lists
/// agreements with (`Reach`, standard counting rules). The page applies the same cases as
/// `LookupCoverage` to a located point or a searched place, by its reach:
///
/// - `state`: statewide, covers every point of the state GEOID (FIPS);
/// - `counties`: covers its counties, except the listed places (Las Vegas Metro);
/// - `place`: covers the Census place GEOID (a city or town);
/// - `town`: a town or township department known only by its counties (no boundary);
/// - `facility`: its counting rule is off (jails, campuses, airports...): listed where it sits
///   (GEOID: its state, county or place; and its counties), never as coverage;
/// - `none`: not placed (left out of the page's answers, counted in the state's total).
enum SiteAgreements {
    /// One array per agreement (the page reads it by position, `AGREEMENT` in site.js):
    /// `[agency, state USPS, model code, level, signed, link, reach, GEOID, counties, pending, except]`;
    /// level is `s`tate, `c`ounty, `m`unicipal or `o`ther; counties are empty for a statewide
    /// agreement (it reaches every county of `GEOID`); pending is 1 or 0; except lists places.
    static func json(_ matched: [MatchedAgreement]) -> [JSONValue] {
        matched.map { m in
            let a = m.agreement, j = m.jurisdiction
            var row: [JSONValue] = [
                .string(a.agencyName), .string(a.state?.usps ?? ""), .string(a.model.map(code) ?? ""),
                .string(String(j.level.rawValue.prefix(1))), .string(a.signed?.description ?? ""), .string(shortLink(a.moaURL)),
                .string(reachCode(j)), .string(j.geoid ?? ""),
                .array(j.geoid?.count == 2 ? [] : j.countyGEOIDs.sorted().map { .string($0) }),
                .int(a.kind == .pending ? 1 : 0),
            ]
            if !j.exceptPlaceGEOIDs.isEmpty { row.append(.array(j.exceptPlaceGEOIDs.sorted().map { .string($0) })) }
            return .array(row)
        }
    }

    /// ICE's document folder, written once: a link in it is stored as `~` and the file name.
    static let documentFolder = "https://www.ice.gov/doclib/287gMOA/"

    static func shortLink(_ url: String?) -> String {
        guard let url else { return "" }
        return url.hasPrefix(documentFolder) ? "~" + url.dropFirst(documentFolder.count) : url
    }

    /// `tfm`, `jem`, `wso`: the keys of the models' plain-words explanations in `SiteText`.
    static func code(_ model: SupportModel) -> String { model.abbreviation.lowercased() }

    static func reachCode(_ j: Jurisdiction) -> String {
        switch j.reach {
        case .wholeCounties: return j.level == .state ? "state" : "counties"
        case .place: return "place"
        case .unmappedTown: return "town"
        case .notCounted: return "facility"
        case .none: return "none"
        }
    }

    /// Display order: pending last, then model (Task Force first, the most invasive), level, name.
    static func ordered(_ matched: [MatchedAgreement]) -> [MatchedAgreement] {
        let models: [SupportModel?] = [.taskForce, .warrantService, .jailEnforcement, nil]
        let levels = JurisdictionLevel.allCases
        return matched.sorted { a, b in
            func key(_ m: MatchedAgreement) -> (Int, Int, Int, String, Int) {
                (m.agreement.kind == .pending ? 1 : 0, models.firstIndex(of: m.agreement.model) ?? 4,
                 levels.firstIndex(of: m.jurisdiction.level) ?? 4, m.agreement.agencyName, m.agreement.row)
            }
            return key(a) < key(b)
        }
    }
}
