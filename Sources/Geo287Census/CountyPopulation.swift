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

    /// The file's size limit (the real one is 1.4 MB).
    public static let sizeLimit = 16 << 20

    /// Reads `census/population/co-est2023-alldata.csv` (or another CO-EST file) from `path`.
    /// The table must be whole: every state row (SUMLEV 040) equals the sum of its counties
    /// (PEP controls counties to states exactly), and every state with counties has its row, so
    /// a file cut short or edited is refused instead of counting fewer people.
    public static func load(_ path: String, year: Int = 2023) throws -> PopulationTable {
        let all = try DelimitedText.rows(path: path, decoding: .latin1, sizeLimit: sizeLimit, what: "a Census population table")
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
        try checkComplete(counties: counties, states: states, path: path, year: year)
        return PopulationTable(vintage: "Vintage \(year)", counties: counties, states: states)
    }

    static func checkComplete(counties: [String: Row], states: [String: Row], path: String, year: Int) throws {
        var sums: [String: Int] = [:]
        for c in counties.values { sums[String(c.geoid.prefix(2)), default: 0] += c.estimate }
        for (fips, sum) in sums.sorted(by: { $0.key < $1.key }) {
            guard let state = states[fips] else {
                throw DataError(path, "incomplete table: state \(fips) has counties but no state row (SUMLEV 040)")
            }
            guard state.estimate == sum else {
                throw DataError(path, "incomplete table: \(state.stateName)'s counties sum to \(NumberText.grouped(sum)) people but its state row says \(NumberText.grouped(state.estimate)) (POPESTIMATE\(year))")
            }
        }
        if let fips = states.keys.sorted().first(where: { sums[$0] == nil }) {
            throw DataError(path, "incomplete table: state \(fips) (\(states[fips]?.stateName ?? "")) has no county rows")
        }
    }
}
