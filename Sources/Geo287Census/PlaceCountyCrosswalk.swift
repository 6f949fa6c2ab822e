import Foundation
import Geo287Core

/// The Geocorr 2022 place × county crosswalk, weighted by 2020 Census population
/// (Latin-1, two header rows, trailing space on every line).
public struct PlaceCountyCrosswalk: Sendable {
    public struct Part: Sendable, Hashable {
        public let countyGEOID: String      // 5 digits, 2020 geography (CT legacy counties)
        public let placeGEOID: String?      // 7 digits; nil for "[not in a place]"
        public let stateUSPS: String
        public let countyName: String
        public let placeName: String
        public let population2020: Int
        /// Share of the place's 2020 population in this county (afact2).
        public let placeShare: Double?
        /// Share of the county's 2020 population in this place (afact).
        public let countyShare: Double
    }

    public let parts: [Part]
    public let partsByPlace: [String: [Part]]
    /// Place GEOIDs by their 2-digit state code, sorted (one pass, for per-state lookups).
    public let placesByState: [String: [String]]
    /// 2020 population of each county as the crosswalk sums it.
    public let countyPopulation2020: [String: Int]

    public init(parts: [Part]) {
        self.parts = parts
        var byPlace: [String: [Part]] = [:]
        var county: [String: Int] = [:]
        for p in parts {
            if let g = p.placeGEOID { byPlace[g, default: []].append(p) }
            county[p.countyGEOID, default: 0] += p.population2020
        }
        partsByPlace = byPlace
        placesByState = Dictionary(grouping: byPlace.keys.sorted(), by: { String($0.prefix(2)) })
        countyPopulation2020 = county
    }

    /// Reads the crosswalk; with `stateFIPS`, only that state's rows (the lines whose county
    /// code starts with it), for work about one state such as a single lookup.
    /// The file's size limit (the real one is 2.8 MB).
    public static let sizeLimit = 64 << 20

    public static func load(_ path: String, stateFIPS: String? = nil) throws -> PlaceCountyCrosswalk {
        var bytes = try InputFile.read(path, limit: sizeLimit, what: "the place × county crosswalk")
        if let stateFIPS { bytes = linesOfState(bytes, stateFIPS) }
        // The records are read in place (the header row names the columns; no copy of the rows).
        let all = try DelimitedText.records(bytes: bytes, path: path, decoding: .latin1)
        guard all.count > 2 || (stateFIPS != nil && all.count == 2) else { throw DataError(path, "no data rows") }
        let table = HeaderTable(path: path, header: all[0].fields, rows: [])
        let county = try table.column("county"), state = try table.column("state"), place = try table.column("place")
        let stab = try table.column("stab"), cname = try table.column("CountyName"), pname = try table.column("PlaceName")
        let pop = try table.column("pop20"), afact2 = try table.column("afact2"), afact = try table.column("afact")
        var parts: [Part] = []
        parts.reserveCapacity(all.count - 2)
        var countyShares: [String: (sum: Double, parts: Int, firstRow: Int)] = [:]
        for i in 2..<all.count {
            let r = all[i].fields, line = i + 1
            let c = table.value(r, county), s = table.value(r, state), p = table.value(r, place)
            guard c.count == 5, s.count == 2, p.count == 5 else {
                throw DataError(path, "row \(line): bad county/state/place code \(c)/\(s)/\(p)")
            }
            let popText = table.value(r, pop)
            guard let population = Int(popText), population >= 0, population <= NumberText.peopleLimit else {
                throw DataError(path, "row \(line): pop20 `\(popText)` is not a whole number of people")
            }
            let share = try fraction(table.value(r, afact), column: "afact", line: line, path: path)
            // afact2 is empty only for a place part without people (48 such rows).
            let placeText = table.value(r, afact2)
            let placeShare = placeText.isEmpty && population == 0 ? nil : try fraction(placeText, column: "afact2", line: line, path: path)
            parts.append(Part(countyGEOID: c, placeGEOID: p == "99999" ? nil : s + p, stateUSPS: table.value(r, stab),
                              countyName: table.value(r, cname), placeName: table.value(r, pname),
                              population2020: population, placeShare: placeShare, countyShare: share))
            let before = countyShares[c] ?? (0, 0, line)
            countyShares[c] = (before.sum + share, before.parts + 1, before.firstRow)
        }
        // A county's parts share its people: afact sums to 1, give or take the rounding of each
        // printed value to 4 decimals. More would count some of its people twice.
        for (c, t) in countyShares.sorted(by: { $0.value.firstRow < $1.value.firstRow })
            where t.sum > 1 + 0.00005 * Double(t.parts) + 1e-9 {
            throw DataError(path, "county \(c) (row \(t.firstRow) on): its parts' afact sum to \(JSONValue.format(t.sum, decimals: 6)), more than 1")
        }
        return PlaceCountyCrosswalk(parts: parts)
    }

    /// A share in [0, 1], or an error naming the row, the column and the value.
    static func fraction(_ text: String, column: String, line: Int, path: String) throws -> Double {
        guard let v = Double(text), v.isFinite else { throw DataError(path, "row \(line): \(column) `\(text)` is not a number") }
        guard v >= 0, v <= 1 else { throw DataError(path, "row \(line): \(column) \(text) is not a share between 0 and 1") }
        return v
    }

    /// The two header lines and every line whose first field starts with `"<stateFIPS>`.
    static func linesOfState(_ bytes: [UInt8], _ stateFIPS: String) -> [UInt8] {
        let prefix = Array("\"\(stateFIPS)".utf8)
        var kept: [UInt8] = []
        var lineStart = 0, lineNumber = 0
        for i in bytes.indices where bytes[i] == 0x0A {
            let line = bytes[lineStart...i]
            if lineNumber < 2 || line.starts(with: prefix) { kept.append(contentsOf: line) }
            lineStart = i + 1
            lineNumber += 1
        }
        return kept
    }
}
