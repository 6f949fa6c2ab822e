import Foundation
import Geo287Core
import Geo287Coverage
import Geo287Sheets

/// Renders a `History`: table, CSV (one row per sheet) and JSON. `models` limits the model
/// columns (all three by default).
public enum HistoryOutput {
    /// `1,234,567`.
    public static func people(_ n: Int) -> String { CoverageOutput.people(n) }

    static func change(_ now: Int, _ before: Int?) -> Int? { before.map { now - $0 } }
    static func signed(_ n: Int?) -> String { n.map { $0 > 0 ? "+" + people($0) : ($0 < 0 ? "-" + people(-$0) : "0") } ?? "" }

    public static func table(_ h: History, models: [SupportModel] = SupportModel.allCases) -> String {
        var out = "287(g) participating sheets in date order; people covered: coverage union, places method (\(h.populationVintage))\n"
        out += "pending: the pending sheet ICE listed with the participating sheet (date in brackets)\n\n"
        var header = ["PUBLISHED", "SHEET"]
        for m in models { header += ["\(m.abbreviation) AGR", "ST", "PEND", "COVERED", "Δ AGR", "Δ COVERED"] }
        header += ["ALL COVERED"] + SheetDiff.Kind.allCases.map { $0.rawValue.uppercased() } + ["PENDING SHEET"]
        var lines = [header]
        for (i, r) in h.rows.enumerated() {
            let prev = i > 0 ? h.rows[i - 1] : nil
            var cells = [r.published?.description ?? "?", r.sheet.fileName]
            for m in models {
                cells += [String(r.agreements(m)), String(r.states(m)), r.pendingAgreements(m).map(String.init) ?? "-",
                          CoverageOutput.people(r.covered(.model(m))),
                          signed(change(r.agreements(m), prev?.agreements(m))),
                          signed(change(r.covered(.model(m)), prev?.covered(.model(m))))]
            }
            cells += [CoverageOutput.people(r.covered(.all))]
            cells += SheetDiff.Kind.allCases.map { k in r.change.map { String($0.count(k)) } ?? "" }
            cells += [r.pending.map { "\($0.sheet.fileName) [\($0.sheet.published?.description ?? "?")]" } ?? "-"]
            lines.append(cells)
        }
        let widths = (0..<header.count).map { c in lines.map { $0.indices.contains(c) ? $0[c].count : 0 }.max() ?? 0 }
        return lines.map { cells in
            cells.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: max(0, widths[i] - cell.count))
                return i < 2 || i == cells.count - 1 ? cell + pad : pad + cell
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }.joined(separator: "\n") + "\n"
    }

    public static func csvHeader(models: [SupportModel]) -> [String] {
        var h = ["published", "sheet", "pending_sheet", "pending_published"]
        for m in models {
            let p = m.abbreviation.lowercased()
            h += ["\(p)_agreements", "\(p)_agencies", "\(p)_states", "\(p)_pending", "\(p)_covered",
                  "\(p)_agreements_change", "\(p)_covered_change"]
        }
        return h + ["all_covered", "all_covered_change", "population"] + SheetDiff.Kind.allCases.map(\.column)
    }

    public static func csv(_ h: History, models: [SupportModel] = SupportModel.allCases) -> String {
        var out = CSVWriter.line(csvHeader(models: models))
        for (i, r) in h.rows.enumerated() {
            let prev = i > 0 ? h.rows[i - 1] : nil
            var f = [r.published?.description ?? "", r.sheet.fileName, r.pending?.sheet.fileName ?? "",
                     r.pending?.sheet.published?.description ?? ""]
            for m in models {
                f += [String(r.agreements(m)), String(r.summary.model(m)?.agencies ?? 0), String(r.states(m)),
                      r.pendingAgreements(m).map(String.init) ?? "", String(r.covered(.model(m))),
                      change(r.agreements(m), prev?.agreements(m)).map(String.init) ?? "",
                      change(r.covered(.model(m)), prev?.covered(.model(m))).map(String.init) ?? ""]
            }
            f += [String(r.covered(.all)), change(r.covered(.all), prev?.covered(.all)).map(String.init) ?? "", String(r.population)]
            f += SheetDiff.Kind.allCases.map { k in r.change.map { String($0.count(k)) } ?? "" }
            out += CSVWriter.line(f)
        }
        return out
    }

    public static func json(_ h: History, models: [SupportModel] = SupportModel.allCases) -> JSONValue {
        .object([
            ("method", .string("places")), ("population_vintage", .string(h.populationVintage)),
            ("sheets", .array(h.rows.enumerated().map { i, r in
                let prev = i > 0 ? h.rows[i - 1] : nil
                return .object([
                    ("published", .optional(r.published?.description)), ("sheet", .string(r.sheet.fileName)),
                    ("pending_sheet", r.pending.map { p in
                        .object([("sheet", .string(p.sheet.fileName)), ("published", .optional(p.sheet.published?.description))])
                    } ?? .null),
                    ("models", .array(models.map { m in
                        .object([
                            ("model", .string(m.rawValue)), ("agreements", .int(r.agreements(m))),
                            ("agencies", .int(r.summary.model(m)?.agencies ?? 0)), ("states", .int(r.states(m))),
                            ("pending", r.pendingAgreements(m).map { .int($0) } ?? .null),
                            ("covered", .int(r.covered(.model(m)))),
                            ("agreements_change", change(r.agreements(m), prev?.agreements(m)).map { .int($0) } ?? .null),
                            ("covered_change", change(r.covered(.model(m)), prev?.covered(.model(m))).map { .int($0) } ?? .null),
                        ])
                    })),
                    ("all_covered", .int(r.covered(.all))), ("population", .int(r.population)),
                    ("change", r.change.map { c in .object(SheetDiff.Kind.allCases.map { ($0.column, .int(c.count($0))) }) } ?? .null),
                ])
            })),
        ])
    }
}
