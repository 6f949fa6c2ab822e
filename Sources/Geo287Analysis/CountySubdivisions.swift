import Foundation
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

    /// geo287's derived table of the same rows (`geo287 data derive`): a first line naming the
    /// workbook's SHA-256, then `GEOID<TAB>name` per division. Read in milliseconds instead of
    /// parsing the 1.7 MB workbook on every run.
    public static let derivedPath = "census/places/county-subdivisions-v2023.tsv"
    public static let sourceSHA256 = "b6d1cbdfd93a5536f7f210cb959b2286b8594a715e49f8d51e14aabb4027c25d"

    /// The derived table when it was made from the pinned workbook, else the workbook itself.
    public static func load(_ root: DataRoot) throws -> CountySubdivisions {
        if root.exists(derivedPath) { return try loadDerived(root.path(derivedPath)) }
        guard root.exists(path) else {
            throw DataError(root.path(path), "missing: the county subdivision (town and township) names; run `geo287 data fetch census`")
        }
        return try loadWorkbook(root.path(path))
    }

    public static func loadWorkbook(_ file: String) throws -> CountySubdivisions {
        let rows = try WorkbookTable.rows(path: file)
        var out: [Division] = []
        for (_, c) in rows where c.count >= 7 && c[0] == "061" {
            let state = c[1], county = c[2], cousub = c[3]
            guard state.count == 2, county.count == 3, cousub.count == 5 else { continue }
            out.append(Division(stateFIPS: state, countyGEOID: state + county, geoid: state + county + cousub, name: c[6]))
        }
        guard !out.isEmpty else { throw DataError(file, "no county subdivision rows (summary level 061)") }
        return CountySubdivisions(divisions: out)
    }

    static func loadDerived(_ file: String) throws -> CountySubdivisions {
        let text: String
        do { text = try String(contentsOfFile: file, encoding: .utf8) } catch { throw DataError(file, "cannot read as UTF-8 text") }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        guard let first = lines.first, first == "# source sha256 \(sourceSHA256)" else {
            throw DataError(file, "line 1: not derived from the pinned all-geocodes-v2023.xlsx (expected `# source sha256 \(sourceSHA256)`); rebuild it with `geo287 data derive`")
        }
        var out: [Division] = []
        out.reserveCapacity(lines.count)
        for (i, line) in lines.enumerated().dropFirst() {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count == 2, f[0].count == 10, f[0].allSatisfy({ $0.isASCII && $0.isNumber }), !f[1].isEmpty else {
                throw DataError(file, "line \(i + 1): expected a 10-digit GEOID, a tab and a name")
            }
            let g = String(f[0])
            out.append(Division(stateFIPS: String(g.prefix(2)), countyGEOID: String(g.prefix(5)), geoid: g, name: String(f[1])))
        }
        guard !out.isEmpty else { throw DataError(file, "no county subdivision rows") }
        return CountySubdivisions(divisions: out)
    }

    /// The derived table's bytes, for `geo287 data derive` (rows in workbook order).
    public func derivedTable() throws -> Data {
        var out = "# source sha256 \(Self.sourceSHA256)\n"
        for d in divisions {
            guard !d.name.contains("\t"), !d.name.contains("\n"), !d.name.contains("\r") else {
                throw DataError(d.geoid, "a subdivision name holds a tab or a line break")
            }
            out += "\(d.geoid)\t\(d.name)\n"
        }
        return Data(out.utf8)
    }

    /// Divisions of a state named `key` (normalized), with or without their type word.
    public func named(_ key: String, stateFIPS: String) -> [Division] {
        byStateAndKey[stateFIPS + "|" + key] ?? byStateAndKey[stateFIPS + "|" + NameKey.stripSuffixes(key, Self.typeWords)] ?? []
    }
}
