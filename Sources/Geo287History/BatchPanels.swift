import Geo287Coverage
import Geo287Sheets

/// The long panels of a batch run, built one sheet at a time (CSV, RFC 4180): sheet × county ×
/// model (each model and `all`, the any-model union), and sheet × agreement with each agreement's
/// lifetime (`BatchAgreementPanel`).
public struct BatchPanels {
    public static let countyHeader = [
        "published", "sheet", "model", "county_geoid", "county", "state", "population", "covered", "share",
        "covered_without_statewide", "covering_agreements", "counted_agreements", "levels",
    ]
    public static var agreementHeader: [String] { BatchAgreementPanel.header }
    public static var lifetimeHeader: [String] { BatchAgreementPanel.lifetimeHeader }

    public private(set) var counties = BatchCSV(header: countyHeader)
    public private(set) var agreementPanel = BatchAgreementPanel()

    public init() {}

    /// The county panel's bytes made so far, removed: the panel is written as it is made.
    public mutating func drainCounties() -> [UInt8] { counties.drain() }

    /// `covered,share,covered_without_statewide,covering_agreements,counted_agreements,levels` of an untouched county.
    static let zeroTail = Array("0,0,0,0,0,".utf8)

    /// Per county, the constant fields `geoid,name,state,population,` as CSV bytes (the county
    /// list is the same for every sheet and model).
    private var countyPrefix: [String: [UInt8]] = [:]
    private var tails = BatchCountyTail()

    /// One row per county × model filter (every county, so the panel is balanced: zero rows
    /// included), and one row per agreement of the sheet.
    public mutating func add(_ step: History.Step) {
        let sheet = step.matched.sheet
        let date = sheet.published?.description ?? ""
        for f in History.filters {
            guard let result = step.coverage[f] else { continue }
            let rowPrefix = BatchCSV.fields([date, sheet.fileName, f.description])
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
                counties.appendRaw([rowPrefix, prefix, tails.bytes(c)])
            }
        }
        agreementPanel.add(step)
    }
}
