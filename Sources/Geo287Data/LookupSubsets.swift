import Foundation

/// One-state subsets of the national tables, for `geo287 lookup`: a single lookup reads only
/// the rows of the state it is about, so a cold start stays well under half a second.
extension PlaceCountyCrosswalk {
    /// The crosswalk rows of one state (county code starting with `stateFIPS`), parsed as `load` does.
    public static func load(_ path: String, stateFIPS: String) throws -> PlaceCountyCrosswalk {
        guard let data = FileManager.default.contents(atPath: path) else { throw DataError(path, "cannot read file") }
        let bytes = [UInt8](data)
        let prefix = Array("\"\(stateFIPS)".utf8)
        var kept: [UInt8] = []
        var lineStart = 0, lineNumber = 0
        // Keep the two header lines and every line whose first field starts with the state code.
        for i in bytes.indices where bytes[i] == 0x0A {
            let line = bytes[lineStart...i]
            if lineNumber < 2 || line.starts(with: prefix) { kept.append(contentsOf: line) }
            lineStart = i + 1
            lineNumber += 1
        }
        let all = DelimitedText.rows(bytes: kept, decoding: .latin1)
        guard all.count >= 2 else { throw DataError(path, "no header rows") }
        let table = HeaderTable(path: path, header: all[0], rows: Array(all.dropFirst(2)))
        let county = try table.column("county"), state = try table.column("state"), place = try table.column("place")
        let stab = try table.column("stab"), cname = try table.column("CountyName"), pname = try table.column("PlaceName")
        let pop = try table.column("pop20"), afact2 = try table.column("afact2"), afact = try table.column("afact")
        var parts: [Part] = []
        for r in table.rows {
            let c = table.value(r, county), s = table.value(r, state), p = table.value(r, place)
            guard c.count == 5, s == stateFIPS, p.count == 5 else {
                throw DataError(path, "bad county/state/place code \(c)/\(s)/\(p)")
            }
            guard let population = Int(table.value(r, pop)), let share = Double(table.value(r, afact)) else {
                throw DataError(path, "county \(c) place \(p): pop20 or afact is not a number")
            }
            parts.append(Part(countyGEOID: c, placeGEOID: p == "99999" ? nil : s + p, stateUSPS: table.value(r, stab),
                              countyName: table.value(r, cname), placeName: table.value(r, pname),
                              population2020: population, placeShare: Double(table.value(r, afact2)), countyShare: share))
        }
        return PlaceCountyCrosswalk(parts: parts)
    }
}

extension PopulationTable {
    /// A table without rows, for work that needs no population (a single lookup).
    public static func empty(vintage: String = "none") -> PopulationTable {
        PopulationTable(vintage: vintage, counties: [:], states: [:])
    }
}
