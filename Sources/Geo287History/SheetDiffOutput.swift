import Foundation
import Geo287Core
import Geo287Sheets

/// Renders a `SheetDiff`: counts per model and per state first, then the agreements.
public enum SheetDiffOutput {
    static let kinds = SheetDiff.Kind.allCases

    static func sheetLine(_ s: Sheet) -> String {
        "\(s.fileName) (published \(s.published?.description ?? "unknown"), \(s.rows) agreements)"
    }

    /// `state`: the diff was restricted to this state (`SheetDiff.restricted(to:)`).
    public static func table(_ d: SheetDiff, people: SheetDiffPeople? = nil, state: String? = nil) -> String {
        var out = "old: \(sheetLine(d.old))\nnew: \(sheetLine(d.new))\n" + (state.map { "only agreements of \($0)\n" } ?? "") + "\n"
        let widths = [18, 7, 8, 8, 9, 8, 12]
        out += row(["MODEL"] + kinds.map { $0.rawValue.uppercased() }, widths)
        for (m, c) in d.modelCounts where m != "unknown" || c.total > 0 { out += row([m] + kinds.map { String(c.count($0)) }, widths) }
        let all = d.counts()
        out += row(["total"] + kinds.map { String(all.count($0)) }, widths) + "\n"
        out += row(["STATE"] + kinds.map { $0.rawValue.uppercased() }, widths)
        for (s, c) in d.stateCounts { out += row([s] + kinds.map { String(c.count($0)) }, widths) }
        if let people { out += SheetDiffPeopleOutput.table(people, diff: d, state: state) }
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
        "record", "kind", "state", "model", "count", "people_old", "people_new", "people_change", "counties",
        "id", "old_id", "agency", "old_agency", "changed_fields",
        "signed_old", "signed_new", "county_old", "county_new", "type_old", "type_new", "moa_old", "moa_new", "row_old", "row_new",
    ]

    /// One table of records told apart by `record`: `count` (entries of one kind, per model or per
    /// state; state and model empty for the total), `people` (covered people before and after, per
    /// model filter, nationally with state empty, and per state), `mover` (counties whose people
    /// changed, summed per state and the agreements that reach them: `id` and `agency` list them,
    /// `;`-separated) and `agreement` (one per agreement that differs; `people_change` is what it
    /// moved alone under its own model).
    public static func csv(_ d: SheetDiff, people: SheetDiffPeople? = nil) -> String {
        var out = CSVWriter.line(csvHeader)
        func count(_ state: String, _ model: String, _ c: SheetDiff.Counts) {
            for k in kinds { out += CSVWriter.line(["count", k.rawValue, state, model, String(c.count(k))] + Array(repeating: "", count: 19)) }
        }
        count("", "", d.counts())
        for (m, c) in d.modelCounts where m != "unknown" || c.total > 0 { count("", m, c) }
        for (s, c) in d.stateCounts { count(s, "", c) }
        for t in people?.totals ?? [] {
            out += CSVWriter.line(["people", "", t.state ?? "", t.model, "", String(t.before), String(t.after), String(t.delta)]
                                  + Array(repeating: "", count: 16))
        }
        for m in people?.movers ?? [] {
            out += CSVWriter.line(["mover", "", m.state, m.model, "", "", "", String(m.delta), String(m.counties),
                                   m.entryIDs.joined(separator: ";"), "", m.agencies.joined(separator: ";")] + Array(repeating: "", count: 12))
        }
        for e in d.entries {
            let o = e.old, n = e.new
            let moved = people?.delta(entryID: e.id, model: e.model).map(String.init) ?? ""
            out += CSVWriter.line([
                "agreement", e.kind.rawValue, e.state, e.model, "", "", "", moved, "", e.id, e.oldID ?? "", e.agency, o?.agencyName ?? "",
                e.changes.map(\.field).joined(separator: ";"),
                o?.signed?.description ?? "", n?.signed?.description ?? "", o?.countyAsPrinted ?? "", n?.countyAsPrinted ?? "",
                o?.typeAsPrinted ?? "", n?.typeAsPrinted ?? "", o.flatMap(SheetDiff.moa) ?? "", n.flatMap(SheetDiff.moa) ?? "",
                o.map { String($0.row) } ?? "", n.map { String($0.row) } ?? "",
            ])
        }
        return out
    }

    public static func json(_ d: SheetDiff, people: SheetDiffPeople? = nil) -> JSONValue {
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
            ("people", people.map(SheetDiffPeopleOutput.json) ?? .null),
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
