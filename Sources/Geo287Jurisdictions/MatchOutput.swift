import Foundation
import Geo287Core
import Geo287Sheets

/// Renders matched agreements (`geo287 match`): table, CSV, JSON and the match-rate report.
public enum MatchOutput {
    static func countyList(_ j: Jurisdiction) -> String {
        j.counties.map { "\($0.countyGEOID):\(JSONValue.format($0.share, decimals: 6))" }.joined(separator: ";")
    }

    public static let csvHeader = ["row", "state", "agency", "type", "county_cell", "model", "signed", "moa_url",
                                   "level", "jurisdiction_geoid", "jurisdiction_name", "method", "confidence", "reason", "counties"]

    public static func csv(_ matched: [MatchedAgreement]) -> String {
        var out = CSVWriter.line(csvHeader)
        for m in matched {
            let a = m.agreement, j = m.jurisdiction
            out += CSVWriter.line([String(a.row), a.state?.usps ?? a.stateAsPrinted, a.agencyName, a.typeAsPrinted ?? "",
                                   a.countyAsPrinted ?? "", a.model?.rawValue ?? a.modelAsPrinted, a.signed?.description ?? "",
                                   a.moaURL ?? "", j.level.rawValue, j.geoid ?? "", j.name, j.method.rawValue,
                                   JSONValue.format(j.confidence, decimals: 2), j.reason, countyList(j)])
        }
        return out
    }

    public static func json(_ m: MatchedAgreement) -> JSONValue {
        let a = m.agreement, j = m.jurisdiction
        return .object([
            ("row", .int(a.row)), ("state", .optional(a.state?.usps)), ("agency", .string(a.agencyName)),
            ("type", .optional(a.typeAsPrinted)), ("county_cell", .optional(a.countyAsPrinted)),
            ("model", .optional(a.model?.rawValue)), ("signed", .optional(a.signed?.description)),
            ("moa_url", .optional(a.moaURL)),
            ("jurisdiction", .object([
                ("level", .string(j.level.rawValue)), ("geoid", .optional(j.geoid)), ("name", .string(j.name)),
                ("method", .string(j.method.rawValue)), ("confidence", .number(j.confidence, decimals: 2)),
                ("reason", .string(j.reason)),
                ("counties", .array(j.counties.map {
                    .object([("county", .string($0.countyGEOID)), ("share", .number($0.share)),
                             ("coverage", .number($0.coverage)), ("basis", .string($0.basis))])
                })),
            ])),
        ])
    }

    public static func json(_ matched: [MatchedAgreement], sheet: Sheet) -> String {
        JSONValue.object([
            ("sheet", .object([("path", .string(sheet.path)), ("kind", .string(sheet.kind.rawValue)),
                               ("published", .optional(sheet.published?.description)), ("rows", .int(sheet.rows))])),
            ("agreements", .array(matched.map(json))),
        ]).rendered() + "\n"
    }

    public static func table(_ matched: [MatchedAgreement]) -> String {
        var out = ""
        for m in matched {
            let a = m.agreement, j = m.jurisdiction
            out += "\(a.row)\t\(a.state?.usps ?? "??")\t\(a.agencyName)\t\(a.model?.rawValue ?? "?")\t\(j.level.rawValue)\t\(j.geoid ?? "-")\t\(j.name)\t\(j.method.rawValue)\t\(JSONValue.format(j.confidence, decimals: 2))\n"
        }
        return out
    }

    /// Match rates by level and method, then every fallback or unmatched agreement with its reason.
    public static func report(_ matched: [MatchedAgreement]) -> String {
        let n = matched.count
        func pct(_ k: Int) -> String { n == 0 ? "0%" : NumberText.percent(Double(k) / Double(n)) }
        var out = "\(n) agreements\n\nby level:\n"
        for level in JurisdictionLevel.allCases {
            let k = matched.filter { $0.jurisdiction.level == level }.count
            out += "  \(level.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0)) \(String(k).leftPad(5))  \(pct(k))\n"
        }
        out += "\nby method:\n"
        for method in MatchMethod.allCases {
            let k = matched.filter { $0.jurisdiction.method == method }.count
            out += "  \(method.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0)) \(String(k).leftPad(5))  \(pct(k))\n"
        }
        let good = matched.filter { $0.jurisdiction.geoid != nil && !$0.jurisdiction.method.isFallbackOrUnmatched }.count
        out += "\ngeometry by a non-fallback method: \(good) of \(n) (\(pct(good)))\n"
        let weak = matched.filter { $0.jurisdiction.method.isFallbackOrUnmatched }
        if !weak.isEmpty {
            out += "\nfallback and unmatched:\n"
            for m in weak {
                out += "  row \(m.agreement.row) \(m.agreement.state?.usps ?? m.agreement.stateAsPrinted) \(m.agreement.agencyName) [\(m.jurisdiction.method.rawValue)]: \(m.jurisdiction.reason)\n"
            }
        }
        return out
    }
}
