/// Whose residents count as covered: one named rule per kind of agency, in one table, each
/// with its reasoning and its default, switchable (`geo287 coverage --rule NAME=on|off`) and
/// accounted for (`geo287 coverage --explain`). A rule that is on makes its agreements reach
/// residents (`Reach.wholeCounties` or `.place`); one that is off leaves them listed where they
/// sit but not counted (`Reach.notCounted`).
public enum CountingRule: String, Sendable, CaseIterable, Hashable {
    case sheriffs
    case countyAgencies = "county-agencies"
    case police
    case statePolice = "state-police"
    case stateSpecialPurpose = "state-special-purpose"
    case prosecutors
    case texasConstables = "texas-constables"
    case constables
    case courts
    case campus
    case airports
    case ports
    case corrections

    /// The rule deciding an agency of `kind` in state `usps`.
    public static func deciding(_ kind: AgencyKind, state usps: String?) -> CountingRule {
        switch kind {
        case .sheriff: .sheriffs
        case .countyAgency: .countyAgencies
        case .police: .police
        case .stateAgency: .statePolice
        case .stateSpecialPurpose: .stateSpecialPurpose
        case .prosecutor: .prosecutors
        case .constable: usps == "TX" ? .texasConstables : .constables
        case .court: .courts
        case .campus: .campus
        case .airport: .airports
        case .port: .ports
        case .corrections: .corrections
        }
    }

    public var countsByDefault: Bool {
        switch self {
        case .sheriffs, .countyAgencies, .police, .statePolice, .stateSpecialPurpose, .prosecutors, .texasConstables: true
        case .constables, .courts, .campus, .airports, .ports, .corrections: false
        }
    }

    /// What the rule covers when on, and why it is on or off by default.
    public var reasoning: String {
        switch self {
        case .sheriffs: "sheriffs police their whole county (cities included: a sheriff's 287(g) officers arrest anywhere in it)"
        case .countyAgencies: "county police and public-safety agencies: the whole county"
        case .police: "city, town and township police: the residents of their Census place"
        case .statePolice: "state police, highway patrols and bureaus of investigation: the whole state"
        case .stateSpecialPurpose: "lottery, wildlife, alcohol, gaming and revenue agents have statewide arrest powers: the whole state"
        case .prosecutors: "county prosecutors' offices employ sworn county-wide investigators: their county (or counties)"
        case .texasConstables: "Texas constables are peace officers with county-wide jurisdiction: their county"
        case .constables: "other constables and ward marshals serve a precinct or ward, no population of their own: off"
        case .courts: "court and judicial agencies act on people already before the court: off"
        case .campus: "campus police serve a campus, not a resident population: off"
        case .airports: "airport police serve an airport: off"
        case .ports: "port police serve a port: off"
        case .corrections: "jails, prisons and corrections departments hold people already in custody: off"
        }
    }
}

/// The set of rules that are on. `standard` is every rule's default.
public struct CountingRules: Sendable, Hashable {
    public var on: Set<CountingRule>

    public init(on: Set<CountingRule>) { self.on = on }

    public static let standard = CountingRules(on: Set(CountingRule.allCases.filter(\.countsByDefault)))

    public func with(_ rule: CountingRule, on isOn: Bool) -> CountingRules {
        var copy = self
        if isOn { copy.on.insert(rule) } else { copy.on.remove(rule) }
        return copy
    }

    /// The rule deciding `j` (a jurisdiction made without a kind gets its level's usual kind).
    public func rule(for j: Jurisdiction) -> CountingRule {
        CountingRule.deciding(j.kind ?? AgencyKind.usual(for: j.level), state: j.stateUSPS)
    }

    /// Who `j` reaches under these rules.
    public func reach(_ j: Jurisdiction) -> Reach {
        guard let geoid = j.geoid, j.method != .unmatched else { return .none }
        let rule = rule(for: j)
        if j.method == .fallbackCounty { return j.level == .other ? .notCounted(rule) : .unmappedTown }
        guard on.contains(rule) else { return .notCounted(rule) }
        switch j.level {
        case .state, .county: return .wholeCounties
        // A facility or function agency whose rule is on reaches its county (or counties) whole.
        // Another agency the table places at `other` (a police cooperative of several towns)
        // has no county-wide powers: listed, not counted.
        case .other: return (j.kind ?? .corrections).isFacility ? .wholeCounties : .notCounted(rule)
        // A municipal agency matched to a whole county (a consolidated city-county police).
        case .municipal: return geoid.count == 7 ? .place(geoid: geoid) : .wholeCounties
        }
    }
}
