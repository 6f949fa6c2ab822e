import Geo287Sheets

/// The two long panels of a batch run, built one sheet at a time (CSV, RFC 4180).
public struct BatchPanels {
    public static let countyHeader = [
        "published", "sheet", "model", "county_geoid", "county", "state", "population", "covered", "share",
        "covering_agreements", "counted_agreements", "levels",
    ]
    public static let agreementHeader = [
        "published", "sheet", "row", "id", "state", "model", "agency", "signed", "county_as_printed",
        "level", "jurisdiction_geoid", "jurisdiction", "method", "confidence", "counties",
    ]

    public private(set) var counties = BatchCSV(header: countyHeader)
    public private(set) var agreements = BatchCSV(header: agreementHeader)

    public init() {}

    /// `covered,share,covering_agreements,counted_agreements,levels` of an untouched county.
    static let zeroTail = Array("0,0,0,0,".utf8)

    /// Per county, the constant fields `geoid,name,state,population,` as CSV bytes (the county
    /// list is the same for every sheet and model).
    private var countyPrefix: [String: [UInt8]] = [:]

    /// One row per county × model (every county, so the panel is balanced: zero rows included),
    /// and one row per agreement of the sheet.
    public mutating func add(_ step: History.Step) {
        let sheet = step.matched.sheet
        let date = sheet.published?.description ?? ""
        for m in SupportModel.allCases {
            guard let result = step.coverage[.model(m)] else { continue }
            let rowPrefix = BatchCSV.fields([date, sheet.fileName, m.rawValue])
            for c in result.counties {
                let prefix: [UInt8]
                if let p = countyPrefix[c.geoid] { prefix = p } else {
                    prefix = BatchCSV.fields([c.geoid, c.name, c.stateUSPS, String(c.population)])
                    countyPrefix[c.geoid] = prefix
                }
                if c.agreements.isEmpty {
                    counties.appendRaw([rowPrefix, prefix, Self.zeroTail])
                    continue
                }
                let levels = Set(c.agreements.map(\.level.rawValue)).sorted().joined(separator: ";")
                let tail = BatchCSV.tail([String(c.covered), BatchCSV.fraction(c.share), String(c.agreements.count),
                                            String(c.agreements.filter(\.counted).count), levels])
                counties.appendRaw([rowPrefix, prefix, tail])
            }
        }
        for (row, m) in zip(step.identified.rows, step.matched.matched) {
            let a = m.agreement, j = m.jurisdiction
            agreements.append([
                date, sheet.fileName, String(a.row), row.id, row.identity.state, row.identity.model, a.agencyName,
                a.signed?.description ?? "", a.countyAsPrinted ?? "", j.level.rawValue, j.geoid ?? "", j.name, j.method.rawValue,
                BatchCSV.fraction(j.confidence, decimals: 2), j.counties.map(\.countyGEOID).joined(separator: ";"),
            ])
        }
    }
}
