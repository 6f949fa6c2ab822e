import Geo287Core
import Geo287Sheets

/// Decides the level of an agency's jurisdiction, and what kind of agency it is, from ICE's TYPE
/// and the agency name, and derives the county or place name the agency carries.
///
/// Keywords match whole words of the normalized name (`NameKey`), a last word also in its plural
/// (`constable` matches `constables`): `port authority` is not found in `North Port Police
/// Department`, nor `port` in `Davenport`.
public enum AgencyClassifier {
    /// Facility and function agencies, by kind (the first kind whose keywords match wins).
    static let facilityKeywords: [(kind: AgencyKind, words: [String])] = [
        (.prosecutor, ["district attorney", "district attorneys office", "county attorney", "county attorneys office",
                       "attorneys office", "state attorney", "prosecutor", "prosecuting attorney", "commonwealths attorney"]),
        (.constable, ["constable"]),
        (.court, ["judicial", "circuit", "court"]),
        (.campus, ["university", "college", "campus", "school", "board of trustees"]),
        (.airport, ["airport", "aviation authority"]),
        (.port, ["port authority", "port of", "seaport", "harbor"]),
        (.corrections, ["corrections", "correctional", "correction", "detention", "jail", "prison", "doc",
                        "criminal justice authority", "board of county commissioners"]),
    ]
    /// State agencies whose powers are statewide but whose purpose is special (lotteries, wildlife,
    /// alcohol): a counting rule of their own (`CountingRule.stateSpecialPurpose`).
    static let specialPurposeWords = [
        "lottery", "wildlife", "fish", "game", "gaming", "parks", "natural resources", "conservation", "alcohol",
        "tobacco", "beverage", "racing", "revenue", "insurance", "agriculture", "motor vehicle", "motor vehicles",
        "forestry", "fire marshal", "environmental", "commerce", "lotteries", "taxation",
    ]
    /// Words that, following the state's name, make an agency a state agency whatever ICE typed
    /// (`Arkansas State Police`, `Louisiana Alcohol and Tobacco Control`).
    static let stateAgencyLeads = [
        "state", "department", "division", "bureau", "office of", "highway patrol", "attorney general", "commission",
        "board of", "national guard",
    ] + specialPurposeWords
    static let policeKeywords = ["police", "marshal", "public safety", "law enforcement"]

    public struct Decision {
        public let level: JurisdictionLevel
        public let kind: AgencyKind
        public let why: String
    }

    /// Whether the words of `phrase` appear in `key`, whole, one after the other (the last one
    /// also with a plural ending: `constables`, `prosecutors`, or ICE's `Constables's`, which
    /// reads `constabless` once normalized). Both are `NameKey`-normalized (single spaces).
    static func hasWords(_ key: String, _ phrase: String) -> Bool {
        Words(key).has(phrase)
    }

    /// A normalized name padded with spaces, so a phrase is a byte search for ` phrase `.
    struct Words {
        let padded: String
        init(_ key: String) { padded = " " + key + " " }
        func has(_ phrase: String) -> Bool {
            guard TextSearch.contains(padded, " " + phrase) else { return false }   // the common miss, one search
            return ["", "s", "es", "ss"].contains { TextSearch.contains(padded, " " + phrase + $0 + " ") }
        }
    }

    /// The facility or function kind of an agency name, if it is one.
    static func facilityKind(_ key: String) -> AgencyKind? {
        // Ward marshals (Louisiana) serve a justice-of-the-peace ward, like constables.
        if key.hasPrefix("ward "), key.range(of: #"^ward \d+ marshal"#, options: .regularExpression) != nil { return .constable }
        let words = Words(key)
        return facilityKeywords.first { entry in entry.words.contains { words.has($0) } }?.kind
    }

    /// Named as an agency of its own state: the state's name, then a state-agency word.
    static func namedAsStateAgency(_ key: String, state: USState?) -> Bool {
        guard let state else { return false }
        let stateKey = NameKey.normalize(state.name)
        guard key.hasPrefix(stateKey + " ") else { return false }
        let rest = String(key.dropFirst(stateKey.count + 1))
        return stateAgencyLeads.contains { rest == $0 || rest.hasPrefix($0 + " ") }
    }

    public static func classify(_ a: Agreement) -> Decision {
        let key = NameKey.normalize(a.agencyName)
        let facility = facilityKind(key)
        let words = Words(key)
        let isSheriff = words.has("sheriff") || words.has("county police")
        let stateKind: AgencyKind = specialPurposeWords.contains { words.has($0) } ? .stateSpecialPurpose : .stateAgency
        // Named as a state agency (`Arkansas State Police`): statewide, whatever ICE typed.
        if facility == nil, !isSheriff, a.agencyType != .state, namedAsStateAgency(key, state: a.state) {
            return Decision(level: .state, kind: stateKind, why: "named as a state agency of \(a.state?.name ?? ""): statewide, whatever ICE typed")
        }
        switch a.agencyType {
        case .state:
            if let facility { return Decision(level: .other, kind: facility, why: "state agency whose jurisdiction is facilities or a function") }
            if words.has("police department") && !words.has("state") && a.state.map({ !key.hasPrefix(NameKey.normalize($0.name)) }) ?? true {
                return Decision(level: .municipal, kind: .police, why: "typed State Agency but named as a local police department")
            }
            return Decision(level: .state, kind: stateKind, why: "state agency: statewide jurisdiction")
        case .county:
            if isSheriff { return Decision(level: .county, kind: .sheriff, why: "sheriff: the county") }
            if let facility { return Decision(level: .other, kind: facility, why: "county agency whose jurisdiction is facilities or a function") }
            if policeKeywords.contains(where: { words.has($0) }) && !words.has("county") {
                return Decision(level: .municipal, kind: .police, why: "typed County but named as a municipal police department")
            }
            return Decision(level: .county, kind: .countyAgency, why: "county agency: the county")
        case .municipal:
            if isSheriff { return Decision(level: .county, kind: .sheriff, why: "typed Municipality but a sheriff: the county") }
            if let facility { return Decision(level: .other, kind: facility, why: "\(facility.title): the place or county containing it") }
            return Decision(level: .municipal, kind: .police, why: "municipal agency: the place")
        case .unknown:
            if isSheriff { return Decision(level: .county, kind: .sheriff, why: "sheriff (TYPE missing): the county") }
            if let facility { return Decision(level: .other, kind: facility, why: "TYPE missing; facility or function agency") }
            if let s = a.state, key.hasPrefix(NameKey.normalize(s.name) + " ") {
                return Decision(level: .state, kind: stateKind, why: "TYPE missing; named after the state: statewide")
            }
            return Decision(level: .municipal, kind: .police, why: "TYPE missing; treated as municipal")
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
