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
/// The file is streamed (`stream`, `LookupBulkStream.swift`): read, located and written chunk by
/// chunk, in input order, so memory is bounded by a chunk and the indexes, not by the file.
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
        public let summary: Summary
        public func count(_ c: CoordinateCheck) -> Int { checks.filter { $0 == c }.count }
    }

    /// What the coordinates of a row look like.
    public enum CoordinateCheck: String, Sendable, CaseIterable, Hashable {
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
    /// Where the states' place indexes are kept between runs (`StatePlaces`); off by default.
    public let cache: DerivedCache

    public init(root: DataRoot, sheet: Sheet, pendingSheet: Sheet?, threads: Int = 2, cache: DerivedCache = .off) {
        self.cache = cache
        self.root = root
        self.sheet = sheet
        self.pendingSheet = pendingSheet
        self.threads = threads
    }

    /// Rows per chunk and bytes per read of the stream: a chunk's output is a few MB, and at most
    /// seven chunks are alive at once (`Summary.chunksInFlight`).
    public static let chunkRows = 1 << 15
    public static let blockSize = 2 << 20

    static let latNames = ["lat", "latitude", "y"]
    static let lonNames = ["lon", "lng", "long", "longitude", "x"]

    /// The whole answer in memory (tests, small files): `stream` collecting what it writes.
    public func run(csvPath path: String, chunkRows: Int = LookupBulk.chunkRows, blockSize: Int = LookupBulk.blockSize) throws -> Output {
        let collected = Collected()
        var bad: [BadRow] = [], assignments: [PointAssignment] = [], checks: [CoordinateCheck] = []
        let summary = try stream(csvPath: path, chunkRows: chunkRows, blockSize: blockSize, write: { collected.append($0) },
                                 badRow: { bad.append($0) }, located: { assignments += $0; checks += $1 })
        return Output(csv: collected.data, rows: summary.rows, bad: bad, outside: summary.outside,
                      assignments: assignments, checks: checks, summary: summary)
    }

    /// What a streamed run counted.
    public struct Summary: Sendable, Equatable {
        /// Data rows kept (located), rows left out, rows in no US county.
        public var rows = 0, badRows = 0, outside = 0
        public var checks: [CoordinateCheck: Int] = [:]
        /// The largest chunk (rows) and the most chunks alive at once: memory is bounded by these.
        public var largestChunk = 0, chunksInFlight = 0
        public func count(_ c: CoordinateCheck) -> Int { checks[c] ?? 0 }
        public init() {}
    }

    /// Bytes written by the writer thread, gathered for `run`.
    final class Collected: @unchecked Sendable {
        // @unchecked: `bytes` is touched only under `lock`.
        private let lock = NSLock()
        private var bytes: [UInt8] = []
        func append(_ b: [UInt8]) { lock.lock(); bytes += b; lock.unlock() }
        var data: Data { lock.lock(); defer { lock.unlock() }; return Data(bytes) }
    }

    static func columnNames(pending: Bool) -> [String] {
        var names = ["state", "county_fips", "county", "place_geoid", "place", "agreements"]
        for m in SupportModel.allCases { names += ["\(m.abbreviation.lowercased())_count", "\(m.abbreviation.lowercased())_agencies"] }
        names += ["unmapped_count", "unmapped_agencies"]
        if pending { names += ["pending_count", "pending_agencies"] }
        return names + ["coordinate_check"]
    }

    /// Every agreement of the sheets matched to its jurisdiction, as `geo287 match` does, with
    /// the counties of each place, as single lookups and coverage see them (a county-wide
    /// agency placed at its town reaches the town's county).
    /// The agreements of the sheet (and the pending sheet) matched and joined; from the derived
    /// cache (`bulk-matched`) when its entry for these sheets and Census files is valid.
    /// `counties`: the county layer with its polygons, called only to build the entry.
    func match(counties: () throws -> [County]) throws -> [MatchedAgreement] {
        let sheets = [sheet.path] + (pendingSheet.map { [$0.path] } ?? [])
        return try cache.value(
            kind: "bulk-matched", format: 1, inputs: sheets + DerivedInputs.matching(root),
            encode: { matched, w in w.array(matched) { w, m in m.encode(to: &w) } },
            decode: { r in try r.array { try MatchedAgreement.decode(from: &$0) } },
            build: {
                let gazetteer = Gazetteer(root: root, counties: try counties(),
                                          crosswalk: try PlaceCountyCrosswalk.load(root.path(CensusLayers.crosswalkPath)), population: .empty())
                return try CountyJoin(gazetteer: gazetteer).join(
                    try JurisdictionMatcher(gazetteer: gazetteer).match(sheet.agreements + (pendingSheet?.agreements ?? [])),
                    threads: threads, geometry: .whereNeeded)
            })
    }

    /// The appended columns of a row in `county` and `place` (with the leading comma, without
    /// the check); a row in no county has `county` nil. `agreements`: those of the county's
    /// state that may concern the point (`LookupBulkAgreements`).
    func columns(county: County?, place: Place?, agreements: [MatchedAgreement]) -> [UInt8] {
        var fields: [String]
        if let county, let st = USState.fips(county.stateFIPS) {
            let location = LookupLocation(query: .point(Coordinate(0, 0)), state: st, counties: [county], place: place)
            let entries = LookupCoverage().entries(for: location, agreements: agreements)
            fields = [st.usps, county.geoid, county.nameWithType, place?.geoid ?? "", place?.nameWithType ?? ""]
            fields += counts(entries)
        } else {
            fields = ["", "", "", "", "", "0"] + SupportModel.allCases.flatMap { _ in ["0", ""] } + ["0", ""]
            if pendingSheet != nil { fields += ["0", ""] }
        }
        return Array(("," + fields.map(CSVWriter.field).joined(separator: ",")).utf8)
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
