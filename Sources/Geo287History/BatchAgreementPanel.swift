import Geo287Jurisdictions
import Geo287Sheets

/// The agreements panel (one row per sheet × agreement) and the lifetimes table (one row per
/// agreement). A row's lifetime (first and last sheet, status, gaps) is known only once every
/// sheet is read, so rows are kept until `panel()`.
public struct BatchAgreementPanel: Sendable {
    public static let header = [
        "published", "sheet", "row", "id", "agreement_id", "agency_id", "state", "model", "agency", "type_as_printed",
        "signed", "county_as_printed", "moa", "level", "jurisdiction_geoid", "jurisdiction", "method", "confidence", "counties",
        "reach", "counted", "counting_rule", "first_seen", "last_seen", "status", "gaps",
    ]
    public static let lifetimeHeader = [
        "agreement_id", "agency_id", "state", "model", "agency", "names", "first_seen", "last_seen", "sheets", "status", "gaps",
        "switched_from", "switched_to", "first_signed", "last_signed", "type_as_printed", "moa", "level", "jurisdiction_geoid",
        "jurisdiction", "reach", "counted", "counting_rule",
    ]

    public private(set) var lineages = AgreementLineages()
    /// Per row: its agreement id, and where its fields before the lifetime columns end in
    /// `fieldBytes` (CSV, each field followed by a comma; rows one after the other).
    private var rows: [(agreement: String, end: Int)] = []
    private var fieldBytes: [UInt8] = []

    public init() {}

    mutating func add(_ step: History.Step) {
        let sheet = step.matched.sheet
        let date = sheet.published?.description ?? "", fileName = sheet.fileName
        let ids = lineages.add(step.identified, matched: step.matched.matched, diff: step.diff)
        for ((row, m), agreementID) in zip(zip(step.identified.rows, step.matched.matched), ids) {
            let a = m.agreement, j = m.jurisdiction
            let agencyID = lineages.lifetimes[agreementID]?.agencyID ?? ""
            fieldBytes += BatchCSV.fields([
                date, fileName, String(a.row), row.id, agreementID, agencyID, row.identity.state, row.identity.model,
                a.agencyName, a.typeAsPrinted ?? "", a.signed?.description ?? "", a.countyAsPrinted ?? "", SheetDiff.moa(a) ?? "",
                j.level.rawValue, j.geoid ?? "", j.name, j.method.rawValue, BatchCSV.fraction(j.confidence, decimals: 2),
                j.counties.map(\.countyGEOID).joined(separator: ";"),
            ] + Self.counting(j))
            rows.append((agreementID, fieldBytes.count))
        }
    }

    /// `reach,counted,counting_rule` under the standard counting rules.
    public static func counting(_ j: Jurisdiction) -> [String] {
        let reach = CountingRules.standard.reach(j)
        let rule: String
        switch reach {
        case .none: rule = ""
        case let .notCounted(r): rule = r.rawValue
        default: rule = CountingRules.standard.rule(for: j).rawValue
        }
        return [reach.name, reach.countsResidents ? "true" : "false", rule]
    }

    func lifetimeFields(_ life: AgreementLineages.Lifetime) -> [String] {
        [lineages.firstSeen(life), lineages.lastSeen(life), lineages.status(life).rawValue, life.gaps.joined(separator: ";")]
    }

    /// The agreements panel, rows in sheet order; the lifetime columns of each agreement are
    /// formatted once.
    public func panel() -> BatchCSV {
        var csv = BatchCSV(header: Self.header)
        var tails: [String: [UInt8]] = [:]
        var start = 0
        for r in rows {
            defer { start = r.end }
            guard let life = lineages.lifetimes[r.agreement] else { continue }
            let tail = tails[r.agreement] ?? BatchCSV.tail(lifetimeFields(life))
            tails[r.agreement] = tail
            csv.appendRaw(fieldBytes[start..<r.end], tail)
        }
        return csv
    }

    /// One row per agreement, by agreement id.
    public func lifetimes() -> BatchCSV {
        var csv = BatchCSV(header: Self.lifetimeHeader)
        for life in lineages.sorted {
            let a = life.last.agreement, j = life.last.jurisdiction
            let identity = AgreementIdentity(a)
            let times = lifetimeFields(life)
            csv.append([
                life.agreementID, life.agencyID, identity.state, identity.model, a.agencyName, life.names.joined(separator: ";"),
                times[0], times[1], String(life.sheets.count), times[2], times[3], life.switchedFrom ?? "", life.switchedTo ?? "",
                life.firstSigned?.description ?? "", a.signed?.description ?? "", a.typeAsPrinted ?? "", SheetDiff.moa(a) ?? "",
                j.level.rawValue, j.geoid ?? "", j.name,
            ] + Self.counting(j))
        }
        return csv
    }
}
