import Geo287Core
import Geo287Coverage
import Geo287Sheets

/// The long panels of a batch run, built one sheet at a time (CSV, RFC 4180): sheet × county ×
/// model (each model and `all`, the any-model union), written to its file as it is made on a
/// thread of its own (`BatchCountyPanel`), and sheet × agreement with each agreement's lifetime
/// (`BatchAgreementPanel`, its rows followed on another thread), written once every lifetime is known.
public final class BatchPanels: @unchecked Sendable {
    public static let countyHeader = [
        "published", "sheet", "model", "county_geoid", "county", "state", "population", "covered", "share",
        "covered_without_statewide", "covering_agreements", "counted_agreements", "levels",
    ]
    public static var agreementHeader: [String] { BatchAgreementPanel.header }
    public static var lifetimeHeader: [String] { BatchAgreementPanel.lifetimeHeader }

    // @unchecked: `agreements` is only touched by `agreementRows`' items and in its `drain`.
    private let counties: BatchCountyPanel
    private let agreementRows = OrderedWorker(label: "geo287.batch-agreements-panel")
    private var agreements = BatchAgreementPanel()

    /// `countyFile`: where the county panel goes (header first).
    public init(countyFile: HashingFileWriter) throws {
        counties = try BatchCountyPanel(file: countyFile)
    }

    /// One row per county × model filter (every county, so the panel is balanced: zero rows
    /// included), and one row per agreement of the sheet; each kind made on a thread of its
    /// own, sheet after sheet, while the caller counts the next sheets.
    public func add(_ step: History.Step) throws {
        let sheet = step.matched.sheet
        try counties.add(published: sheet.published?.description ?? "", sheet: sheet.fileName, coverage: step.coverage)
        let identified = step.identified, matched = step.matched, diff = step.diff
        try agreementRows.submit { [self] in try agreements.add(identified, matched: matched, diff: diff) }
    }

    /// Waits for the county panel's rows to be written; returns their number and the file's SHA-256.
    public func finishCounties() throws -> (rows: Int, sha256: String) { try counties.finish() }

    /// Waits for the agreement rows of every sheet added: the agreements panel and lifetimes.
    public func agreementPanel() throws -> BatchAgreementPanel { try agreementRows.drain { self.agreements } }
}
