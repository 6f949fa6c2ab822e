import Geo287Core
import Geo287Census

/// Finds a county (or county equivalent) of one state from a name as ICE prints it:
/// `Miami-Dade County`, `Decatur`, `Lake Conty`, `Hopewell County` (a Virginia independent
/// city), `St. Louis City`, `Doña Ana`.
public struct CountyResolver {
    public let counties: [County]
    /// Normalized NAME and NAMELSAD of each county, computed once.
    private let nameKeys: [String]
    private let fullKeys: [String]

    public init(counties: [County]) {
        self.counties = counties
        nameKeys = counties.map { NameKey.normalize($0.name) }
        fullKeys = counties.map { NameKey.normalize($0.nameWithType) }
    }

    public struct Match {
        public let county: County
        public let method: MatchMethod
        public let note: String?
    }

    public static let typeSuffixes = ["city and borough", "census area", "county", "parish", "borough", "municipality", "municipio"]

    /// `preferCity`: the name says it is a city (Virginia's independent cities, St. Louis, Baltimore).
    public func resolve(_ text: String, preferCity: Bool = false) -> Match? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        if let c = counties.first(where: { $0.nameWithType == trimmed }) { return Match(county: c, method: .exact, note: nil) }
        let key = NameKey.normalize(trimmed)
        if let i = fullKeys.firstIndex(of: key) { return Match(county: counties[i], method: .normalized, note: nil) }
        let saysCity = preferCity || key.hasSuffix(" city")
        var base = NameKey.stripSuffixes(key, Self.typeSuffixes)
        var note: String?
        // A misspelled suffix: `Conty`, `Couny`, `Countey`.
        if base == key, let last = key.split(separator: " ").last, key.contains(" "),
           NameKey.editDistance(String(last), "county") <= 2 || NameKey.editDistance(String(last), "parish") <= 1 {
            base = String(key.dropLast(last.count + 1))
            note = "suffix `\(last)` read as a misspelling of county/parish"
        }
        if let m = byName(base, saysCity: saysCity) {
            let extra = base == key ? "name without suffix" : nil
            return Match(county: m.county, method: .normalized, note: [note, extra, m.note].compactMap { $0 }.joined(separator: "; ").nilIfEmpty)
        }
        // `Hopewell County` for Hopewell city, VA; `Norfolk City`: strip `city` and look for a city.
        let noCity = NameKey.stripSuffixes(base, ["city"])
        if noCity != base, let m = byName(noCity, saysCity: true) {
            return Match(county: m.county, method: .normalized, note: m.note)
        }
        // A misspelled name: a unique closest county within a small edit distance.
        let tolerance = NameKey.fuzzyTolerance(base)
        if tolerance > 0 {
            let length = base.utf8.count
            let scored = counties.indices.filter { abs(nameKeys[$0].utf8.count - length) <= tolerance }
                .map { (counties[$0], NameKey.editDistance(nameKeys[$0], base, limit: tolerance)) }.filter { $0.1 <= tolerance }
            if let best = scored.min(by: { $0.1 < $1.1 }), scored.filter({ $0.1 == best.1 }).count == 1 {
                return Match(county: best.0, method: .fuzzy, note: "`\(trimmed)` read as \(best.0.nameWithType) (edit distance \(best.1))")
            }
        }
        return nil
    }

    private func byName(_ base: String, saysCity: Bool) -> (county: County, note: String?)? {
        let hits = counties.indices.filter { nameKeys[$0] == base }.map { counties[$0] }
        if hits.count <= 1 {
            guard let c = hits.first else { return nil }
            return (c, c.lsad == "25" && !saysCity ? "\(c.nameWithType) is an independent city (county equivalent)" : nil)
        }
        // Fairfax County and Fairfax city, VA: the name decides.
        let cities = hits.filter { $0.lsad == "25" }, others = hits.filter { $0.lsad != "25" }
        if saysCity, let c = cities.first { return (c, nil) }
        if let c = others.first { return (c, nil) }
        return hits.first.map { ($0, nil) }
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
