import Geo287Core
/// Counts for one sheet: per model (agreements = rows, distinct agencies, distinct states) and
/// per state × model. Agencies are distinct by state plus `agencyKey`; rows whose model is not
/// recognized are not counted (they carry a warning).
public struct SheetSummary: Sendable {
    public struct ModelCount: Sendable, Hashable {
        public var model: SupportModel
        public var agreements: Int
        public var agencies: Int
        public var states: Int
    }

    public struct StateCount: Sendable, Hashable {
        /// USPS code, or the printed state when it is not a known state.
        public var state: String
        public var counts: [SupportModel: Int]

        public func count(_ model: SupportModel) -> Int { counts[model] ?? 0 }
        public var total: Int { counts.values.reduce(0, +) }
    }

    public var sheet: Sheet
    /// The three models, always in `SupportModel.allCases` order.
    public var models: [ModelCount]
    /// States with at least one agreement, sorted by state code.
    public var states: [StateCount]

    public init(_ sheet: Sheet) {
        self.sheet = sheet
        var agencies: [SupportModel: Set<String>] = [:]
        var stateSets: [SupportModel: Set<String>] = [:]
        var rows: [SupportModel: Int] = [:]
        var perState: [String: [SupportModel: Int]] = [:]
        for a in sheet.agreements {
            guard let m = a.model else { continue }
            rows[m, default: 0] += 1
            agencies[m, default: []].insert(a.agencyID)
            stateSets[m, default: []].insert(a.stateKey)
            perState[a.stateKey, default: [:]][m, default: 0] += 1
        }
        models = SupportModel.allCases.map {
            ModelCount(model: $0, agreements: rows[$0] ?? 0, agencies: agencies[$0]?.count ?? 0, states: stateSets[$0]?.count ?? 0)
        }
        states = perState.keys.sorted().map { StateCount(state: $0, counts: perState[$0] ?? [:]) }
    }

    public func model(_ m: SupportModel) -> ModelCount? { models.first { $0.model == m } }

    /// The documented JSON shape: `{"sheet": {"path","kind","published","rows"}, "models": […],
    /// "states": [{"state","jail_enforcement","warrant_service","task_force"}], "warnings": […]}`
    /// (keys in snake_case, like every JSON geo287 writes).
    public var json: JSONValue {
        .object([
            ("sheet", .object([
                ("path", .string(sheet.path)),
                ("kind", .string(sheet.kind.rawValue)),
                ("published", sheet.published.map { .string($0.description) } ?? .null),
                ("rows", .int(sheet.rows)),
            ])),
            ("models", .array(models.map { m in
                .object([
                    ("model", .string(m.model.rawValue)), ("agreements", .int(m.agreements)),
                    ("agencies", .int(m.agencies)), ("states", .int(m.states)),
                ])
            })),
            ("states", .array(states.map { s in
                .object([("state", .string(s.state))] + SupportModel.allCases.map { (String($0.rawValue.map { $0 == "-" ? "_" : $0 }), .int(s.count($0))) })
            })),
            ("warnings", .array(sheet.warnings.map { .string($0.description) })),
        ])
    }
}
