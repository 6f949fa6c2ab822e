import Foundation
import Geo287Core
import Geo287Sheets

/// Minor civil divisions (towns and townships: the police geography of New England, New
/// Jersey, Pennsylvania, New York, Michigan and Wisconsin) from the Census all-geocodes
/// workbook: names and codes only, no polygons. They tell which county a town is in.
public final class CountySubdivisions: @unchecked Sendable {
    // @unchecked: `index` is only read and written under `lock`; everything else is immutable.
    public struct Division: Sendable, Hashable {
        public let stateFIPS: String
        public let countyGEOID: String     // 5 digits (Vintage 2023: CT planning regions)
        public let geoid: String           // 10 digits
        public let name: String            // "Candia town"
    }

    public let divisions: [Division]
    private let byState: [String: [Division]]
    /// Name keys per state, built on a state's first query (a sheet asks about a few states).
    private var index: [String: [String: [Division]]] = [:]
    private var bareIndex: [String: [String: [Division]]] = [:]
    private let lock = NSLock()

    public static let path = "census/places/all-geocodes-v2023.xlsx"
    static let typeWords = ["town", "township", "city", "village", "borough", "plantation", "gore", "grant", "location", "purchase"]

    public init(divisions: [Division]) {
        self.divisions = divisions
        byState = Dictionary(grouping: divisions, by: \.stateFIPS)
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
            throw DataError.missing(root.path(path), "missing: the county subdivision (town and township) names; run `geo287 data fetch census`")
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
        let bytes = try InputFile.read(file, limit: 16 << 20, what: "the derived town table")
        let header = Array("# source sha256 \(sourceSHA256)\n".utf8)
        guard bytes.starts(with: header) else {
            throw DataError(file, "line 1: not derived from the pinned all-geocodes-v2023.xlsx (expected `# source sha256 \(sourceSHA256)`); rebuild it with `geo287 data derive`")
        }
        var out: [Division] = []
        out.reserveCapacity(bytes.count / 24)
        var i = header.count, line = 2
        while i < bytes.count {
            guard let end = bytes[i...].firstIndex(of: 0x0A) else { throw DataError(file, "line \(line): no line end") }
            let tab = i + 10
            guard tab < end, bytes[tab] == 0x09, end > tab + 1, bytes[i..<tab].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                throw DataError(file, "line \(line): expected a 10-digit GEOID, a tab and a name")
            }
            let g = String(decoding: bytes[i..<tab], as: UTF8.self)
            out.append(Division(stateFIPS: String(g.prefix(2)), countyGEOID: String(g.prefix(5)), geoid: g,
                                name: String(decoding: bytes[(tab + 1)..<end], as: UTF8.self)))
            i = end + 1
            line += 1
        }
        guard !out.isEmpty else { throw DataError(file, "no county subdivision rows") }
        return CountySubdivisions(divisions: out)
    }

    /// The derived table's bytes, for `geo287 data derive` (rows in workbook order).
    public func derivedTable() throws -> Data {
        var out = "# source sha256 \(Self.sourceSHA256)\n"
        for d in divisions {
            // Bytes, not Characters: "\r\n" is one Character and would hide from a "\n" test.
            guard !d.name.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else {
                throw DataError(d.geoid, "a subdivision name holds a tab or a line break")
            }
            out += "\(d.geoid)\t\(d.name)\n"
        }
        return Data(out.utf8)
    }

    /// Divisions of a state named `key` (normalized), with or without their type word.
    public func named(_ key: String, stateFIPS: String) -> [Division] {
        let keys = stateIndex(stateFIPS)
        return keys[key] ?? keys[NameKey.stripSuffixes(key, Self.typeWords)] ?? []
    }

    /// The divisions of a state whose name is the closest misspelling of `key` (type words
    /// dropped on both sides), within `NameKey.fuzzyTolerance`: `pittsburgh` → Pittsburg town
    /// (NH). Nil unless exactly one name is closest: a tie between two towns places nothing.
    public func closest(_ key: String, stateFIPS: String) -> (divisions: [Division], distance: Int)? {
        let bare = NameKey.stripSuffixes(key, Self.typeWords)
        let tolerance = NameKey.fuzzyTolerance(bare)
        guard tolerance > 0 else { return nil }
        // Names are normalized once per state (`bareNames`); most are skipped on length alone.
        var byName: [String: [Division]] = [:]
        for (name, divisions) in bareNames(stateFIPS) where abs(name.utf8.count - bare.utf8.count) <= tolerance {
            if NameKey.editDistance(name, bare, limit: tolerance) <= tolerance { byName[name, default: []] += divisions }
        }
        let scored = byName.map { (name: $0.key, divisions: $0.value, distance: NameKey.editDistance($0.key, bare)) }
        guard let best = scored.min(by: { $0.distance < $1.distance }),
              scored.filter({ $0.distance == best.distance }).count == 1 else { return nil }
        return (best.divisions, best.distance)
    }

    /// A state's divisions by normalized name without its type word, built once.
    private func bareNames(_ fips: String) -> [String: [Division]] {
        lock.lock()
        defer { lock.unlock() }
        if let built = bareIndex[fips] { return built }
        var names: [String: [Division]] = [:]
        for d in byState[fips] ?? [] { names[NameKey.stripSuffixes(NameKey.normalize(d.name), Self.typeWords), default: []].append(d) }
        bareIndex[fips] = names
        return names
    }

    private func stateIndex(_ fips: String) -> [String: [Division]] {
        lock.lock()
        defer { lock.unlock() }
        if let built = index[fips] { return built }
        var keys: [String: [Division]] = [:]
        for d in byState[fips] ?? [] {
            let key = NameKey.normalize(d.name)
            keys[key, default: []].append(d)
            let bare = NameKey.stripSuffixes(key, Self.typeWords)
            if bare != key { keys[bare, default: []].append(d) }
        }
        index[fips] = keys
        return keys
    }
}
