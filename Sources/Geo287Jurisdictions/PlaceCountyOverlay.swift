import Foundation
import Geo287Census
import Geo287Core
import Geo287Geometry

/// The raw place × county overlay: for every place, each county its polygon overlaps with
/// positive area, and the share of the place's area (EPSG:5070) in that county, i.e. what
/// `gpd.overlay(places, counties, how="intersection")` gives as piece area / place area. No
/// sliver filter and no renormalization (`CountyJoin` drops slivers below 0.1% for matching):
/// a place that sticks out of the generalized county layer keeps shares summing below 1.
///
/// How it is fast: everything is projected once; counties sit in an STRtree; a county whose
/// prepared polygon contains the place answers it with share 1 without any overlay (about 80%
/// of places); only the rest go through GEOS intersections, with the counties their prepared
/// polygons say they intersect. (Clipping by rectangle first was tried and dropped: GEOS 3.11's
/// ClipByRect returned wrong pieces for some places, shares up to 6.)
public struct PlaceCountyOverlay: Sendable {
    public struct Piece: Sendable, Equatable {
        public let placeGEOID: String
        public let countyGEOID: String
        public let share: Double
    }

    public struct Shape: Sendable {
        public let geoid: String
        public let geometry: MultiPolygon
        public init(geoid: String, geometry: MultiPolygon) { self.geoid = geoid; self.geometry = geometry }
    }

    public struct Result: Sendable {
        public var pieces: [Piece] = []
        /// Places answered by a single prepared `contains`, and pairs that went through an intersection.
        public var containedWhole = 0
        public var intersected = 0
        /// Inputs GEOS found invalid and repaired with MakeValid (as geopandas' overlay does): counties
        /// are checked up front, places only when the overlay rejects them (a place answered by
        /// `contains` gets share 1 unchecked). Counted once per worker for counties.
        public var repaired = 0
        public init() {}
    }

    public let counties: [County]

    public init(counties: [County]) { self.counties = counties }

    /// Every place of every state's 2019 file with its polygon, in state then file order.
    public static func loadPlaces(_ root: DataRoot, threads: Int) throws -> [Shape] {
        let states = USState.all.map(\.fips).filter { CensusLayers.placeSource(root, stateFIPS: $0) != nil }.sorted()
        let perState = try parallelMap(states, threads: threads) { fips in
            try CensusLayers.places(root, stateFIPS: fips, geometry: .all).map { Shape(geoid: $0.geoid, geometry: $0.geometry) }
        }
        return Array(perState.joined())
    }

    /// The overlay of `places` on `threads` workers; pieces in place order, counties by GEOID.
    public func run(places: [Shape], threads: Int) throws -> Result {
        let chunkSize = 128
        let chunkCount = (places.count + chunkSize - 1) / chunkSize
        let workers = max(1, min(threads, chunkCount))
        let slots = ResultSlots<Swift.Result<Result, any Error>>(count: chunkCount)
        let counties = self.counties
        // Each worker owns its GEOS and PROJ contexts and its projected county copies; chunks are
        // dealt round-robin and each writes only its own slot.
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            let worker: OverlayPieces
            do { worker = try OverlayPieces(counties: counties) } catch {
                for c in stride(from: w, to: chunkCount, by: workers) { slots.set(c, .failure(error)) }
                return
            }
            for c in stride(from: w, to: chunkCount, by: workers) {
                let chunk = places[(c * chunkSize)..<min(places.count, (c + 1) * chunkSize)]
                slots.set(c, Swift.Result { try worker.overlay(chunk) })
            }
        }
        var total = Result()
        for c in 0..<chunkCount {
            guard let r = slots.get(c) else { throw DataError("overlay", "chunk \(c) produced no result") }
            let part = try r.get()
            total.pieces += part.pieces
            total.containedWhole += part.containedWhole
            total.intersected += part.intersected
            total.repaired += part.repaired
        }
        return total
    }
}

/// Per-thread state of the overlay: never shared between threads.
final class OverlayPieces {
    let context: GEOSContext
    let toAlbers: ProjTransformer
    let ids: [String]
    let tree: STRtree
    var prepared: [Int: PreparedGeometry] = [:]
    var repairedCounties = 0
    var repairedPlaces = 0

    init(counties: [County]) throws {
        let context = try GEOSContext(), toAlbers = try ProjTransformer(from: ProjTransformer.nad83, to: ProjTransformer.conusAlbers)
        self.context = context
        self.toAlbers = toAlbers
        ids = counties.map(\.geoid)
        var repaired = 0
        let geoms = try counties.map { c -> Geometry in
            var g = try context.geometry(try toAlbers.transform(c.geometry))
            if !g.isValid { g = try g.makeValid(); repaired += 1 }
            _ = try g.bounds()   // GEOS 3.11 computes envelopes lazily: force them here
            return g
        }
        repairedCounties = repaired
        tree = try STRtree(context: context, geometries: geoms)
    }

    func overlay(_ places: ArraySlice<PlaceCountyOverlay.Shape>) throws -> PlaceCountyOverlay.Result {
        var out = PlaceCountyOverlay.Result()
        for place in places where !place.geometry.polygons.isEmpty {
            let g = try context.geometry(try toAlbers.transform(place.geometry))
            let area = try g.area()
            guard area > 0 else { continue }
            let candidates = tree.query(g)
            var hits: [Int] = []
            var whole: Int?
            for c in candidates {
                let p = try preparedCounty(c)
                if try p.contains(g) { whole = c; break }
                if try p.intersects(g) { hits.append(c) }
            }
            if let whole {
                out.containedWhole += 1
                out.pieces.append(.init(placeGEOID: place.geoid, countyGEOID: ids[whole], share: 1))
                continue
            }
            var pieces: [PlaceCountyOverlay.Piece] = []
            for c in hits {
                out.intersected += 1
                let a = try intersectionArea(g, county: tree.geometries[c])
                if a > 0 { pieces.append(.init(placeGEOID: place.geoid, countyGEOID: ids[c], share: a / area)) }
            }
            out.pieces += pieces.sorted { $0.countyGEOID < $1.countyGEOID }
        }
        out.repaired = repairedPlaces + repairedCounties
        repairedPlaces = 0
        repairedCounties = 0
        return out
    }

    /// Area of place ∩ county (0 for a mere touch).
    private func intersectionArea(_ place: Geometry, county: Geometry) throws -> Double {
        if let a = try? place.intersection(county).area() { return a }
        // GEOS rejects an invalid place: repair it as geopandas' overlay does (make_valid=True).
        repairedPlaces += 1
        return try place.makeValid().intersection(county).area()
    }

    private func preparedCounty(_ c: Int) throws -> PreparedGeometry {
        if let p = prepared[c] { return p }
        let p = try tree.geometries[c].prepared()
        prepared[c] = p
        return p
    }
}
