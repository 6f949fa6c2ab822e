import Geo287Jurisdictions
import Geo287Sheets

/// The coverage of one county. An immutable value over one shared box: copying it (a sheet's
/// 3,235 counties, kept from one sheet to the next by `MemoCounties`) is one reference count,
/// not one per field.
public struct CountyCoverage: Sendable {
    /// Immutable after `init`, so shared freely.
    private final class Storage: Sendable {
        let geoid: String
        let name: String
        let stateUSPS: String
        let stateFIPS: String
        let population: Int
        let covered: Int
        let coveredWithoutStatewide: Int
        let agreements: [CoveringAgreement]

        init(geoid: String, name: String, stateUSPS: String, stateFIPS: String, population: Int, covered: Int,
             coveredWithoutStatewide: Int, agreements: [CoveringAgreement]) {
            self.geoid = geoid
            self.name = name
            self.stateUSPS = stateUSPS
            self.stateFIPS = stateFIPS
            self.population = population
            self.covered = covered
            self.coveredWithoutStatewide = coveredWithoutStatewide
            self.agreements = agreements
        }
    }

    private let storage: Storage

    init(geoid: String, name: String, stateUSPS: String, stateFIPS: String, population: Int, covered: Int,
         coveredWithoutStatewide: Int, agreements: [CoveringAgreement]) {
        storage = Storage(geoid: geoid, name: name, stateUSPS: stateUSPS, stateFIPS: stateFIPS, population: population,
                          covered: covered, coveredWithoutStatewide: coveredWithoutStatewide, agreements: agreements)
    }

    public var geoid: String { storage.geoid }
    public var name: String { storage.name }
    public var stateUSPS: String { storage.stateUSPS }
    public var stateFIPS: String { storage.stateFIPS }
    public var population: Int { storage.population }
    public var covered: Int { storage.covered }
    public var coveredWithoutStatewide: Int { storage.coveredWithoutStatewide }
    public var agreements: [CoveringAgreement] { storage.agreements }

    /// Whether `other` is this very count (a copy of it, not an equal count made again): a
    /// county `MemoCounties` kept from the sheet before is the same count.
    public func isSameCount(as other: CountyCoverage) -> Bool { storage === other.storage }

    public var share: Double { population > 0 ? Double(covered) / Double(population) : 0 }
    public var touched: Bool { !agreements.isEmpty }
    public var statewide: Bool { agreements.contains { $0.level == .state && $0.counted } }
    public var models: [SupportModel] { Array(Set(agreements.map(\.model))).sorted() }
}
