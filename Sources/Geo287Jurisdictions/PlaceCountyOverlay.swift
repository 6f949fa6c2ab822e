import Foundation
import Geo287Census
import Geo287Core
import Geo287Geometry

/// The place × county overlay, the one implementation behind `CountyJoin` (matching) and the
/// polygon benchmark: for every place, each county its polygon overlaps with positive area, and
/// the share of the place's area (EPSG:5070) in that county, i.e. what
/// `gpd.overlay(places, counties, how="intersection")` gives as piece area / place area. Raw
/// shares: no sliver filter, no renormalization (`CountyJoin` does those), so a place that sticks
/// out of the generalized county layer keeps shares summing below 1.
///
/// How it is fast: counties sit in an STRtree of their bounding boxes (padded by `boxPadding`
/// so projection cannot hide a candidate) and are projected and prepared only when a place
/// needs them; a county whose prepared polygon contains the place answers it with share 1
/// without any overlay (about 80% of places); only the rest go through GEOS intersections.
/// (Clipping by rectangle first was tried and dropped: GEOS 3.11's ClipByRect returned wrong
/// pieces for some places, shares up to 6.)
public struct PlaceCountyOverlay: Sendable {
    public struct Piece: Sendable, Equatable {
        public let placeGEOID: String
        public let countyGEOID: String
        public let share: Double
    }

    public struct Shape: Sendable {
        public let geoid: String
        public let geometry: MultiPolygon
        /// The file and record of the polygon, named by a GEOS or PROJ failure on it.
        public let source: RecordSource?
        public init(geoid: String, geometry: MultiPolygon, source: RecordSource? = nil) {
            self.geoid = geoid; self.geometry = geometry; self.source = source
        }
    }

    public struct Result: Sendable {
        public var pieces: [Piece] = []
        /// Places answered by a single prepared `contains`, and pairs that went through an intersection.
        public var containedWhole = 0
        public var intersected = 0
        /// Inputs GEOS found invalid and repaired with MakeValid (as geopandas' overlay does): a
        /// county when first projected (once per worker), a place when the intersection rejects it.
        public var repaired = 0
        public init() {}

        mutating func add(_ other: Result) {
            pieces += other.pieces
            containedWhole += other.containedWhole
            intersected += other.intersected
            repaired += other.repaired
        }
    }

    /// Degrees added around each county's box when looking for candidates (about 100 m).
    static let boxPadding = 0.001

    public let counties: [County]
    /// Only counties of the place's own state (the first two digits of both GEOIDs): across a
    /// state line the two layers' generalizations overlap by slivers, never by a real part.
    public let sameStateOnly: Bool

    public init(counties: [County], sameStateOnly: Bool = false) {
        self.counties = counties
        self.sameStateOnly = sameStateOnly
    }

    /// The overlay of `places` on `threads` workers; pieces in place order, counties by GEOID.
    public func run(places: [Shape], threads: Int, chunkSize: Int = 128) throws -> Result {
        let size = max(1, chunkSize)
        let chunkCount = (places.count + size - 1) / size
        let parts = DisjointBuffer<Result?>(count: chunkCount, initial: nil)
        let counties = self.counties, sameStateOnly = self.sameStateOnly
        try Parallel.forEachChunk(count: places.count, chunkSize: size, threads: threads, makeWorker: {
            try OverlayWorker(counties: counties, sameStateOnly: sameStateOnly)
        }) { worker, range in
            parts[range.lowerBound / size] = try worker.overlay(places[range])
        }
        var total = Result()
        for part in parts.values {
            guard let part else { throw DataError("place × county overlay", "a chunk produced no result") }
            total.add(part)
        }
        return total
    }
}

/// Per-thread state of the overlay: never shared between threads.
final class OverlayWorker {
    let context: GEOSContext
    let toAlbers: ProjTransformer
    let ids: [String]
    let boxes: STRtree
    let sameStateOnly: Bool
    private let projected: PreparedPolygons
    /// Repairs since the last chunk was reported (the county closure counts into it too).
    private final class Tally { var repaired = 0 }
    private let tally = Tally()

