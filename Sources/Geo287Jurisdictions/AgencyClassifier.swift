import Geo287Core
import Geo287Sheets

/// Decides the level of an agency's jurisdiction from ICE's TYPE and the agency name, and
/// derives the county or place name the agency carries.
public enum AgencyClassifier {
    /// Agencies whose jurisdiction is a facility or a function, not resident territory.
    static let otherKeywords = [
        "constable", "university", "college", "campus", "school", "airport", "port authority", "port police",
        "district attorney", "county attorney", "attorneys office", "state attorney", "prosecutor", "judicial", "circuit",
        "corrections", "correctional", "correction", "detention", "jail", "prison", "criminal justice authority",
        "board of trustees", "board of county commissioners",
    ]
    static let sheriffKeywords = ["sheriff"]
    static let policeKeywords = ["police", "marshal", "public safety", "law enforcement"]

    public struct Decision {
        public let level: JurisdictionLevel
        public let why: String
    }

    public static func classify(_ a: Agreement) -> Decision {
        let key = NameKey.normalize(a.agencyName)
        // Ward marshals (Louisiana) serve a justice-of-the-peace ward, like constables.
        // `DOC` is a department of corrections (`Virginia DOC Law Enforcement Services`).
        let isOther = otherKeywords.contains { TextSearch.contains(key, $0) } || (key.hasPrefix("ward ") && key.range(of: #"^ward \d+ marshal"#, options: .regularExpression) != nil)
            || TextSearch.contains(" \(key) ", " doc ")
        let isSheriff = TextSearch.contains(key, "sheriff") || TextSearch.contains(key, "county police")
        switch a.agencyType {
        case .state:
            if isOther { return Decision(level: .other, why: "state agency whose jurisdiction is facilities or a function") }
            if TextSearch.contains(key, "police department") && !TextSearch.contains(key, "state") && a.state.map({ !key.hasPrefix(NameKey.normalize($0.name)) }) ?? true {
                return Decision(level: .municipal, why: "typed State Agency but named as a local police department")
            }
            return Decision(level: .state, why: "state agency: statewide jurisdiction")
        case .county:
            if isSheriff { return Decision(level: .county, why: "sheriff: the county") }
            if isOther { return Decision(level: .other, why: "county agency whose jurisdiction is facilities or a function") }
            if policeKeywords.contains(where: { TextSearch.contains(key, $0) }) && !TextSearch.contains(key, "county") {
                return Decision(level: .municipal, why: "typed County but named as a municipal police department")
            }
            return Decision(level: .county, why: "county agency: the county")
        case .municipal:
            if isSheriff { return Decision(level: .county, why: "typed Municipality but a sheriff: the county") }
            if isOther { return Decision(level: .other, why: "constable or similar: the place or county containing it") }
            return Decision(level: .municipal, why: "municipal agency: the place")
        case .unknown:
            if isSheriff { return Decision(level: .county, why: "sheriff (TYPE missing): the county") }
            if isOther { return Decision(level: .other, why: "TYPE missing; facility or function agency") }
            if let s = a.state, key.hasPrefix(NameKey.normalize(s.name)) {
                return Decision(level: .state, why: "TYPE missing; named after the state: statewide")
            }
            return Decision(level: .municipal, why: "TYPE missing; treated as municipal")
        }
    }

    static let countyAgencySuffixes = [
        "sheriffs office", "sheriff office", "sheriffs department", "sheriff department", "sheriffs dept", "sheriff",
        "police department", "office",
    ]

    /// `Hopewell County Sheriff's Office` → `hopewell county`; `Jacksonville Sheriff's Office` → `jacksonville`.
    static func countyNameInAgency(_ agencyName: String) -> String? {
        var key = NameKey.normalize(agencyName)
        if let r = key.range(of: " sheriff") ?? key.range(of: " police department") { key = String(key[..<r.lowerBound]) }
        else if let r = key.range(of: " county ") { key = String(key[..<r.lowerBound]) + " county" }
        else { return nil }
        key = NameKey.stripPrefixes(key, ["metropolitan", "metro", "city of", "county of"])
        return key.isEmpty ? nil : key
    }

    static let municipalSuffixes = [
        "police department", "police services department", "police dept", "police", "department of public safety",
        "public safety department", "public safety", "marshals office", "marshal office", "city marshals office",
        "marshal", "law enforcement", "department",
    ]

    /// `Tampa Police Department` → `tampa`; `City of Lake Wales Police Department` → `lake wales`.
    static func placeNameInAgency(_ agencyName: String) -> String {
        var key = NameKey.normalize(agencyName)
        if let r = key.range(of: " police department ") { key = String(key[..<r.lowerBound]) }   // `… PD - Montour`
        key = NameKey.stripSuffixes(key, municipalSuffixes)
        key = NameKey.stripPrefixes(key, ["city of", "town of", "village of", "borough of", "township of"])
        return key
    }
}
