import Foundation
import Geo287Core
import Geo287Jurisdictions

/// Renders coverage for reporters (table), spreadsheets (CSV, one row per county) and
/// programs (JSON, documented in the README).
public enum CoverageOutput {
    static func pct(_ x: Double, decimals: Int = 1) -> String { NumberText.percent(x, decimals: decimals) }
    public static func people(_ n: Int) -> String { NumberText.grouped(n) }

    static func sheetLine(_ r: CoverageResult) -> String {
        var s = "\((r.sheet.path as NSString).lastPathComponent) (published \(r.sheet.published?.description ?? "unknown"), \(r.sheet.rows) rows)"
        if let p = r.pendingSheet { s += " + pending \((p.path as NSString).lastPathComponent) (\(p.rows) rows)" }
        return s
    }

    public static func table(_ r: CoverageResult) -> String {
        let n = r.national
        var out = "People under \(r.options.model == .all ? "any 287(g) agreement" : r.options.model.description) jurisdictions"
        out += r.options.state.map { " in \($0)" } ?? ""
        out += "\nsheet: \(sheetLine(r)); method: \(r.options.method.rawValue)\n\n"
        out += "\(r.options.state ?? "United States"): \(people(n.covered)) of \(people(n.population)) people (\(pct(n.share)))"
        out += "; without statewide agencies \(people(n.coveredWithoutStatewide))\n"
        out += "\(n.agreements) agreements; \(n.countiesTouched) counties touched\n\n"
        out += "STATE  " + "COVERED".leftPad(12) + "  " + "POPULATION".leftPad(12) + "   SHARE  COUNTIES  AGREEMENTS  STATEWIDE  UNCOUNTED TOWNS\n"
        for s in r.states where s.agreements > 0 || s.covered > 0 {
            // `≥`: towns and townships with agreements whose people cannot be counted: a lower bound.
            out += s.usps.padding(toLength: 5, withPad: " ", startingAt: 0) + "  " + ((s.isLowerBound ? "≥" : "") + people(s.covered)).leftPad(12) + "  "
                + people(s.population).leftPad(12) + "  " + pct(s.share).leftPad(6) + "  " + String(s.countiesTouched).leftPad(8)
                + "  " + String(s.agreements).leftPad(10) + "  " + (s.statewide ? "yes" : "").padding(toLength: 9, withPad: " ", startingAt: 0)
                + "  " + (s.uncountedTowns > 0 ? String(s.uncountedTowns) : "") + "\n"
        }
        if r.states.contains(where: \.isLowerBound) {
            out += "≥: a lower bound; the state has agreements with town or township police whose residents are not counted\n"
        }
        out += "\n" + r.notes.map { "note: \($0)" }.joined(separator: "\n") + "\n"
        return out
    }

    public static let csvHeader = ["fips", "county", "state", "population", "covered", "share", "covered_without_statewide",
                                   "models", "agreement_count", "covering_agreements", "uncounted_towns", "lower_bound"]

    public static func csv(_ r: CoverageResult) -> String {
        var out = CSVWriter.line(csvHeader)
        for c in r.counties {
            let towns = c.agreements.filter { $0.reach == .unmappedTown }.count
            let how = c.agreements.map { a in
                "\(a.agency) (\(a.model.rawValue), \(a.level.rawValue)\(a.pending ? ", pending" : "")\(a.counted ? "" : ", not counted"))"
            }.joined(separator: "; ")
            out += CSVWriter.line([c.geoid, c.name, c.stateUSPS, String(c.population), String(c.covered),
                                   JSONValue.format(c.share, decimals: 6), String(c.coveredWithoutStatewide),
                                   c.models.map(\.rawValue).joined(separator: ";"), String(c.agreements.count), how,
                                   String(towns), towns > 0 ? "true" : "false"])
        }
        return out
    }

    public static func json(_ r: CoverageResult) -> String {
        let n = r.national
        var sheet: [(String, JSONValue)] = [("path", .string(r.sheet.path)), ("published", .optional(r.sheet.published?.description)),
                                           ("rows", .int(r.sheet.rows))]
        if let p = r.pendingSheet { sheet.append(("pending", .object([("path", .string(p.path)), ("rows", .int(p.rows))]))) }
        return JSONValue.object([
            ("sheet", .object(sheet)),
            ("model", .string(r.options.model.description)),
            ("method", .string(r.options.method.rawValue)),
            ("population_vintage", .string(r.populationVintage)),
            ("national", .object([
                ("population", .int(n.population)), ("covered", .int(n.covered)), ("share", .number(n.share)),
                ("covered_without_statewide", .int(n.coveredWithoutStatewide)), ("counties_touched", .int(n.countiesTouched)),
                ("agreements", .int(n.agreements)),
                ("lower_bound", .bool(r.states.contains(where: \.isLowerBound))),
            ])),
            ("rules", .object(CountingRule.allCases.map { ($0.rawValue.replacingOccurrences(of: "-", with: "_"), .bool(r.options.rules.on.contains($0))) })),
            ("states", .array(r.states.map { s in
                .object([("state", .string(s.usps)), ("population", .int(s.population)), ("covered", .int(s.covered)),
                         ("share", .number(s.share)), ("statewide", .bool(s.statewide)),
                         ("counties_touched", .int(s.countiesTouched)), ("agreements", .int(s.agreements)),
                         ("uncounted_towns", .int(s.uncountedTowns)), ("lower_bound", .bool(s.isLowerBound))])
            })),
            ("notes", .array(r.notes.map { .string($0) })),
        ]).rendered() + "\n"
    }

    /// Both methods side by side: national and per state, with why they differ.
    public static func comparison(places: CoverageResult, tracts: CoverageResult) -> String {
        let a = places.national, b = tracts.national
        let diff = a.covered == 0 ? 0 : Double(b.covered - a.covered) / Double(a.covered)
        var out = "Coverage by two methods (\(places.options.model.description)), sheet \(sheetLine(places))\n\n"
        out += "national: places \(people(a.covered)) (\(pct(a.share))), tracts \(people(b.covered)) (\(pct(b.share))); tracts differ by \(pct(diff, decimals: 2))\n\n"
        out += "STATE  " + "PLACES".leftPad(12) + "  " + "TRACTS".leftPad(12) + "  DIFF\n"
        let tractByState = Dictionary(uniqueKeysWithValues: tracts.states.map { ($0.fips, $0) })
        for s in places.states where s.covered > 0 || (tractByState[s.fips]?.covered ?? 0) > 0 {
            let t = tractByState[s.fips]?.covered ?? 0
            let d = s.covered == 0 ? 0 : Double(t - s.covered) / Double(s.covered)
            out += s.usps.padding(toLength: 5, withPad: " ", startingAt: 0) + "  " + people(s.covered).leftPad(12) + "  "
                + people(t).leftPad(12) + "  " + pct(d, decimals: 2) + (s.statewide ? "  (statewide: identical by construction)" : "") + "\n"
        }
        out += """

        Why they differ: counties under statewide or county agreements are whole in both methods. Elsewhere the places \
        method adds each covered place's 2020 crosswalk share of the county, while the tracts method counts a tract \
        whole when its population centroid falls inside a covered 2019 place polygon: tracts that straddle a city \
        limit go all in or all out, and places that changed between 2019 and 2020 shift a little.

        """
        return out
    }
}