    init(counties: [County], sameStateOnly: Bool) throws {
        let context = try GEOSContext()
        let toAlbers = try ProjTransformer(from: ProjTransformer.nad83, to: ProjTransformer.conusAlbers)
        self.context = context
        self.toAlbers = toAlbers
        self.sameStateOnly = sameStateOnly
        ids = counties.map(\.geoid)
        let pad = PlaceCountyOverlay.boxPadding
        boxes = try STRtree(context: context, geometries: counties.map { c in
            let b = c.geometry.bounds
            let g = try context.rectangle(BoundingBox(minX: b.minX - pad, minY: b.minY - pad, maxX: b.maxX + pad, maxY: b.maxY + pad))
            _ = try g.bounds()   // GEOS 3.11 computes envelopes lazily: force them here
            return g
        })
        let tally = self.tally
        projected = PreparedPolygons(context: context, count: counties.count) { i in
            var g = try context.geometry(try toAlbers.transform(counties[i].geometry))
            if try !g.isValid { g = try g.makeValid(); tally.repaired += 1 }
            return g
        }
        projected.sources = counties.map(\.source)
    }

    func overlay(_ places: ArraySlice<PlaceCountyOverlay.Shape>) throws -> PlaceCountyOverlay.Result {
        var out = PlaceCountyOverlay.Result()
        for place in places where !place.geometry.polygons.isEmpty {
            try GeometryError.attributed(to: place.source) { try overlay(place, into: &out) }
        }
        out.repaired += tally.repaired
        tally.repaired = 0
        return out
    }

    /// One place's pieces, added to `out`.
    private func overlay(_ place: PlaceCountyOverlay.Shape, into out: inout PlaceCountyOverlay.Result) throws {
        var candidates = try boxes.query(context.rectangle(place.geometry.bounds))
        if sameStateOnly { candidates = candidates.filter { ids[$0].prefix(2) == place.geoid.prefix(2) } }
        guard !candidates.isEmpty else { return }
        let g = try context.geometry(try toAlbers.transform(place.geometry))
        let one: (whole: Bool, intersected: Int, pieces: [PlaceCountyOverlay.Piece])
        do {
            one = try overlay(place.geoid, g, candidates: candidates)
        } catch GeometryError.geos {
            // GEOS rejects an invalid place: repair it as geopandas' overlay does
            // (make_valid=True); predicates, pieces and the whole are measured on the repair.
            tally.repaired += 1
            one = try overlay(place.geoid, try g.makeValid(), candidates: candidates)
        }
        if one.whole { out.containedWhole += 1 }
        out.intersected += one.intersected
        out.pieces += one.pieces
    }

    /// One place (projected): the county that contains it whole (share 1), or its share in each
    /// county it intersects with positive area, by county GEOID.
    private func overlay(_ geoid: String, _ g: Geometry, candidates: [Int])
        throws -> (whole: Bool, intersected: Int, pieces: [PlaceCountyOverlay.Piece]) {
        let area = try g.area()
        guard area > 0 else { return (false, 0, []) }
        var hits: [Int] = []
        for c in candidates {
            let p = try projected.prepared(c)
            if try p.contains(g) { return (true, 0, [.init(placeGEOID: geoid, countyGEOID: ids[c], share: 1)]) }
            if try p.intersects(g) { hits.append(c) }
        }
        let pieces = try hits.compactMap { c -> PlaceCountyOverlay.Piece? in
            let a = try g.intersection(projected.geometry(c)).area()
            return a > 0 ? .init(placeGEOID: geoid, countyGEOID: ids[c], share: a / area) : nil
        }
        return (false, hits.count, pieces.sorted { $0.countyGEOID < $1.countyGEOID })
    }
}
