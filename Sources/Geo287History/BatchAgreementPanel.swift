import Geo287Core
import Geo287Coverage
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

    /// A panel row, kept small until every lifetime is known: its sheet, its row on the sheet,
    /// its agreement (number in `lineages.all`) and its middle part (`variants`).
    struct Row {
        let sheet: Int32
        let agreement: Int32
        let variant: Int32
        let row: Int
    }

    private var rows: [Row] = []
    /// Per sheet: `published,sheet,` as CSV bytes.
    private var sheetFields: [[UInt8]] = []
    /// The fields `id` … `counting_rule` of a row, each followed by a comma, once per distinct
    /// value: an agreement's row mostly prints the same ones on every sheet.
    private var variants: [[UInt8]] = []
    /// Per agreement number: what its latest variant was made from, and that variant (-1: none yet).
    private var latestSource: [VariantSource?] = []
    private var latestVariant: [Int32] = []

    /// What a row's middle part is made of, told apart without copying its fields: the row's
    /// facts (one object per distinct content in the run's `AgreementFactTable`: they fix its id
    /// but for the occurrence, state, model, agency name, signed date, COUNTY and MOA), the
    /// occurrence, and the rest read from the row.
    struct VariantSource {
        let facts: AgreementFacts
        let occurrence: Int
        let agencyID: String
        let typeAsPrinted: String?
        let jurisdiction: Jurisdiction

        func makes(_ row: IdentifiedSheet.Row, agencyID: String, _ m: MatchedAgreement) -> Bool {
            facts === row.facts && occurrence == row.occurrence && self.agencyID == agencyID
                && typeAsPrinted == m.agreement.typeAsPrinted && jurisdiction == m.jurisdiction
        }
    }

    public init() {}

    /// The number of panel rows added.
    public var rowCount: Int { rows.count }
    /// The number of distinct middles (`variants`) made.
    var variantCount: Int { variants.count }

    /// The rows of the next sheet (`diff`: from the sheet added before).
    mutating func add(_ identified: IdentifiedSheet, matched: MatchedSheet, diff: SheetDiff?) throws {
        let sheet = matched.sheet
        guard let sheetIndex = Int32(exactly: sheetFields.count) else { throw DataError(sheet.path, "too many sheets for the agreements panel") }
        sheetFields.append(BatchCSV.fields([sheet.published?.description ?? "", sheet.fileName]))
        let numbers = lineages.addNumbered(identified, matched: matched.matched, diff: diff)
        if let most = numbers.max(), latestSource.count <= most {
            latestSource += Array(repeating: nil, count: most + 1 - latestSource.count)
            latestVariant += Array(repeating: -1, count: most + 1 - latestVariant.count)
        }
        // By index into the sheet's arrays: a row's agreement and jurisdiction are read in place.
        try identified.rows.withUnsafeBufferPointer { identifiedRows in
            try matched.matched.withUnsafeBufferPointer { matchedRows in
                for (r, n) in numbers.enumerated() {
                    let agencyID = lineages.all[n].agencyID
                    let variant: Int32
                    if latestVariant[n] >= 0, latestSource[n]?.makes(identifiedRows[r], agencyID: agencyID, matchedRows[r]) == true {
                        variant = latestVariant[n]
                    } else {
                        guard let v = Int32(exactly: variants.count) else { throw DataError(sheet.path, "too many distinct agreement rows for the agreements panel") }
                        variant = v
                        let row = identifiedRows[r], m = matchedRows[r]
                        variants.append(Self.middle(row, agencyID: agencyID, m, agreementID: lineages.all[n].agreementID))
                        latestSource[n] = VariantSource(facts: row.facts, occurrence: row.occurrence, agencyID: agencyID,
                                                        typeAsPrinted: m.agreement.typeAsPrinted, jurisdiction: m.jurisdiction)
                        latestVariant[n] = variant
                    }
                    guard let agreement = Int32(exactly: n) else { throw DataError(sheet.path, "too many agreements for the agreements panel") }
                    rows.append(Row(sheet: sheetIndex, agreement: agreement, variant: variant, row: matchedRows[r].agreement.row))
                }
            }
        }
    }

    /// `id` … `counting_rule` as CSV bytes, each field followed by a comma.
    static func middle(_ row: IdentifiedSheet.Row, agencyID: String, _ m: MatchedAgreement, agreementID: String) -> [UInt8] {
        let a = m.agreement, j = m.jurisdiction
        return BatchCSV.fields([
            row.id, agreementID, agencyID, row.identity.state, row.identity.model, a.agencyName, a.typeAsPrinted ?? "",
            a.signed?.description ?? "", a.countyAsPrinted ?? "", SheetDiff.moa(a) ?? "", j.level.rawValue, j.geoid ?? "", j.name,
            j.method.rawValue, BatchCSV.fraction(j.confidence, decimals: 2), j.counties.map(\.countyGEOID).joined(separator: ";"),
        ] + counting(j))
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

    /// The agreements panel, header and rows in sheet order, handed to `write` piece by piece
    /// in order: the rows are formatted `chunk` at a time on up to `threads` threads (a few
    /// chunks ahead of `write` at most), each agreement's lifetime columns formatted once, into
    /// buffers taken from `buffers` (`write` gives them back when done with them).
    /// Returns the number of rows.
    public func panel(threads: Int, chunk: Int = 1 << 14, buffers: BufferPool = BufferPool(),
                      _ write: ([UInt8]) throws -> Void) throws -> Int {
        try write(BatchCSV(header: Self.header).bytes)
        let tails = lineages.all.map { BatchCSV.tail(lifetimeFields($0)) }
        let size = max(1, chunk), window = max(1, 4 * threads)
        let chunks = (rows.count + size - 1) / size
        let parts = PanelParts(rows: rows, sheetFields: sheetFields, variants: variants, tails: tails)
        for first in stride(from: 0, to: chunks, by: window) {
            let made = try Parallel.map(Array(first..<min(chunks, first + window)), threads: threads) { c in
                var piece = buffers.take()
                parts.bytes(c * size..<min(parts.rows.count, (c + 1) * size), into: &piece)
                return piece
            }
            for piece in made { try write(piece) }
        }
        return rows.count
    }

    /// The agreements panel as one document (tests; `panel(threads:_:)` streams it).
    public func panel(threads: Int = 1) throws -> BatchCSV {
        var bytes: [UInt8] = []
        let rows = try panel(threads: threads) { bytes += $0 }
        var csv = BatchCSV()
        csv.appendLines(bytes, rows: rows)
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

/// What the agreements panel's rows are made of, shared read-only by the threads formatting them.
final class PanelParts: Sendable {
    let rows: [BatchAgreementPanel.Row]
    let sheetFields: [[UInt8]]
    let variants: [[UInt8]]
    let tails: [[UInt8]]

    init(rows: [BatchAgreementPanel.Row], sheetFields: [[UInt8]], variants: [[UInt8]], tails: [[UInt8]]) {
        self.rows = rows
        self.sheetFields = sheetFields
        self.variants = variants
        self.tails = tails
    }

    /// Rows `range`, CSV lines, appended to `out` (sized first: one allocation at most).
    func bytes(_ range: Range<Int>, into out: inout [UInt8]) {
        rows.withUnsafeBufferPointer { rows in
            sheetFields.withUnsafeBufferPointer { sheetFields in
                variants.withUnsafeBufferPointer { variants in
                    tails.withUnsafeBufferPointer { tails in
                        var total = out.count
                        for r in rows[range] {
                            total += sheetFields[Int(r.sheet)].count + PanelBytes.decimalSize(r.row) + variants[Int(r.variant)].count
                                + tails[Int(r.agreement)].count + 2
                        }
                        out.reserveCapacity(total)
                        for r in rows[range] {
                            out.append(contentsOf: sheetFields[Int(r.sheet)])
                            PanelBytes.appendDecimal(r.row, to: &out)
                            out.append(UInt8(ascii: ","))
                            out.append(contentsOf: variants[Int(r.variant)])
                            out.append(contentsOf: tails[Int(r.agreement)])
                            out.append(UInt8(ascii: "\n"))
                        }
                    }
                }
            }
        }
    }
}
