import Foundation
import Geo287Census
import Geo287Core
import Geo287Geometry
import Geo287Jurisdictions
import Geo287Sheets

/// Plain-language answer for a community member: where the place is, which agreements cover
/// it by model, what else is nearby, and an honest "none" when nothing does.
public enum LookupText {
    public static func render(_ r: LookupResult) -> String {
        var out = headline(r) + "\n"
        for n in r.location.notes { out += "Note: \(n)\n" }
        guard r.location.state != nil else { return out }
        let covers = r.entries(.covers)
        let sheetText = "ICE's participating sheet of \(r.sheetDate?.description ?? "unknown date")"
        if covers.isEmpty {
            out += "No 287(g) agreement covers this \(noun(r)) on \(sheetText).\n" + nearby(r)
        } else {
            out += "\(count(covers.count, "agreement")) on \(sheetText) \(covers.count == 1 ? "covers" : "cover") this \(noun(r)): "
                + modelCounts(covers) + ".\n"
            for model in modelOrder where covers.contains(where: { $0.agreement.model == model }) {
                let group = covers.filter { $0.agreement.model == model }
                out += "\n\(model.map(\.displayName) ?? "Model not given") (\(group.count)):\n"
                out += group.map(line).joined()
            }
        }
        let inside = r.entries(.inside)
        if case .place = r.location.query {
            out += section(inside, "Elsewhere in \(countyList(entryCounties(r, inside))): city and town agreements, each covering only its own city or town")
            out += section(r.entries(.facility), "Facilities and functions here or elsewhere in \(countyList(r.location.counties)) (jails, campuses, airports, prosecutors): not policing of residents")
        } else {
            out += section(inside, "Inside this county: city and town agreements, each covering only its own city or town")
            out += section(r.entries(.unmapped), "Also in this county, a town or township department whose boundary is not mapped: it may or may not cover this point")
            out += section(r.entries(.facility), "Facilities and functions located here (jails, campuses, airports, prosecutors): not policing of residents")
        }
        if r.pendingSheetPath != nil {
            let pending = r.entries.filter(\.isPending)
            let title = "Pending requests (not yet signed) on ICE's pending sheet of \(r.pendingSheetDate?.description ?? "unknown date")"
            out += pending.isEmpty ? "\n\(title): none here.\n" : section(pending, title)
        }
        if r.stateUnplacedCount > 0, let st = r.location.state {
            out += "\nNote: \(count(r.stateUnplacedCount, "agreement")) in \(st.name) could not be placed on the map and \(r.stateUnplacedCount == 1 ? "is" : "are") not shown (see `geo287 match --report`).\n"
        }
        return out
    }

    static let modelOrder: [SupportModel?] = SupportModel.allCases.map { Optional($0) } + [nil]

    static func headline(_ r: LookupResult) -> String {
        let loc = r.location
        let county = loc.counties.first
        switch loc.query {
        case let .point(p):
            guard let county, let st = loc.state else {
                return "Point \(coordinate(p)) is not inside any US county or county equivalent (open water or outside the US): no 287(g) agreement covers it."
            }
            if let place = loc.place {
                let kind = place.isIncorporated ? "" : ", an unincorporated community"
                return "Point \(coordinate(p)) is in \(place.nameWithType), \(st.usps) (\(county.nameWithType))\(kind)."
            }
            if !loc.allCityBoundaries {
                return "Point \(coordinate(p)) is in \(county.nameWithType), \(st.usps), outside every city of \(st.usps) that holds a 287(g) agreement. (The embedded data has city boundaries only for those cities; `geo287 data fetch places --state \(st.usps)` tells whether the point is in another city.)"
            }
            return "Point \(coordinate(p)) is in \(county.nameWithType), \(st.usps), outside any city or town (unincorporated)."
        case .county:
            return "\(county.map { "\($0.nameWithType), \($0.stateUSPS)" } ?? "?")."
        case .place:
            guard let place = loc.place, let st = loc.state else { return "?" }
            let counties = loc.counties.map(\.nameWithType)
            return "\(place.nameWithType), \(st.usps)" + (counties.isEmpty ? "" : " (\(counties.joined(separator: ", ")))") + "."
        }
    }

