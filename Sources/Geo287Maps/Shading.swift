import Geo287Coverage

/// How counties are coloured: by the share of residents covered (five viridis steps), or by the
/// most invasive model whose jurisdiction holds residents of the county (Task Force, then
/// Warrant Service, then Jail Enforcement; Okabe–Ito colours, safe for colour-blind readers).
public enum Shading: String, Sendable, CaseIterable {
    case share
    case model

    public var legendTitle: String {
        switch self {
        case .share: return "Share of residents covered:"
        case .model: return "Most invasive model covering residents:"
        }
    }

    public var steps: [Palette.Step] {
        switch self {
        case .share: return Palette.steps
        case .model: return Palette.modelSteps
        }
    }

    /// The legend step of a county.
    public func step(_ c: CountyCoverage?) -> Int {
        switch self {
        case .share:
            return Palette.step(covered: c?.covered ?? 0, population: c?.population ?? 0)
        case .model:
            guard let c, c.covered > 0 else { return 0 }
            let models = Set(c.agreements.filter { $0.counted && $0.coverage > 0 }.map(\.model))
            if models.contains(.taskForce) { return 3 }
            if models.contains(.warrantService) { return 2 }
            return models.contains(.jailEnforcement) ? 1 : 0
        }
    }
}
