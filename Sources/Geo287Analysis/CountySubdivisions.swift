import Geo287Data
import Geo287Sheets

/// Minor civil divisions (towns and townships: the police geography of New England, New
/// Jersey, Pennsylvania, New York, Michigan and Wisconsin) from the Census all-geocodes
/// workbook: names and codes only, no polygons. They tell which county a town is in.
public struct CountySubdivisions: Sendable {
    public struct Division: Sendable, Hashable {
        public let stateFIPS: String
        public let countyGEOID: String     // 5 digits (Vintage 2023: CT planning regions)
        public let geoid: String           // 10 digits
        public let name: String            // "Candia town"
    }

    public let divisions: [Division]
    private let byStateAndKey: [String: [Division]]

    public static let path = "census/places/all-geocodes-v2023.xlsx"
    static let typeWords = ["town", "township", "city", "village", "borough", "plantation", "gore", "grant", "location", "purchase"]

    public init(divisions: [Division]) {
        self.divisions = divisions
        var index: [String: [Division]] = [:]
        for d in divisions {
            let key = NameKey.normalize(d.name)
            index[d.stateFIPS + "|" + key, default: []].append(d)
            let bare = NameKey.stripSuffixes(key, Self.typeWords)
            if bare != key { index[d.stateFIPS + "|" + bare, default: []].append(d) }
        }
        byStateAndKey = index
    }

    public static func load(_ root: DataRoot) throws -> CountySubdivisions {
        let rows = try WorkbookTable.rows(path: root.path(path))
        var out: [Division] = []
        for (_, c) in rows where c.count >= 7 && c[0] == "061" {
            let state = c[1], county = c[2], cousub = c[3]
            guard state.count == 2, county.count == 3, cousub.count == 5 else { continue }
            out.append(Division(stateFIPS: state, countyGEOID: state + county, geoid: state + county + cousub, name: c[6]))
        }
        guard !out.isEmpty else { throw DataError(root.path(path), "no county subdivision rows (summary level 061)") }
        return CountySubdivisions(divisions: out)
    }

    /// Divisions of a state named `key` (normalized), with or without their type word.
    public func named(_ key: String, stateFIPS: String) -> [Division] {
        byStateAndKey[stateFIPS + "|" + key] ?? byStateAndKey[stateFIPS + "|" + NameKey.stripSuffixes(key, Self.typeWords)] ?? []
    }
}
