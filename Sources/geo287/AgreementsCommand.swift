import ArgumentParser
import Foundation
import Geo287Core
import Geo287Sheets

struct AgreementsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreements",
        abstract: "List the normalized agreements of an ICE sheet.",
        discussion: """
        --sheet is a .xlsx or .csv file (a bare name is also looked up in <data>/ice/). \
        Table and CSV write warnings to stderr; JSON holds them: {"sheet": {...}, \
        "agreements": [...], "warnings": [...]}. The CSV uses ICE's header names and reads back in.
        """)

    @OptionGroup var root: DataRootOption

    @Option(name: .customLong("sheet"), help: "ICE sheet (.xlsx or .csv).")
    var sheet: String

    @Option(help: "Only this model: jail-enforcement, warrant-service, task-force (or JEM, WSO, TFM).")
    var model: String?

    @Option(help: "Only this state: USPS code or name.")
    var state: String?

    @Option(help: "Output format: table, csv or json.")
    var format: String = "table"

    @Option(help: "Read the sheet as this kind: participating or pending (default: from the file name).")
    var kind: String?

    @Option(name: .customLong("published"), help: "Override the publication date (YYYY-MM-DD).")
    var published: String?

    @Option(name: [.short, .customLong("out"), .customLong("output")], help: "Write to this file instead of standard output.")
    var output: String?

    func run() throws {
        try runReportingErrors {
            guard ["table", "csv", "json"].contains(format) else {
                throw ValidationError("--format must be table, csv or json, not '\(format)'")
            }
            let wantModel = try model.map { m in
                guard let parsed = SupportModel.parse(m) else { throw ValidationError("unknown --model '\(m)'") }
                return parsed
            }
            let wantState = try state.map { s in
                guard let st = USState.usps(s) ?? USState.named(s) else { throw ValidationError("unknown --state '\(s)'") }
                return st
            }
            let sheetKind = try kind.map { k in
                guard let parsed = SheetKind(rawValue: k.lowercased()) else {
                    throw ValidationError("--kind must be participating or pending, not '\(k)'")
                }
                return parsed
            }
            let inputs = try SheetInputs.resolve([sheet], root: root, defaultToFolder: false)
            guard inputs.paths.count == 1, let path = inputs.paths.first else {
                throw DataError(sheet, "give one sheet file, not a folder")
            }
            let read = try SheetReader.read(
                path: path, kind: sheetKind, published: try SheetInputs.publishedDate(published))
            let rows = read.agreements.filter { a in
                (wantModel == nil || a.model == wantModel) && (wantState == nil || a.state == wantState)
            }
            let kept = Set(rows.map(\.row))
            let filtered = wantModel == nil && wantState == nil
            let warnings = read.warnings.filter { filtered || $0.row.map(kept.contains) ?? true }
            switch format {
            case "json":
                let json = JSONValue.object([
                    ("sheet", .object([
                        ("path", .string(read.path)), ("kind", .string(read.kind.rawValue)),
                        ("published", read.published.map { .string($0.description) } ?? .null),
                        ("rows", .int(read.rows)),
                    ])),
                    ("agreements", .array(rows.map(\.json))),
                    ("warnings", .array(warnings.map { .string($0.description) })),
                ])
                try emit(json.rendered() + "\n", to: output)
            case "csv":
                let lines = [Agreement.csvHeader] + rows.map(\.csvFields)
                try emit(lines.map { $0.map(CSVWriter.field).joined(separator: ",") + "\n" }.joined(), to: output)
                SheetInputs.report(warnings, of: read)
            default:
                try emit(Self.table(rows), to: output)
                SheetInputs.report(warnings, of: read)
            }
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
