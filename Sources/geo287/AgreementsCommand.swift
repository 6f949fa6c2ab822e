import ArgumentParser
import Foundation
import Geo287Core
import Geo287Sheets

struct AgreementsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreements",
        abstract: "List the normalized agreements of an ICE sheet.",
        discussion: """
        Without --sheet, the newest participating sheet in <data>/ice (--as-of DATE: the one \
        current on that date); --sheet is a .xlsx or .csv file (a bare name is also looked up in \
        <data>/ice/). Table and CSV write warnings to stderr; JSON holds them: {"sheet": {...}, \
        "agreements": [...], "warnings": [...]}. The CSV uses ICE's header names and reads back in.
        """)

    @OptionGroup var root: DataRootOption
    @OptionGroup var sheet: SheetOption

    @Option(help: "Only this agreement model; \(ModelChoice.otherSpellings).")
    var model: ModelChoice = .all

    @Option(help: "Only this state: \(StateChoice.spellings).")
    var state: StateChoice?

    @Option(help: "Output format.")
    var format: TableFormat = .table

    @Option(help: "Read the sheet as this kind (default: from the file name).")
    var kind: SheetKind?

    @Option(name: .customLong("published"), help: "Override the publication date (YYYY-MM-DD).")
    var published: String?

    @Option(name: .customLong("out"), help: "Write to this file (atomically) instead of standard output.")
    var out: String?

    func validate() throws {
        if let published { _ = try SheetOption.date(published, option: "--published") }
    }

    func run() throws {
        let dataRoot = try root.resolve()
        let read = try SheetReader.read(
            path: try sheet.path(dataRoot), kind: kind, published: try published.map { try SheetOption.date($0, option: "--published") })
        let wantModel = model.model, wantState = state?.state
        let rows = read.agreements.filter { a in
            (wantModel == nil || a.model == wantModel) && (wantState == nil || a.state == wantState)
        }
        let kept = Set(rows.map(\.row))
        let filtered = wantModel == nil && wantState == nil
        let warnings = read.warnings.filter { filtered || $0.row.map(kept.contains) ?? true }
        switch format {
        case .json:
            let json = JSONValue.object([
                ("sheet", .object([
                    ("path", .string(read.path)), ("kind", .string(read.kind.rawValue)),
                    ("published", read.published.map { .string($0.description) } ?? .null),
                    ("rows", .int(read.rows)),
                ])),
                ("agreements", .array(rows.map(\.json))),
                ("warnings", .array(warnings.map { .string($0.description) })),
            ])
            try emit(json.rendered() + "\n", to: out)
        case .csv:
            let lines = [Agreement.csvHeader] + rows.map(\.csvFields)
            try emit(lines.map { $0.map(CSVWriter.field).joined(separator: ",") + "\n" }.joined(), to: out)
            SheetInputs.report(warnings, of: read)
        case .table:
            try emitText(Self.table(rows), to: out)
            SheetInputs.report(warnings, of: read)
        }
    }

    static func table(_ rows: [Agreement]) -> String {
        let widths = [5, 3, 4, 11, 10, 50]
        var out = leftRow(["ROW", "ST", "MOD", "SIGNED", "TYPE", "AGENCY", "COUNTY"], widths: widths)
        for a in rows {
            out += leftRow([
                String(a.row), a.state?.usps ?? "?" + a.stateAsPrinted, a.model?.abbreviation ?? "?",
                a.signed?.description ?? "-", a.agencyType.rawValue,
                a.agencyName, a.countyAsPrinted ?? "",
            ], widths: widths)
        }
        return out
    }

    private static func leftRow(_ cells: [String], widths: [Int]) -> String {
        var out = ""
        for (i, cell) in cells.enumerated() {
            let width = i < widths.count ? widths[i] : 0
            out += (i > 0 ? " " : "") + cell + String(repeating: " ", count: max(0, width - cell.count))
        }
        while out.hasSuffix(" ") { out.removeLast() }
        return out + "\n"
    }
}
