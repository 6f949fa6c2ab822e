import Foundation
import Geo287Census
import Geo287Core
import Geo287Geometry
import Geo287Jurisdictions
import Geo287Sheets

/// Single lookups (`--point`, `--county`, `--place`) over one participating sheet and the
/// pending sheet listed next to it. It loads only what a lookup needs: the county layer, then
/// for the state in question its crosswalk rows, its place file and its agreements, matched
/// by the same `JurisdictionMatcher` as `geo287 match` (matching is per state, so the answer
/// is the same as matching the whole sheet).
public final class LookupSession {
    public let root: DataRoot
    public let counties: [County]
    private let sheets: Prefetch<Sheets>
    private var stateGazetteers: [String: Gazetteer] = [:]
    private var subdivisionLoads: [String: Prefetch<Bool>] = [:]
    private var national: Gazetteer?
    private var matchedByState: [String: [MatchedAgreement]] = [:]

    struct Sheets: Sendable {
        let participating: Sheet
        let pending: Sheet?
    }

    /// `sheetPath`: the participating sheet; `includePending`: also read the pending sheet
    /// current on its publication date (via `SheetCatalog`). The sheets are read on a
    /// background thread while the county layer loads.
    public init(root: DataRoot, sheetPath: String, includePending: Bool) throws {
        self.root = root
        sheets = Prefetch {
            let sheet = try SheetReader.read(path: sheetPath)
            return Sheets(participating: sheet, pending: try includePending ? Self.pendingSheet(root: root, for: sheet) : nil)
        }
        counties = try CensusLayers.counties(root)
        Trace.mark("counties")
    }

    public var sheet: Sheet { get throws { try sheets.value().participating } }
    public var pendingSheet: Sheet? { get throws { try sheets.value().pending } }

    /// The pending sheet ICE listed with the participating sheet (nil when there is none).
    public static func pendingSheet(root: DataRoot, for sheet: Sheet) throws -> Sheet? {
        try SheetCatalog(root: root).pendingSheet(for: sheet)
    }

    // MARK: Lookups

    public func lookup(point p: Coordinate) throws -> LookupResult {
        let root = self.root
        let locator = try SinglePointLocator(counties: counties) { try CensusLayers.places(root, stateFIPS: $0, boxContaining: $1) }
        guard let county = try locator.county(at: p) else {
            var notes: [String] = []
            if (-90...90).contains(p.x), try locator.county(at: Coordinate(p.y, p.x)) != nil {
                notes.append("\(LookupText.coordinate(Coordinate(p.y, p.x))) (latitude and longitude swapped) is in the US: the order is LAT,LON")
            }
            return try result(LookupLocation(query: .point(p), state: nil, counties: [], place: nil, notes: notes), entries: [])
        }
        Trace.mark("county located")
        _ = try gazetteer(state: county.stateFIPS)   // starts the subdivision prefetch
        let place = try locator.place(at: p, stateFIPS: county.stateFIPS)
        Trace.mark("place located")
        let complete = CensusLayers.placeSource(root, stateFIPS: county.stateFIPS)?.layer != .compact
        var location = LookupLocation(query: .point(p), state: USState.fips(county.stateFIPS), counties: [county], place: place,
                                      allCityBoundaries: complete)
        location.nearLines = nearLines(p, county: county, place: place)
        return try coverage(location)
    }

    public func lookup(county text: String) throws -> LookupResult {
        let names = LookupNames(gazetteer: countiesOnly())
        let county = try names.county(text)
        let location = LookupLocation(query: .county(text), state: USState.fips(county.stateFIPS), counties: [county], place: nil)
        return try coverage(location)
    }

    public func lookup(place text: String) throws -> LookupResult {
        let (_, state) = try LookupQuery.nameAndState(text)
        let g = try state.map { try gazetteer(state: $0.fips) } ?? nationalGazetteer()
        _ = try subdivisionLoads.values.map { try $0.value() }   // towns are read by the name lookup too
        let found = try LookupNames(gazetteer: g).placeOrTown(text)
        guard case let .place(hit) = found else {
            guard case let .town(town) = found, let county = counties.first(where: { $0.geoid == town.countyGEOID }) else {
                throw LookupError(.unknownName, "`\(text)`: its county is not in the county layer")
            }
            let name = LookupNames.townName(town)
            let note = "the maps used here have no boundary for \(name), so this answer is for all of \(PlainNames.county(county)), which it lies in; its own police department, if it has an agreement, is named."
            return try coverage(LookupLocation(query: .place(text), state: USState.fips(county.stateFIPS), counties: [county], place: nil,
                                               notes: [note], subdivision: name))
        }
        let fips = hit.place.stateFIPS
        let shares = try CountyJoin(gazetteer: try gazetteer(state: fips)).counties(ofPlace: hit.place.geoid)
        let spans = shares.compactMap { s in counties.first { $0.geoid == s.countyGEOID } }
        let location = LookupLocation(query: .place(text), state: USState.fips(fips), counties: spans, place: hit.place,
                                      notes: hit.note.map { [$0] } ?? [])
        return try coverage(location)
    }

