/// What kind of agency holds an agreement, as the classifier reads ICE's TYPE and the name.
/// The counting rules (`CountingRule`) decide, kind by kind, whose residents count.
public enum AgencyKind: String, Sendable, CaseIterable, Codable {
    case sheriff
    /// A county agency that is not a sheriff (county police, county public safety).
    case countyAgency = "county-agency"
    /// A city, town or township police department, marshal or public-safety department.
    case police
    /// A state law-enforcement agency (state police, highway patrol, bureau of investigation).
    case stateAgency = "state-agency"
    /// A state agency with a special purpose (lottery, wildlife, alcohol, gaming, revenue).
    case stateSpecialPurpose = "state-special-purpose"
    case prosecutor
    case constable
    case court
    case campus
    case airport
    case port
    case corrections

    /// The kind a jurisdiction of `level` has when nothing else is known.
    public static func usual(for level: JurisdictionLevel) -> AgencyKind {
        switch level {
        case .state: .stateAgency
        case .county: .countyAgency
        case .municipal: .police
        case .other: .corrections
        }
    }

    /// Kinds whose jurisdiction is a facility or a function rather than a territory.
    public var isFacility: Bool {
        switch self {
        case .sheriff, .countyAgency, .police, .stateAgency, .stateSpecialPurpose: false
        case .prosecutor, .constable, .court, .campus, .airport, .port, .corrections: true
        }
    }

    public var title: String {
        switch self {
        case .sheriff: "sheriff"
        case .countyAgency: "county agency"
        case .police: "police department"
        case .stateAgency: "state law-enforcement agency"
        case .stateSpecialPurpose: "state special-purpose agency"
        case .prosecutor: "prosecutor's office"
        case .constable: "constable or similar"
        case .court: "court or judicial agency"
        case .campus: "campus police"
        case .airport: "airport police"
        case .port: "port police"
        case .corrections: "corrections or jail"
        }
    }
}
