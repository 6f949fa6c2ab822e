import ArgumentParser
import Foundation
import Geo287Core
import Geo287Sheets

struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Count agreements per model and state in ICE sheets.",
        discussion: """
        Per model: agreements (rows), distinct agencies (state + normalized name) and distinct \
        states; then agreements per state × model. Without --sheet, the newest participating \
        sheet in <data>/ice (--as-of DATE: the one current on that date); --all summarizes every \
        sheet in <data>/ice. Several --sheet options, or a folder, give one summary per sheet in \
        publication-date order. \
        JSON: {"sheet": {"path","kind","published","rows"}, "models": [{"model","agreements",\
        "agencies","states"}], "states": [{"state","jail_enforcement","warrant_service",\
        "task_force"}], "warnings": [...]}; an array of these for several sheets.
        """)

    @OptionGroup var root: DataRootOption

    @Option(name: .customLong("sheet"), help: "ICE sheet (.xlsx or .csv) or a folder of sheets; repeatable. Default: the newest participating sheet in <data>/ice.")
    var sheets: [String] = []

    @Option(name: .customLong("as-of"), help: "Use the participating sheet current on this date (YYYY-MM-DD).")
    var asOf: String?

    @Flag(help: "Summarize every sheet in <data>/ice (participating and pending), oldest first.")
    var all = false

    @Option(help: "Output format.")
    var format: Format = .table

    @Option(name: .customLong("published"), help: "Override the publication date (YYYY-MM-DD) of every sheet read.")
    var published: String?

    @Option(name: .customLong("out"), help: "Write to this file (atomically) instead of standard output.")
    var out: String?

    enum Format: String, CaseIterable, ExpressibleByArgument { case table, json }

    func validate() throws {
        if all && !sheets.isEmpty { throw ValidationError("give --all or --sheet, not both") }
        if asOf != nil && (all || !sheets.isEmpty) { throw ValidationError("give --as-of alone, without --sheet or --all") }
        if let asOf { _ = try SheetOption.date(asOf) }
        if let published { _ = try SheetOption.date(published, option: "--published") }
    }

    func run() throws {
        let date = try published.map { try SheetOption.date($0, option: "--published") }
        let dataRoot = try root.resolve()
        let values: [String]
        if all {
            values = [dataRoot.path("ice")]
        } else if sheets.isEmpty {
            values = [try SheetOption.newest(dataRoot, asOf: try asOf.map { try SheetOption.date($0) })]
        } else {
            values = sheets
        }
        let inputs = try SheetInputs.resolve(values, root: dataRoot)
        let read = try inputs.paths.map { try SheetReader.read(path: $0, published: date) }
        let summaries = read.sorted(by: SheetReader.publicationOrder).map(SheetSummary.init)
        if format == .json {
            let json: JSONValue = inputs.single && summaries.count == 1
                ? summaries[0].json : .array(summaries.map(\.json))
            try emit(json.rendered() + "\n", to: out)
        } else {
            try emitText(summaries.map(Self.table).joined(separator: "\n"), to: out)
            for s in summaries { SheetInputs.report(s.sheet.warnings, of: s.sheet) }
        }
    }

    static func table(_ s: SheetSummary) -> String {
        let sheet = s.sheet
        var out = "\(sheet.path): \(sheet.kind.rawValue), published \(sheet.published?.description ?? "unknown"), "
            + "\(sheet.rows) rows, \(sheet.warnings.count) warnings\n"
        out += SheetInputs.row(["MODEL", "AGREEMENTS", "AGENCIES", "STATES"], widths: [18, 11, 9, 7])
        for m in s.models {
            out += SheetInputs.row(
                [m.model.rawValue, String(m.agreements), String(m.agencies), String(m.states)], widths: [18, 11, 9, 7])
        }
        out += "\n"
        let widths = [6, 17, 16, 11, 6]
        out += SheetInputs.row(["STATE"] + SupportModel.allCases.map(\.rawValue) + ["TOTAL"], widths: widths)
        for st in s.states {
            out += SheetInputs.row(
                [st.state] + SupportModel.allCases.map { String(st.count($0)) } + [String(st.total)], widths: widths)
        }
        return out
    }
}

/// Sheet arguments shared by `agreements` and `summary`.
enum SheetInputs {
    /// Resolves `--sheet` values: an existing file or folder as given, else a name inside
    /// `<data>/ice/`. Folders expand to their sheet files; `single` when one file was given.
    static func resolve(_ values: [String], root: DataRoot) throws -> (paths: [String], single: Bool) {
        let fm = FileManager.default
        var paths: [String] = []
        var single = values.count == 1
        for value in values {
            var path = value
            if !fm.fileExists(atPath: path), !value.contains("/"), root.exists("ice/" + value) {
                path = root.path("ice/" + value)
            }
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else { throw DataError.missing(value, "file not found") }
            if isDir.boolValue {
                single = false
                let found = try SheetReader.sheetPaths(inFolder: path)
                if found.isEmpty { throw DataError.missing(path, "folder holds no .xlsx or .csv sheets") }
                paths += found
            } else {
                paths.append(path)
            }
        }
        return (paths, single)
    }

    static func report(_ warnings: [SheetWarning], of sheet: Sheet) {
        guard !warnings.isEmpty else { return }
        var text = ""
        for w in warnings { text += "geo287: warning: \(sheet.fileName): \(w)\n" }
        StandardOutput.error(TerminalText.escape(text))
    }

    /// One table line: the first column left-aligned, the rest right-aligned.
    static func row(_ cells: [String], widths: [Int]) -> String {
        var out = ""
        for (i, cell) in cells.enumerated() {
            let width = i < widths.count ? widths[i] : cell.count
            let pad = String(repeating: " ", count: max(0, width - cell.count))
            out += i == 0 ? cell + pad : " " + pad + cell
        }
        return out + "\n"
    }
}
