import Geo287Coverage
import Geo287Jurisdictions

/// The tail of a county panel row, `covered,share,covered_without_statewide,covering_agreements,
/// counted_agreements,levels`, made once per distinct set of values: over hundreds of sheets a
/// county mostly repeats the numbers it had, and formatting the share and the levels is most
/// of a row's cost.
struct BatchCountyTail {
    /// Everything the tail is made of (the share is covered / population).
    struct Key: Hashable {
        let population: Int
        let covered: Int
        let coveredWithoutStatewide: Int
        let agreements: Int
        let counted: Int
        /// One bit per `JurisdictionLevel` present.
        let levels: Int

        init(_ c: CountyCoverage) {
            population = c.population
            covered = c.covered
            coveredWithoutStatewide = c.coveredWithoutStatewide
            agreements = c.agreements.count
            var counted = 0, levels = 0
            for a in c.agreements {
                if a.counted { counted += 1 }
                levels |= 1 << (JurisdictionLevel.allCases.firstIndex(of: a.level) ?? 0)
            }
            self.counted = counted
            self.levels = levels
        }
    }

    private var made: [Key: [UInt8]] = [:]

    /// The tail's CSV bytes (no leading comma, no newline).
    mutating func bytes(_ c: CountyCoverage) -> [UInt8] {
        let key = Key(c)
        if let hit = made[key] { return hit }
        let levels = Set(c.agreements.map(\.level.rawValue)).sorted().joined(separator: ";")
        let tail = BatchCSV.tail([String(c.covered), BatchCSV.fraction(c.share), String(c.coveredWithoutStatewide),
                                  String(c.agreements.count), String(key.counted), levels])
        made[key] = tail
        return tail
    }
}