    static func noun(_ r: LookupResult) -> String {
        if case .county = r.location.query { return "county" }
        return "place"
    }

    /// The honest "none": does the county (every county a place spans) have anything, does the state?
    static func nearby(_ r: LookupResult) -> String {
        guard let st = r.location.state else { return "" }
        let local = r.entries.filter { !$0.isPending && $0.relation != .covers }.count
        let counties = r.location.counties
        let county = counties.isEmpty ? "this county" : countyList(counties)
        if r.stateAgreementCount == 0 { return "\(st.name) has no agreements on this sheet.\n" }
        var s = local > 0 ? "\(county) \(counties.count > 1 ? "have" : "has") \(count(local, "other agreement")) (listed below); "
            : "Nothing else in \(county) either; "
        s += "\(st.name) has \(count(r.stateAgreementCount, "agreement")) elsewhere.\n"
        return s
    }

    /// `Catawba County`, `Catawba County and Burke County`, `A, B and C`.
    static func countyList(_ counties: [County]) -> String {
        let names = counties.map(\.nameWithType)
        guard names.count > 1, let last = names.last else { return names.first ?? "this county" }
        return names.dropLast().joined(separator: ", ") + " and " + last
    }

    /// The counties of the location that hold one of `entries` (in the location's order).
    static func entryCounties(_ r: LookupResult, _ entries: [LookupEntry]) -> [County] {
        let touched = Set(entries.flatMap(\.jurisdiction.countyGEOIDs))
        let hit = r.location.counties.filter { touched.contains($0.geoid) }
        return hit.isEmpty ? r.location.counties : hit
    }

    static func section(_ entries: [LookupEntry], _ title: String) -> String {
        guard !entries.isEmpty else { return "" }
        return "\n\(title) (\(entries.count)):\n" + entries.map(line).joined()
    }

    static func line(_ e: LookupEntry) -> String {
        let a = e.agreement, j = e.jurisdiction
        var parts = [scope(j)]
        if e.relation != .covers || e.isPending, let m = a.model { parts.append(m.displayName) }
        if e.isPending, e.relation != .covers { parts.append(relationText[e.relation] ?? e.relation.rawValue) }
        if e.isPending { parts.append("requested, not yet signed") } else { parts.append(a.signed.map { "signed \($0)" } ?? "signed date not given") }
        if let n = e.note { parts.append(n) }
        var s = "  - \(a.agencyName): \(parts.joined(separator: "; "))\n"
        if let url = a.moaURL { s += "      MOA: \(url)\n" } else if a.moaPending { s += "      MOA: link pending\n" }
        return s
    }

    static let relationText: [LookupRelation: String] = [
        .inside: "inside this county, covers only its own city or town", .unmapped: "in this county, boundary not mapped",
        .facility: "facility or function, not policing of residents",
    ]

    static func scope(_ j: Jurisdiction) -> String {
        switch j.level {
        case .state: return "statewide (\(j.name))"
        case .county: return "county-wide (\(j.name))"
        case .municipal: return j.method == .fallbackCounty ? "town or township (\(j.name))" : "city or town (\(j.name))"
        case .other: return "facility or function (\(j.name))"
        }
    }

    static func modelCounts(_ entries: [LookupEntry]) -> String {
        modelOrder.compactMap { m in
            let k = entries.filter { $0.agreement.model == m }.count
            return k == 0 ? nil : "\(k) \(m?.displayName ?? "model not given")"
        }.joined(separator: ", ")
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    public static func coordinate(_ c: Coordinate) -> String {
        "\(JSONValue.format(c.y, decimals: 6)), \(JSONValue.format(c.x, decimals: 6))"
    }
}
