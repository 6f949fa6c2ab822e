/// Which ICE list a sheet is: signed agreements or requests not yet signed.
public enum SheetKind: String, Sendable, CaseIterable {
    case participating, pending
}

/// The three 287(g) support models.
public enum SupportModel: String, CaseIterable, Sendable, Comparable {
    case jailEnforcement = "jail-enforcement"
    case warrantService = "warrant-service"
    case taskForce = "task-force"

    public var displayName: String {
        switch self {
        case .jailEnforcement: "Jail Enforcement Model"
        case .warrantService: "Warrant Service Officer"
        case .taskForce: "Task Force Model"
        }
    }

    /// Short code: JEM, WSO, TFM.
    public var abbreviation: String {
        switch self {
        case .jailEnforcement: "JEM"
        case .warrantService: "WSO"
        case .taskForce: "TFM"
        }
    }

    public static func < (a: SupportModel, b: SupportModel) -> Bool {
        allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
    }

    /// Reads ICE's SUPPORT TYPE text (trimmed, case-insensitive, matched on the leading words,
    /// so `Warrant Service Office` and `Warrant Services Officer` map too), a slug
    /// (`task-force`) or an abbreviation (`TFM`).
    public static func parse(_ text: String) -> SupportModel? {
        let s = Text.collapse(String(text.map { $0 == "-" ? " " : $0 })).lowercased()
        switch s {
        case "jem": return .jailEnforcement
        case "wso": return .warrantService
        case "tfm": return .taskForce
        default: break
        }
        if s.hasPrefix("jail enforcement") || s == "jail" { return .jailEnforcement }
        if s.hasPrefix("warrant service") || s == "warrant" { return .warrantService }
        if s.hasPrefix("task force") || s == "task" { return .taskForce }
        return nil
    }
}

/// The agency type as ICE prints it in TYPE.
public enum AgencyType: String, Sendable {
    case state, county, municipal, unknown

    /// `State Agency`/`State` → state, `County` → county, `Municipality` → municipal; nil otherwise.
    static func parse(_ text: String) -> AgencyType? {
        switch Text.collapse(text).lowercased() {
        case "state agency", "state": .state
        case "county": .county
        case "municipality", "municipal", "city": .municipal
        default: nil
        }
    }
}
