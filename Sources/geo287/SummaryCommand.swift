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
        states; then agreements per state × model. Several --sheet options, or a folder, give one \
        summary per sheet in publication-date order. Without --sheet, every sheet in <data>/ice. \
        JSON: {"sheet": {"path","kind","published","rows"}, "models": [{"model","agreements",\
        "agencies","states"}], "states": [{"state","jail-enforcement","warrant-service",\
        "task-force"}], "warnings": [...]}; an array of these for several sheets.
        """)

    @OptionGroup var root: DataRootOption

    @Option(name: .customLong("sheet"), help: "ICE sheet (.xlsx or .csv) or a folder of sheets; repeatable.")
    var sheets: [String] = []

    @Option(help: "Output format: table or json.")
    var format: String = "table"

    @Option(name: .customLong("published"), help: "Override the publication date (YYYY-MM-DD) of every sheet read.")
    var published: String?

    @Option(name: [.short, .customLong("out"), .customLong("output")], help: "Write to this file instead of standard output.")
    var output: String?

    func run() throws {
        try runReportingErrors {
            guard format == "table" || format == "json" else {
                throw ValidationError("--format must be table or json, not '\(format)'")
            }
            let date = try SheetInputs.publishedDate(published)
            let inputs = try SheetInputs.resolve(sheets, root: root, defaultToFolder: true)
            let read = try inputs.paths.map { try SheetReader.read(path: $0, published: date) }
            let summaries = read.sorted(by: SheetReader.publicationOrder).map(SheetSummary.init)
            if format == "json" {
                let json: JSONValue = inputs.single && summaries.count == 1
                    ? summaries[0].json : .array(summaries.map(\.json))
                try emit(json.rendered() + "\n", to: output)
            } else {
                try emit(summaries.map(Self.table).joined(separator: "\n"), to: output)
                for s in summaries { SheetInputs.report(s.sheet.warnings, of: s.sheet) }
            }
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
    /// `<data>/ice/`. Folders expand to their sheet files. With no values: `<data>/ice/`.
    static func resolve(
        _ given: [String], root: DataRootOption, defaultToFolder: Bool
    ) throws -> (paths: [String], single: Bool) {
        let fm = FileManager.default
        var values = given
        if values.isEmpty {
            values = [try root.resolve().path("ice")]
        }
        var paths: [String] = []
        var single = given.count == 1
        for value in values {
            var path = value
            if !fm.fileExists(atPath: path), !value.contains("/"), let dataRoot = try? root.resolve(),
               dataRoot.exists("ice/" + value) {
                path = dataRoot.path("ice/" + value)
            }
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else { throw DataError(value, "file not found") }
            if isDir.boolValue {
                single = false
                let found = try SheetReader.sheetPaths(inFolder: path)
                if found.isEmpty { throw DataError(path, "folder holds no .xlsx or .csv sheets") }
                paths += found
            } else {
                paths.append(path)
            }
        }
        return (paths, single && given.count == 1)
    }

    static func publishedDate(_ text: String?) throws -> SignedDate? {
        guard let text else { return nil }
        guard let date = SignedDate(iso: text), text.count == 10 else {
            throw ValidationError("--published must be a date YYYY-MM-DD, not '\(text)'")
        }
        return date
    }

    static func report(_ warnings: [SheetWarning], of sheet: Sheet) {
        guard !warnings.isEmpty else { return }
        var text = ""
        for w in warnings { text += "geo287: warning: \(sheet.fileName): \(w)\n" }
        FileHandle.standardError.write(Data(text.utf8))
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
