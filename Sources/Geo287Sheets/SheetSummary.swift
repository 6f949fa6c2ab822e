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
        // Per state (numbered as met) and model (`allCases` order): rows, and the agencies by
        // `agencyKey`; an agency is distinct by state plus key, so the per-state sets add up.
        let allModels = SupportModel.allCases
        var stateNumber: [String: Int] = [:]
        var stateKeys: [String] = []
        var rows: [[Int]] = []
        var agencies: [[Set<String>]] = []
        for a in sheet.agreements {
            guard let m = a.model, let k = allModels.firstIndex(of: m) else { continue }
            let key = a.stateKey
            let s: Int
            if let known = stateNumber[key] {
                s = known
            } else {
                s = stateKeys.count
                stateNumber[key] = s
                stateKeys.append(key)
                rows.append(Array(repeating: 0, count: allModels.count))
                agencies.append(Array(repeating: [], count: allModels.count))
            }
            rows[s][k] += 1
            agencies[s][k].insert(a.agencyKey)
        }
        models = allModels.indices.map { k in
            ModelCount(model: allModels[k], agreements: rows.reduce(0) { $0 + $1[k] },
                       agencies: agencies.reduce(0) { $0 + $1[k].count }, states: rows.filter { $0[k] > 0 }.count)
        }
        states = stateKeys.indices.sorted { stateKeys[$0] < stateKeys[$1] }.map { s in
            StateCount(state: stateKeys[s], counts: Dictionary(uniqueKeysWithValues: allModels.indices.compactMap { k in
                rows[s][k] > 0 ? (allModels[k], rows[s][k]) : nil
            }))
        }
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
