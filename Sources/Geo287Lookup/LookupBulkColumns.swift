import Geo287Census
import Geo287Core
import Geo287Jurisdictions

/// The appended columns of `lookup --points`, made once per distinct location (county and
/// place) the first time a row falls there, and numbered: a row's output is its input bytes,
/// the column set of its number and its check. Number 0 is a row in no county. Used by the
/// pipeline's calling thread only.
final class LookupBulkColumns {
    let bulk: LookupBulk
    let locator: BulkCountyPlaceLocator
    let matching: Prefetch<[MatchedAgreement]>
    private var byState: [String: LookupBulkAgreements]?
    /// The column sets, one after another: set k is `bytes[starts[k]..<starts[k + 1]]`.
    private(set) var bytes: [UInt8]
    private(set) var starts: [Int]
    /// Per county (locator order): where its block of numbers starts in `numbers` (-1: no row
    /// met there yet) and its size. A block holds, per place index + 1 (0: no place), the number
    /// of that location's column set, or -1.
    private var blockStart: [Int]
    private var blockSize: [Int]
    private var numbers: [Int32] = []

    init(bulk: LookupBulk, locator: BulkCountyPlaceLocator, matching: Prefetch<[MatchedAgreement]>) {
        self.bulk = bulk
        self.locator = locator
        self.matching = matching
        bytes = bulk.columns(county: nil, place: nil, agreements: [])
        starts = [0, bytes.count]
        blockStart = [Int](repeating: -1, count: locator.counties.count)
        blockSize = [Int](repeating: 0, count: locator.counties.count)
    }

    /// The number of the column set of each row located in county `countyOf[i]` (≥ 0) and
    /// place `placeOf[i]` of its state (-1: none), into `columns[i]` (rows in no county are
    /// left as they are). Known locations are looked up in one flat table (no retain per row);
    /// the chunk's new ones get their column sets first, made on the worker threads and
    /// numbered in the order the chunk meets them.
    func ids(countyOf: [Int32], placeOf: [Int32], into columns: inout [Int32]) throws {
        try addNew(countyOf: countyOf, placeOf: placeOf)
        numbers.withUnsafeBufferPointer { numbers in
            blockStart.withUnsafeBufferPointer { start in
                for i in countyOf.indices where countyOf[i] >= 0 {
                    columns[i] = numbers[start[Int(countyOf[i])] + Int(placeOf[i]) + 1]
                }
            }
        }
    }

    /// Makes the column sets of the locations of the chunk not yet numbered, and numbers them.
    /// The tables are walked as local arrays (no exclusivity check per row on the class's
    /// properties), moved out so that they stay uniquely referenced, and put back.
    private func addNew(countyOf: [Int32], placeOf: [Int32]) throws {
        var blockStart = self.blockStart, blockSize = self.blockSize, numbers = self.numbers
        (self.blockStart, self.blockSize, self.numbers) = ([], [], [])
        defer { (self.blockStart, self.blockSize, self.numbers) = (blockStart, blockSize, numbers) }
        var new: [(county: Int, place: Int32)] = []
        for i in countyOf.indices where countyOf[i] >= 0 {
            let c = Int(countyOf[i]), slot = Int(placeOf[i]) + 1
            if blockStart[c] < 0 {
                let places = locator.states[locator.countyState[c]]?.places.count ?? 0
                blockStart[c] = numbers.count
                blockSize[c] = places + 1
                numbers += repeatElement(-1, count: places + 1)
            }
            guard slot >= 0, slot < blockSize[c] else {
                throw DataError("lookup --points", "place index \(placeOf[i]) is outside the places of county \(locator.counties[c].geoid)'s state")
            }
            let at = blockStart[c] + slot
            if numbers[at] != -1 { continue }
            numbers[at] = -2   // met in this chunk: numbered below
            new.append((c, placeOf[i]))
        }
        guard !new.isEmpty else { return }
        let states = try agreementsByState()
        let locations = new.map { n -> LocationColumns in
            let county = locator.counties[n.county], place = locator.place(county: n.county, index: n.place)
            let agreements = states[county.stateFIPS]?.candidates(county: county.geoid, place: place?.geoid) ?? []
            return LocationColumns(county: county, place: place, agreements: agreements)
        }
        let bulk = self.bulk
        let sets = try Parallel.map(locations, threads: bulk.threads) { bulk.columns(county: $0.county, place: $0.place, agreements: $0.agreements) }
        for (n, set) in zip(new, sets) {
            numbers[blockStart[n.county] + Int(n.place) + 1] = Int32(clamping: starts.count - 1)
            bytes += set
            starts.append(bytes.count)
        }
    }

    /// The matched agreements by state, grouped the first time a row is located.
    private func agreementsByState() throws -> [String: LookupBulkAgreements] {
        if let byState { return byState }
        let states = Dictionary(grouping: try matching.value()) { $0.agreement.state?.fips ?? "" }
            .mapValues { LookupBulkAgreements($0, stateFIPS: $0.first?.agreement.state?.fips ?? "") }
        byState = states
        Trace.mark("matching ready")
        return states
    }
}

/// What a location's column set is made of.
private struct LocationColumns: Sendable {
    let county: County
    let place: Place?
    let agreements: [MatchedAgreement]
}

/// One state's matched agreements, indexed by what can concern a point. For a point,
/// `LookupCoverage.entries` keeps only agreements whose jurisdiction is the state itself, lists
/// the point's county among its counties, or is (or reaches) the point's place; the candidates
/// are those, in their order, so the entries are the same as from all the state's agreements,
/// without walking every agreement of the state for each of the run's distinct locations.
struct LookupBulkAgreements {
    let all: [MatchedAgreement]
    private var statewide: [Int] = []
    private var byCounty: [String: [Int]] = [:]
    private var byPlace: [String: [Int]] = [:]

    init(_ agreements: [MatchedAgreement], stateFIPS: String) {
        all = agreements
        for (i, m) in agreements.enumerated() {
            let j = m.jurisdiction
            guard let g = j.geoid else { continue }
            if g == stateFIPS { statewide.append(i) }
            for c in j.countyGEOIDs { byCounty[c, default: []].append(i) }
            byPlace[g, default: []].append(i)
            if case .place(let p) = j.reach, p != g { byPlace[p, default: []].append(i) }
        }
    }

    func candidates(county: String, place: String?) -> [MatchedAgreement] {
        let indices = statewide + (byCounty[county] ?? []) + (place.flatMap { byPlace[$0] } ?? [])
        return Set(indices).sorted().map { all[$0] }
    }
}
