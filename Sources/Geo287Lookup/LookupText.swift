import Foundation
import Geo287Core
import Geo287Geometry
import Geo287Sheets

/// The English rendering of a `LookupAnswer`, for someone who has never heard of 287(g) or the
/// Census: yes or no for their police, their sheriff and state agencies; what each agreement
/// lets officers do; requests not yet signed; then what else is nearby.
public enum LookupText {
    public static func render(_ r: LookupResult) -> String { render(LookupAnswer(r)) }

    public static func render(_ a: LookupAnswer) -> String {
        var out = a.placeName + (a.setting.map { " (\($0))" } ?? "") + "\n"
        let list = "ICE's list of 287(g) agreements published \(a.sheetDate ?? "on an unknown date")"
        guard a.stateName != nil else {
            out += "This point is not inside any US county (open water or outside the US): no 287(g) agreement covers it.\n"
            return out + a.notes.map { "Note: \($0)\n" }.joined()
        }
        out += "Based on \(list).\n"
        for n in a.nearLines { out += nearLine(n) + "\n" }
        out += "\n"
        for q in a.questions { out += question(q, countyWide: a.isCounty) + "\n" }
        if a.agreements.isEmpty {
            out += "\nNo 287(g) agreement covers \(a.placeName) on this list. "
            out += a.stateAgreements == 0 ? "\(a.stateName ?? "This state") has no agreements on this list.\n"
                : "\(a.stateName ?? "This state") has \(count(a.stateAgreements, "agreement")) elsewhere\(a.nearby.isEmpty ? "" : " (those nearby are listed below)").\n"
        } else {
            out += "\nWhat the agreements let officers do:\n"
            for m in modelOrder where a.agreements.contains(where: { $0.model == m }) {
                let group = a.agreements.filter { $0.model == m }
                let sentence = LookupAnswer.sentence(m)
                let heading = sentence.firstIndex(of: ":").map { sentence[..<$0] + " (\(count(group.count, "agreement")))" + sentence[$0...] }
                out += "\n" + (heading ?? "\(sentence) (\(count(group.count, "agreement")))") + "\n"
                out += group.map { line($0, withModel: false) }.joined()
            }
        }
        if let pending = a.pending {
            out += pending.isEmpty ? "\nRequests not yet signed: none here.\n"
                : "\nRequests not yet signed (\(pending.count)):\n" + pending.map(line).joined()
        }
        if !a.nearby.isEmpty {
            out += "\nNearby, not covering this place itself (each covers only its own city or town) (\(a.nearby.count)):\n"
            out += a.nearby.map(line).joined()
        }
        if !a.facilities.isEmpty {
            out += "\nJails, campuses, airports and prosecutors here (they do not police residents) (\(a.facilities.count)):\n"
            out += a.facilities.map(line).joined()
        }
        return out + (a.notes.isEmpty ? "" : "\n") + a.notes.map { "Note: \($0)\n" }.joined()
    }

    static let modelOrder: [SupportModel?] = SupportModel.allCases.reversed().map { Optional($0) } + [nil]
    static let modelNames: [SupportModel?: String] = [
        .taskForce: "Task force model", .warrantService: "Warrant model", .jailEnforcement: "Jail model",
    ]

    static let labels: [LookupAnswer.Who: String] = [
        .police: "Your police department", .sheriff: "Your sheriff", .statewide: "State agencies working statewide",
    ]

    /// `Your sheriff (Hillsborough County): YES, 2 agreements: Hillsborough County Sheriff's Office.`
    static func question(_ q: LookupAnswer.Question, countyWide: Bool) -> String {
        let label = countyWide && q.who == .police ? "City and town police departments" : labels[q.who] ?? q.who.rawValue
        let scope = countyWide && q.who == .police ? q.detail.map { " in \($0)" } ?? "" : q.detail.map { " (\($0))" } ?? ""
        switch q.verdict {
        case .notApplicable: return "\(label): \(q.detail ?? "does not apply here")."
        case .no: return "\(label)\(scope): NO 287(g) agreement."
        case .yes:
            var order: [String] = [], models: [String: [String]] = [:]
            for i in q.agreements {
                if models[i.agency] == nil { order.append(i.agency) }
                models[i.agency, default: []].append((modelNames[i.model] ?? "model not given").lowercased())
            }
            let names = order.map { "\($0) (\((models[$0] ?? []).joined(separator: ", ")))" }
            let who = names.count > 3 ? "\(names.count) agencies (listed below)" : names.joined(separator: "; ")
            return "\(label)\(scope): YES: \(who)."
        }
    }

    static func line(_ i: LookupAnswer.Item) -> String { line(i, withModel: true) }

    static func line(_ i: LookupAnswer.Item, withModel: Bool) -> String {
        var s = "  - \(i.agency), covering \(i.area)"
        if let n = i.note { s += " (\(n))" }
        s += ". " + (withModel ? (modelNames[i.model] ?? "Model not given") + ". " : "")
        s += i.pending ? "Requested, not yet signed." : (i.signed.map { "Signed \($0)." } ?? "Signed date not given.")
        s += "\n"
        if let d = i.document { s += d == "link pending" ? "      Agreement document: not yet published.\n" : "      Agreement document: \(d)\n" }
        return s
    }

    /// `Near a county line: this point is about 600 m from the line between Hillsborough County and Pasco County …`.
    static func nearLine(_ n: NearLine) -> String {
        let distance = n.metres >= 1000 ? "\(JSONValue.format(Double(n.metres) / 1000, decimals: 1)) km" : "\(n.metres) m"
        switch n.kind {
        case .county:
            let line = n.across.map { "the line between \(n.inside) and \($0)" } ?? "the edge of \(n.inside)"
            return "Near a county line: this point is about \(distance) from \(line). The county lines used here are simplified, so close to the line the answer may belong to the other side; check the address."
        case .city:
            return "Near a city line: this point is about \(distance) inside the edge of \(n.inside); a few steps away the city police may not be the ones in charge."
        }
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    public static func coordinate(_ c: Coordinate) -> String {
        "\(JSONValue.format(c.y, decimals: 6)), \(JSONValue.format(c.x, decimals: 6))"
    }
}
