import Foundation
import Geo287Core
import Geo287Sheets

/// Renders a `SheetDiff`: counts per model and per state first, then the agreements.
public enum SheetDiffOutput {
    static let kinds = SheetDiff.Kind.allCases

    static func sheetLine(_ s: Sheet) -> String {
        "\(s.fileName) (published \(s.published?.description ?? "unknown"), \(s.rows) agreements)"
    }

    public static func table(_ d: SheetDiff) -> String {
        var out = "old: \(sheetLine(d.old))\nnew: \(sheetLine(d.new))\n\n"
        let widths = [18, 7, 8, 8, 9, 8, 12]
        out += row(["MODEL"] + kinds.map { $0.rawValue.uppercased() }, widths)
        for (m, c) in d.modelCounts where m != "unknown" || c.total > 0 { out += row([m] + kinds.map { String(c.count($0)) }, widths) }
        let all = d.counts()
        out += row(["total"] + kinds.map { String(all.count($0)) }, widths) + "\n"
        out += row(["STATE"] + kinds.map { $0.rawValue.uppercased() }, widths)
        for (s, c) in d.stateCounts { out += row([s] + kinds.map { String(c.count($0)) }, widths) }
        for kind in kinds {
            let list = d.entries(kind)
            out += "\n\(kind.rawValue.uppercased()) (\(list.count))\n"
            for e in list { out += "  " + line(e) + "\n" }
        }
        return out
    }

    /// One entry as a line: `FL  task-force  Agency name  signed 2025-07-01; county: A → B`.
    static func line(_ e: SheetDiff.Entry) -> String {
        var s = e.state.padding(toLength: 3, withPad: " ", startingAt: 0) + " " + e.model.padding(toLength: 17, withPad: " ", startingAt: 0)
            + " " + e.agency
        switch e.kind {
        case .added: s += "  signed \(e.new?.signed?.description ?? "-")" + (e.new?.countyAsPrinted.map { "; \($0)" } ?? "")
        case .removed: s += "  signed \(e.old?.signed?.description ?? "-")" + (e.old?.countyAsPrinted.map { "; \($0)" } ?? "")
        case .renewed, .switched, .changed, .linkFilled:
            s += "  " + e.changes.map { "\($0.field): \($0.old ?? "(none)") → \($0.new ?? "(none)")" }.joined(separator: "; ")
        }
        return s
    }

    public static let csvHeader = [
        "kind", "id", "old_id", "state", "model", "agency", "old_agency", "changed_fields",
        "signed_old", "signed_new", "county_old", "county_new", "type_old", "type_new", "moa_old", "moa_new", "row_old", "row_new",
    ]

    /// One row per agreement that differs (the counts are in the table and JSON forms).
    public static func csv(_ d: SheetDiff) -> String {
        var out = CSVWriter.line(csvHeader)
        for e in d.entries {
            let o = e.old, n = e.new
            out += CSVWriter.line([
                e.kind.rawValue, e.id, e.oldID ?? "", e.state, e.model, e.agency, o?.agencyName ?? "",
                e.changes.map(\.field).joined(separator: ";"),
                o?.signed?.description ?? "", n?.signed?.description ?? "", o?.countyAsPrinted ?? "", n?.countyAsPrinted ?? "",
                o?.typeAsPrinted ?? "", n?.typeAsPrinted ?? "", o.flatMap(SheetDiff.moa) ?? "", n.flatMap(SheetDiff.moa) ?? "",
                o.map { String($0.row) } ?? "", n.map { String($0.row) } ?? "",
            ])
        }
        return out
    }

    public static func json(_ d: SheetDiff) -> JSONValue {
        func sheet(_ s: Sheet) -> JSONValue {
            .object([("path", .string(s.path)), ("published", .optional(s.published?.description)), ("rows", .int(s.rows))])
        }
        func counts(_ c: SheetDiff.Counts) -> [(String, JSONValue)] { kinds.map { ($0.column, .int(c.count($0))) } }
        func agreement(_ a: Agreement?) -> JSONValue {
            guard let a else { return .null }
            return .object([
                ("row", .int(a.row)), ("agency", .string(a.agencyName)), ("signed", .optional(a.signed?.description)),
                ("county", .optional(a.countyAsPrinted)), ("type", .optional(a.typeAsPrinted)), ("moa", .optional(SheetDiff.moa(a))),
            ])
        }
        return .object([
            ("old", sheet(d.old)), ("new", sheet(d.new)),
            ("counts", .object([
                ("total", .object(counts(d.counts()))),
                ("models", .array(d.modelCounts.map { m, c in .object([("model", .string(m))] + counts(c)) })),
                ("states", .array(d.stateCounts.map { s, c in .object([("state", .string(s))] + counts(c)) })),
            ])),
            ("agreements", .array(d.entries.map { e in
                .object([
                    ("kind", .string(e.kind.rawValue)), ("id", .string(e.id)), ("old_id", .optional(e.oldID)),
                    ("state", .string(e.state)), ("model", .string(e.model)), ("agency", .string(e.agency)),
                    ("changes", .array(e.changes.map { c in
                        .object([("field", .string(c.field)), ("old", .optional(c.old)), ("new", .optional(c.new))])
                    })),
                    ("old", agreement(e.old)), ("new", agreement(e.new)),
                ])
            })),
        ])
    }

    static func row(_ cells: [String], _ widths: [Int]) -> String {
        var out = ""
        for (i, cell) in cells.enumerated() {
            let pad = String(repeating: " ", count: max(0, (i < widths.count ? widths[i] : 0) - cell.count))
            out += i == 0 ? cell + pad : " " + pad + cell
        }
        return out + "\n"
    }
}
