import Foundation
import Geo287Census
import Geo287Core
import Geo287Geometry
import Geo287Jurisdictions
import Geo287Sheets

/// `lookup --points FILE.csv`: every row of a CSV with `lat` and `lon` columns (other columns
/// kept) gets its state, county, place and the agreements covering it, per model, and a
/// `coordinate_check` (`CoordinateCheck`): a row outside every county, or with a latitude or
/// longitude out of range, says whether swapping the two puts it in a US county. Rows whose
/// coordinates are not numbers are reported (with their row number) and left out; the rest go on.
public struct LookupBulk: Sendable {
    public struct BadRow: Sendable, Equatable, CustomStringConvertible {
        /// 1-based record number in the file; the header is row 1.
        public let row: Int
        public let message: String
        public var description: String { "row \(row): \(message)" }
    }

    public struct Output: Sendable {
        public let csv: Data
        public let rows: Int
        public let bad: [BadRow]
        public let outside: Int
        /// Per input data row kept: its location (for tests and summaries).
        public let assignments: [PointAssignment]
        /// Per input data row kept, in order.
        public let checks: [CoordinateCheck]
        public func count(_ c: CoordinateCheck) -> Int { checks.filter { $0 == c }.count }
    }

    /// What the coordinates of a row look like.
    public enum CoordinateCheck: String, Sendable, CaseIterable {
        /// In a US county (or county equivalent).
        case ok
        /// In range, in no US county, and not in one when swapped either (open water, abroad).
        case outsideUS = "outside-us"
        /// Outside every county (or out of range) as given, in a US county with latitude and
        /// longitude swapped: the location columns stay empty, the row is not guessed.
        case swapped
        /// Latitude beyond ±90 or longitude beyond ±180, and not a US point when swapped.
        case outOfRange = "out-of-range"
    }

    public let root: DataRoot
    public let sheet: Sheet
    public let pendingSheet: Sheet?
    public let threads: Int

    public init(root: DataRoot, sheet: Sheet, pendingSheet: Sheet?, threads: Int = 2) {
        self.root = root
        self.sheet = sheet
        self.pendingSheet = pendingSheet
        self.threads = threads
    }

    static let latNames = ["lat", "latitude", "y"]
    static let lonNames = ["lon", "lng", "long", "longitude", "x"]

    public func run(csvPath path: String) throws -> Output {
        let bytes = try InputFile.read(path, limit: LookupCSV.sizeLimit, what: "a --points CSV")
        let csv = try LookupCSV(bytes: bytes, path: path, latNames: Self.latNames, lonNames: Self.lonNames)
        Trace.mark("csv parsed")
        let counties = try CensusLayers.counties(root)
        // Matching (one thread, ~1 s) runs while the points are located.
        let matching = Prefetch { [self] in try match(counties: counties) }
        let root = self.root
        let locator = BulkCountyPlaceLocator(counties: counties, threads: threads) { fips, pts in
            try CensusLayers.places(root, stateFIPS: fips, geometry: .boxes(pts.anyInside))
        }
        let located = try locator.locateIndexed(csv.coordinates)
        let checks = try Self.checks(csv, counties: located.counties, locator: locator)
        // Distinct locations as (county index, place index) keys.
        var placeIndex: [String: Int] = [:]
        var keys = [Int](repeating: -1, count: located.counties.count)
        var distinct: [Int: PointAssignment] = [:]
        let sorted = counties.sorted { $0.geoid < $1.geoid }   // the locator's county order
        for i in keys.indices where located.counties[i] >= 0 {
            let c = Int(located.counties[i])
            var p = 0
            if let g = located.places[i] {
                if let k = placeIndex[g] { p = k } else { p = placeIndex.count + 1; placeIndex[g] = p }
            }
            keys[i] = c << 20 | p
            if distinct[keys[i]] == nil { distinct[keys[i]] = PointAssignment(countyGEOID: sorted[c].geoid, placeGEOID: located.places[i]) }
        }
        distinct[-1] = .outside
        let columns = try coverageColumns(distinct, matched: try matching.value())
        Trace.mark("coverage")
        let ours = Self.columnNames(pending: pendingSheet != nil)
        let prefix = ours.contains(where: csv.header.map { $0.lowercased() }.contains) ? "lookup_" : ""
        var out: [UInt8] = []
        out.reserveCapacity(csv.bytes.count + keys.count * 96)
        out += csv.bytes[csv.headerRange]
        out += Array(("," + ours.map { CSVWriter.field(prefix + $0) }.joined(separator: ",") + "\n").utf8)
        let checkFields = Dictionary(uniqueKeysWithValues: CoordinateCheck.allCases.map { ($0, Array(",\($0.rawValue)\n".utf8)) })
        for (k, r) in csv.records.enumerated() {
            out.append(contentsOf: csv.bytes[r])
            out.append(contentsOf: columns[keys[k]] ?? [])
            out.append(contentsOf: checkFields[checks[k]] ?? [])
        }
        Trace.mark("csv written")
        let assignments = keys.map { distinct[$0] ?? .outside }
        return Output(csv: Data(out), rows: csv.records.count, bad: csv.bad,
                      outside: located.counties.filter { $0 < 0 }.count, assignments: assignments, checks: checks)
    }

