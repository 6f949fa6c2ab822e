import Geo287Coverage
import Geo287Jurisdictions

/// How counties are coloured: by the share of residents covered (five viridis steps), or by the
/// most invasive model whose jurisdiction holds residents of the county (Task Force, then
/// Warrant Service, then Jail Enforcement; Okabe–Ito colours, safe for colour-blind readers).
/// The colour is that of the local agreements (sheriff, county, city); statewide agreements
/// (state police, guard and other state agencies) draw stripes over it where they cover people
/// no local agreement does, so a reader never takes a state agency's agreement for a local one.
public enum Shading: String, Sendable, CaseIterable {
    case share
    case model

    /// Rules of agencies that police places or functions, not residents.
    static let facilityRules: Set<CountingRule> = [.corrections, .courts, .campus, .airports, .ports]

    public var legendTitle: String {
        switch self {
        case .share: return "Share of residents covered by local agreements:"
        case .model: return "Most invasive model of local agreements covering residents:"
        }
    }

    /// What the map shows, for its subtitle.
    public var subject: String {
        switch self {
        case .share: return "Share of each county's residents living where an agency holds one"
        case .model: return "Most invasive model covering each county's residents"
        }
    }

    public var steps: [Palette.Step] {
        switch self {
        case .share: return Palette.steps
        case .model: return Palette.modelSteps
        }
    }

    /// The class of a county by its local agreements (statewide ones are the stripes).
    public func step(_ c: CountyCoverage?) -> Int {
        guard let c else { return 0 }
        switch self {
        case .share:
            return Palette.step(covered: c.coveredWithoutStatewide, population: c.population)
        case .model:
            guard c.coveredWithoutStatewide > 0 else { return 0 }
            let models = Set(c.agreements.filter { $0.counted && $0.level != .state && $0.coverage > 0 }.map(\.model))
            if models.contains(.taskForce) { return 3 }
            if models.contains(.warrantService) { return 2 }
            return models.contains(.jailEnforcement) ? 1 : 0
        }
    }

    /// How a county is drawn: its class, striped where a statewide agreement covers people no
    /// local one does, dotted where nobody is covered but an agency there holds an agreement
    /// whose residents are not counted.
    public func look(_ c: CountyCoverage?) -> CountyLook {
        let step = steps[self.step(c)]
        guard let c else { return CountyLook(step: step, statewide: false) }
        if c.covered > c.coveredWithoutStatewide { return CountyLook(step: step, statewide: true) }
        if c.covered == 0 && c.agreements.contains(where: Shading.residentsNotCounted) {
            return CountyLook(step: Palette.notCounted, statewide: false)
        }
        return CountyLook(step: step, statewide: false)
    }

    /// An agreement of an agency that polices residents whose residents are not counted: town,
    /// township and borough police with no polygon or population, a regional police with no
    /// territory of its own, constables (off by default outside Texas), or a resident-policing
    /// rule switched off. Jails, courts, campus, airport and port police police no residents
    /// and do not count here.
    public static func residentsNotCounted(_ a: CoveringAgreement) -> Bool {
        switch a.reach {
        case .unmappedTown: return true
        case .notCounted(let rule): return !facilityRules.contains(rule)
        case .wholeCounties, .place, .none: return false
        }
    }
}

/// A county's class on the map and whether statewide stripes go over it.
public struct CountyLook: Sendable, Equatable {
    public let step: Palette.Step
    public let statewide: Bool
    public init(step: Palette.Step, statewide: Bool) { self.step = step; self.statewide = statewide }
    public var cssClass: String { statewide ? Palette.stripedClass(step) : step.cssClass }
    public var notCounted: Bool { step == Palette.notCounted }
}
