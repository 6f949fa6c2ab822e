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
    private var byState: [String: [MatchedAgreement]]?
    /// The column sets, one after another: set k is `bytes[starts[k]..<starts[k + 1]]`.
    private(set) var bytes: [UInt8]
    private(set) var starts: [Int]
    /// Per county (locator order), per place index + 1 (0: no place): the number, or -1.
    private var numbers: [[Int32]]

    init(bulk: LookupBulk, locator: BulkCountyPlaceLocator, matching: Prefetch<[MatchedAgreement]>) {
        self.bulk = bulk
        self.locator = locator
        self.matching = matching
        bytes = bulk.columns(county: nil, place: nil, agreements: [:])
        starts = [0, bytes.count]
        numbers = [[Int32]](repeating: [], count: locator.counties.count)
    }

    /// The number of the column set of a row in county `c` and place `p` of its state (-1: none).
    func id(county c: Int, place p: Int32) throws -> Int32 {
        let slot = Int(p) + 1
        if slot < numbers[c].count, numbers[c][slot] >= 0 { return numbers[c][slot] }
        if numbers[c].count <= slot {
            let places = locator.states[locator.countyState[c]]?.places.count ?? 0
            numbers[c] += [Int32](repeating: -1, count: max(places + 1, slot + 1) - numbers[c].count)
        }
        let agreements: [String: [MatchedAgreement]]
        if let byState { agreements = byState } else {
            agreements = Dictionary(grouping: try matching.value()) { $0.agreement.state?.fips ?? "" }
            byState = agreements
            Trace.mark("matching ready")
        }
        let number = Int32(clamping: starts.count - 1)
        bytes += bulk.columns(county: locator.counties[c], place: locator.place(county: c, index: p), agreements: agreements)
        starts.append(bytes.count)
        numbers[c][slot] = number
        return number
    }
}