    /// Each row's check: rows in no county (out-of-range ones included) are located again with
    /// latitude and longitude swapped.
    static func checks(_ csv: LookupCSV, counties: [Int32], locator: BulkCountyPlaceLocator) throws -> [CoordinateCheck] {
        var checks = [CoordinateCheck](repeating: .ok, count: counties.count)
        var again: [Int] = [], swapped: [Coordinate] = []
        for i in counties.indices where counties[i] < 0 {
            let given = csv.outOfRange[i] ?? csv.coordinates[i]
            checks[i] = csv.outOfRange[i] == nil ? .outsideUS : .outOfRange
            // (lat, lon) read as (lon, lat): in range only when the longitude is within ±90.
            if (-90...90).contains(given.x), (-180...180).contains(given.y) {
                again.append(i)
                swapped.append(Coordinate(given.y, given.x))
            }
        }
        guard !again.isEmpty else { return checks }
        let relocated = try locator.locateIndexed(swapped)
        for (k, i) in again.enumerated() where relocated.counties[k] >= 0 { checks[i] = .swapped }
        return checks
    }

    static func columnNames(pending: Bool) -> [String] {
        var names = ["state", "county_fips", "county", "place_geoid", "place", "agreements"]
        for m in SupportModel.allCases { names += ["\(m.abbreviation.lowercased())_count", "\(m.abbreviation.lowercased())_agencies"] }
        names += ["unmapped_count", "unmapped_agencies"]
        if pending { names += ["pending_count", "pending_agencies"] }
        return names + ["coordinate_check"]
    }

    struct Matched: Sendable {
        let gazetteer: Gazetteer
        let agreements: [MatchedAgreement]
    }

    /// Every agreement of the sheets matched to its jurisdiction, as `geo287 match` does.
    func match(counties: [County]) throws -> Matched {
        let gazetteer = Gazetteer(root: root, counties: counties,
                                  crosswalk: try PlaceCountyCrosswalk.load(root.path(CensusLayers.crosswalkPath)), population: .empty())
        // The counties of each place, as single lookups and coverage see them (a county-wide
        // agency placed at its town reaches the town's county).
        let matched = try CountyJoin(gazetteer: gazetteer).join(
            try JurisdictionMatcher(gazetteer: gazetteer).match(sheet.agreements + (pendingSheet?.agreements ?? [])),
            threads: threads, geometry: .whereNeeded)
        return Matched(gazetteer: gazetteer, agreements: matched)
    }

    /// The appended columns (with the leading comma and the newline) for each distinct location.
    func coverageColumns(_ locations: [Int: PointAssignment], matched m: Matched) throws -> [Int: [UInt8]] {
        let gazetteer = m.gazetteer, matched = m.agreements
        let byState = Dictionary(grouping: matched) { $0.agreement.state?.fips ?? "" }
        let countyByID = gazetteer.countyByGEOID
        var out: [Int: [UInt8]] = [:]
        for (key, a) in locations {
            var fields: [String]
            if let cid = a.countyGEOID, let county = countyByID[cid], let st = USState.fips(county.stateFIPS) {
                let place = try a.placeGEOID.flatMap { try gazetteer.place(geoid: $0) }
                let location = LookupLocation(query: .point(Coordinate(0, 0)), state: st, counties: [county], place: place)
                let entries = LookupCoverage().entries(for: location, agreements: byState[st.fips] ?? [])
                fields = [st.usps, county.geoid, county.nameWithType, place?.geoid ?? "", place?.nameWithType ?? ""]
                fields += counts(entries)
            } else {
                fields = ["", "", "", "", "", "0"] + SupportModel.allCases.flatMap { _ in ["0", ""] } + ["0", ""]
                if pendingSheet != nil { fields += ["0", ""] }
            }
            out[key] = Array(("," + fields.map(CSVWriter.field).joined(separator: ",")).utf8)
        }
        return out
    }

    func counts(_ entries: [LookupEntry]) -> [String] {
        let covers = entries.filter { $0.relation == .covers && !$0.isPending }
        func names(_ es: [LookupEntry]) -> String {
            var seen = Set<String>()
            return es.map(\.agreement.agencyName).filter { seen.insert($0).inserted }.joined(separator: "; ")
        }
        var fields = [String(covers.count)]
        for m in SupportModel.allCases {
            let group = covers.filter { $0.agreement.model == m }
            fields += [String(group.count), names(group)]
        }
        let unmapped = entries.filter { $0.relation == .unmapped && !$0.isPending }
        fields += [String(unmapped.count), names(unmapped)]
        if pendingSheet != nil {
            let pending = entries.filter { $0.relation == .covers && $0.isPending }
            fields += [String(pending.count), names(pending)]
        }
        return fields
    }
}
