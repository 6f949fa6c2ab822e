import Geo287Census
import Geo287Core
import Geo287Geometry

/// One state's places with a polygon, ascending GEOID, and their `BandedPolygons` index (the
/// places keep their attributes, not their polygons): what `lookup --points` needs of a state.
/// Reading a state's place zip and building the index is most of the bulk lookup's start-up
/// (inflating the shapefile, assembling rings, banding edges: about 3 CPU-s for the 48 states),
/// so the built index is kept in the derived cache (`DerivedCache`, kind `bulk-places-SS`),
/// keyed by the state's place file; a later run reads it back in one copy per table.
public struct StatePlaces: Sendable {
    public let places: [Place]
    let index: BandedPolygons

    /// The places of `places` that have a polygon, indexed.
    public init(places: [Place]) throws {
        let withPolygons = places.filter { !$0.geometry.polygons.isEmpty }.sorted { $0.geoid < $1.geoid }
        index = try BandedPolygons(polygons: withPolygons.map(\.geometry))
        self.places = withPolygons.map { p in
            var bare = p
            bare.geometry = MultiPolygon([])
            return bare
        }
    }

    init(places: [Place], index: BandedPolygons) {
        self.places = places
        self.index = index
    }

    /// The places of state `stateFIPS` in `root` (the full layer if present, else the compact
    /// one), from `cache` when its entry for that file is valid, else read, indexed and stored.
    public static func load(_ root: DataRoot, stateFIPS: String, cache: DerivedCache) throws -> StatePlaces {
        guard let source = CensusLayers.placeSource(root, stateFIPS: stateFIPS) else {
            throw CensusLayers.missingPlaces(root, stateFIPS: stateFIPS)
        }
        return try cache.value(kind: "bulk-places-\(stateFIPS)", format: formatVersion, inputs: [root.path(source.path)],
                               encode: { $0.encode(to: &$1) }, decode: { try StatePlaces.decode(from: &$0) },
                               build: { try StatePlaces(places: CensusLayers.places(root, stateFIPS: stateFIPS)) })
    }

    /// Bumped when the entry's layout changes (the index has its own version inside).
    static let formatVersion = 1

    func encode(to w: inout BinaryWriter) {
        w.array(places) { w, p in
            w.string(p.geoid); w.string(p.stateFIPS); w.string(p.name); w.string(p.nameWithType); w.string(p.classCode)
            w.int(p.recordIndex)
            w.optional(p.source) { w, s in s.encode(to: &w) }
            w.optional(p.internalPoint) { w, c in w.double(c.x); w.double(c.y) }
        }
        index.encode(into: &w)
    }

    static func decode(from r: inout BinaryReader) throws -> StatePlaces {
        let places = try r.array { r in
            var p = Place(geoid: try r.string(), stateFIPS: try r.string(), name: try r.string(), nameWithType: try r.string(),
                          classCode: try r.string(), geometry: MultiPolygon([]), recordIndex: try r.int(),
                          source: try r.optional { try RecordSource.decode(from: &$0) })
            p.internalPoint = try r.optional { Coordinate(try $0.double(), try $0.double()) }
            return p
        }
        let index = try BandedPolygons(decoding: &r)
        guard index.polygonCount == places.count else {
            throw BinaryReader.Damaged("\(places.count) places but \(index.polygonCount) indexed polygons")
        }
        return StatePlaces(places: places, index: index)
    }
}
