import Foundation
import Geo287Core

/// County and state population from the Census PEP file CO-EST2023-ALLDATA (Latin-1, CRLF).
public struct PopulationTable: Sendable {
    public struct Row: Sendable {
        public let geoid: String          // 5-digit county GEOID or 2-digit state FIPS
        public let stateName: String
        public let name: String
        public let base2020: Int          // ESTIMATESBASE2020 (April 1, 2020)
        public let estimate: Int          // POPESTIMATE of the vintage year
    }

    public let vintage: String
    public let counties: [String: Row]
    public let states: [String: Row]

    public var nationalTotal: Int { counties.values.reduce(0) { $0 + $1.estimate } }

    /// Reads `census/population/co-est2023-alldata.csv` (or another CO-EST file) from `path`.
    public static func load(_ path: String, year: Int = 2023) throws -> PopulationTable {
        let all = try DelimitedText.rows(path: path, decoding: .latin1)
        guard let header = all.first else { throw DataError(path, "empty file") }
        let table = HeaderTable(path: path, header: header, rows: Array(all.dropFirst()))
        let sumlev = try table.column("SUMLEV"), state = try table.column("STATE"), county = try table.column("COUNTY")
        let stname = try table.column("STNAME"), ctyname = try table.column("CTYNAME")
        let base = try table.column("ESTIMATESBASE2020"), est = try table.column("POPESTIMATE\(year)")
        var counties: [String: Row] = [:], states: [String: Row] = [:]
        for (i, r) in table.rows.enumerated() {
            let level = table.value(r, sumlev)
            let baseText = table.value(r, base), estText = table.value(r, est)
            guard let b = Int(baseText), b >= 0, b <= NumberText.peopleLimit else {
                throw DataError(path, "row \(i + 2): ESTIMATESBASE2020 `\(baseText)` is not a whole number of people")
            }
            guard let e = Int(estText), e >= 0, e <= NumberText.peopleLimit else {
                throw DataError(path, "row \(i + 2): POPESTIMATE\(year) `\(estText)` is not a whole number of people")
            }
            let st = table.value(r, state), co = table.value(r, county)
            guard st.count == 2, co.count == 3 else { throw DataError(path, "row \(i + 2): bad STATE/COUNTY code \(st)/\(co)") }
            switch level {
            case "050":
                counties[st + co] = Row(geoid: st + co, stateName: table.value(r, stname), name: table.value(r, ctyname), base2020: b, estimate: e)
            case "040":
                states[st] = Row(geoid: st, stateName: table.value(r, stname), name: table.value(r, ctyname), base2020: b, estimate: e)
            default:
                continue
            }
        }
        guard !counties.isEmpty else { throw DataError(path, "no county rows (SUMLEV 050)") }
        return PopulationTable(vintage: "Vintage \(year)", counties: counties, states: states)
    }
}