    /// The county line (and the city line of the place the point is in) when close enough to matter.
    func nearLines(_ p: Coordinate, county: County, place: Place?) -> [NearLine] {
        var out: [NearLine] = []
        let d = EdgeDistance.metres(from: p, to: county.geometry)
        if d < NearLine.countyMetres {
            // The neighbour across the line: the nearest other county whose box is within reach.
            let reach = 0.05
            let across = counties.filter { c in
                guard c.geoid != county.geoid else { return false }
                let b = c.geometry.bounds
                return p.x >= b.minX - reach && p.x <= b.maxX + reach && p.y >= b.minY - reach && p.y <= b.maxY + reach
            }.map { ($0, EdgeDistance.metres(from: p, to: $0.geometry)) }.min { $0.1 < $1.1 }
            // A shore or the national border is no county line: only a county across within reach counts.
            if let (other, distance) = across, distance < NearLine.countyMetres {
                out.append(NearLine(kind: .county, metres: Self.rounded(d), inside: PlainNames.county(county), across: PlainNames.county(other)))
            }
        }
        // A city line matters where a city's own police stop: incorporated places only.
        if let place, place.isIncorporated {
            let e = EdgeDistance.metres(from: p, to: place.geometry)
            if e < NearLine.cityMetres { out.append(NearLine(kind: .city, metres: Self.rounded(e), inside: PlainNames.place(place), across: nil)) }
        }
        return out.sorted { $0.metres < $1.metres }
    }

    /// Metres rounded to 10 (a finite distance under a few kilometres).
    static func rounded(_ m: Double) -> Int { m.isFinite && m >= 0 && m < 1e7 ? Int((m / 10).rounded()) * 10 : 0 }

    // MARK: Coverage

    func coverage(_ location: LookupLocation) throws -> LookupResult {
        guard let state = location.state else { return try result(location, entries: []) }
        let matched = try agreements(state: state.fips)
        let entries = LookupCoverage().entries(for: location, agreements: matched)
        Trace.mark("coverage")
        let participating = matched.filter { $0.agreement.kind == .participating }
        return try result(location, entries: entries, stateCount: participating.count,
                      unplaced: participating.filter { $0.jurisdiction.geoid == nil }.count)
    }

    func result(_ location: LookupLocation, entries: [LookupEntry], stateCount: Int = 0, unplaced: Int = 0) throws -> LookupResult {
        let loaded = try sheets.value()
        return LookupResult(location: location, sheetPath: loaded.participating.path, sheetDate: loaded.participating.published,
                     pendingSheetPath: loaded.pending?.path, pendingSheetDate: loaded.pending?.published,
                     entries: entries, stateAgreementCount: stateCount, stateUnplacedCount: unplaced)
    }

    /// The participating (and pending) agreements of one state, matched to jurisdictions.
    public func agreements(state fips: String) throws -> [MatchedAgreement] {
        if let m = matchedByState[fips] { return m }
        let loaded = try sheets.value()
        let mine = (loaded.participating.agreements + (loaded.pending?.agreements ?? [])).filter { $0.state?.fips == fips }
        let g = try gazetteer(state: fips)
        // Never two loads of the subdivisions at once: wait for the prefetch before matching.
        _ = try (subdivisionLoads[fips] ?? subdivisionLoads["*"])?.value()
        Trace.mark("sheets and subdivisions ready")
        // The counties of each place (for county queries), by the join coverage uses.
        let m = try CountyJoin(gazetteer: g).join(try JurisdictionMatcher(gazetteer: g).match(mine), threads: 1, geometry: .whereNeeded)
        Trace.mark("matched \(fips)")
        matchedByState[fips] = m
        return m
    }

    // MARK: Gazetteers

    /// A gazetteer with one state's crosswalk rows (the matcher reads no other).
    func gazetteer(state fips: String) throws -> Gazetteer {
        if let n = national { return n }
        if let g = stateGazetteers[fips] { return g }
        let crosswalk = try PlaceCountyCrosswalk.load(root.path(CensusLayers.crosswalkPath), stateFIPS: fips)
        let g = Gazetteer(root: root, counties: counties, crosswalk: crosswalk, population: .empty())
        Trace.mark("crosswalk \(fips)")
        stateGazetteers[fips] = g
        // The matcher reads the county subdivisions for towns without a place polygon: start now.
        subdivisionLoads[fips] = Prefetch { _ = try g.subdivisions(); return true }
        return g
    }

    /// Every state's crosswalk rows: for a place named without its state.
    func nationalGazetteer() throws -> Gazetteer {
        if let n = national { return n }
        let crosswalk = try PlaceCountyCrosswalk.load(root.path(CensusLayers.crosswalkPath))
        let g = Gazetteer(root: root, counties: counties, crosswalk: crosswalk, population: .empty())
        national = g
        for load in subdivisionLoads.values { _ = try load.value() }   // a failed load is an error, not "no towns"
        subdivisionLoads = ["*": Prefetch { _ = try g.subdivisions(); return true }]
        return g
    }

    /// Counties only, for resolving county names.
    func countiesOnly() -> Gazetteer {
        national ?? Gazetteer(root: root, counties: counties, crosswalk: PlaceCountyCrosswalk(parts: []), population: .empty())
    }
}
