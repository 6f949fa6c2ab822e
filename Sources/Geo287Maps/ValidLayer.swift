import Geo287Core
import Geo287Geometry

/// Polygons that share borders (counties), simplified along shared arcs and put on the output
/// grid with every feature valid. Douglas–Peucker on arcs keeps neighbours identical but can
/// make a ring cross itself or another ring of the same county (Arapahoe, Denver, Broomfield,
/// Weld, Tensas, Yamhill...), and so can rounding. Each feature is checked with GEOS `isValid`
/// on the grid; the arcs of an invalid one are simplified again with a quarter of the
/// tolerance (its neighbours, which share those arcs, are checked again too), down to the full
/// arcs. A feature still invalid on the grid with its full arcs is repaired (GEOS `makeValid`,
/// then checked again; it then keeps arcs of its own) or, failing that, refused with an error:
/// an invalid polygon is never written.
public struct ValidLayer {
    public let grid: CoordinateGrid
    /// Arcs on the grid, node to node, each stored once for the features that share it.
    public let arcs: [[GridPoint]]
    /// Per feature, per polygon, per ring (exterior first, counter-clockwise): arc references,
    /// `~i` for arc i reversed. Collapsed rings are left out.
    public let features: [[[[Int]]]]
    /// Per feature, its shape on the grid (what the references spell out).
    public let shapes: [[[[GridPoint]]]]
    /// Features whose arcs needed a finer tolerance, and features repaired by GEOS.
    public let refined: Int, repaired: Int

    /// `names` name the features in errors (e.g. "08005 Arapahoe County, CO").
    public init(_ input: [MultiPolygon], zones: [MapZone], names: [String], toleranceMetres: Double, precision: Int) throws {
        let grid = CoordinateGrid(precision: precision)
        let topology = Topology(input)
        let metres = toleranceMetres > 0
            ? try ZoneProjector.project(arcs: topology.arcs, zones: ZoneProjector.arcZones(topology, featureZones: zones)) : []
        var tolerance = [Double](repeating: max(0, toleranceMetres), count: topology.arcs.count)
        // An open arc may straighten to one segment only where every ring using it has three
        // or more arcs (three nodes keep it open); a collapse is caught below anyway.
        var straightens = [Bool](repeating: true, count: topology.arcs.count)
        for refs in topology.features.joined().joined() where refs.count < 3 {
            for ref in refs { straightens[ref >= 0 ? ref : ~ref] = false }
        }
        func gridArc(_ i: Int) throws -> [GridPoint] {
            let keep = tolerance[i] > 0 ? Simplifier.keep(metres[i], tolerance: tolerance[i], forceInterior: !straightens[i])
                : Array(topology.arcs[i].indices)
            return try grid.line(keep.map { topology.arcs[i][$0] })
        }
        var arcs = try topology.arcs.indices.map(gridArc)
        var features = [[[[Int]]]](repeating: [], count: input.count)
        var shapes = [[[[GridPoint]]]](repeating: [], count: input.count)
        let geos = try GEOSContext()
        var pending = Array(input.indices), refinedSet = Set<Int>()
        for round in 0..<6 {
            var invalid: [Int] = []
            for f in pending {
                let collapsed: Bool
                (features[f], shapes[f], collapsed) = ValidLayer.build(topology.features[f], arcs: arcs)
                if try collapsed || !ValidLayer.isValid(shapes[f], grid: grid, geos: geos) { invalid.append(f) }
            }
            guard !invalid.isEmpty else { break }
            var changed = Set<Int>()
            for f in invalid {
                for ref in topology.features[f].joined().joined() {
                    let a = ref >= 0 ? ref : ~ref
                    guard tolerance[a] > 0 else { continue }
                    tolerance[a] = round < 4 ? tolerance[a] / 4 : 0
                    changed.insert(a)
                }
            }
            guard !changed.isEmpty else { break }
            refinedSet.formUnion(invalid)
            for a in changed.sorted() { arcs[a] = try gridArc(a) }
            pending = Array(Set(changed.flatMap { topology.arcUses[$0] })).sorted()
        }
        // Whatever is still invalid is invalid on the grid with its full arcs: repair or refuse.
        var repaired = 0
        for f in input.indices {
            guard try !ValidLayer.isValid(shapes[f], grid: grid, geos: geos) else { continue }
            let fixed = try ValidLayer.repair(input[f], grid: grid, name: names[f], geos: geos)
            shapes[f] = fixed
            features[f] = TopoJSONWriter.ownArcs(fixed, into: &arcs)
            repaired += 1
        }
        self.grid = grid
        self.arcs = arcs
        self.features = features
        self.shapes = shapes
        self.refined = refinedSet.count
        self.repaired = repaired
    }

    /// A feature's rings from the grid arcs: joined, without repeats, exteriors turned
    /// counter-clockwise and holes clockwise (the references turned with them), collapsed
    /// rings and polygons dropped (and said: a finer tolerance may keep them).
    static func build(_ polygons: [[[Int]]], arcs: [[GridPoint]]) -> ([[[Int]]], [[[GridPoint]]], collapsed: Bool) {
        var refsOut: [[[Int]]] = [], shape: [[[GridPoint]]] = [], collapsed = false
        for polygon in polygons {
            var ringRefs: [[Int]] = [], rings: [[GridPoint]] = []
            for (k, refs) in polygon.enumerated() {
                var pts: [GridPoint] = []
                for ref in refs {
                    for p in Topology.points(ref, in: arcs) where pts.last != p { pts.append(p) }
                }
                if pts.count > 1, pts.first == pts.last { pts.removeLast() }
                let area = GridPoint.twiceArea(pts)
                guard pts.count >= 3, area != 0 else {
                    collapsed = true
                    if k == 0 { break } else { continue }
                }
                let turn = (area > 0) != (k == 0)
                if turn { pts.reverse() }
                pts.append(pts[0])
                rings.append(pts)
                ringRefs.append(turn ? refs.reversed().map { ~$0 } : refs)
            }
            guard !rings.isEmpty else { continue }
            refsOut.append(ringRefs)
            shape.append(rings)
        }
        return (refsOut, shape, collapsed)
    }

    static func isValid(_ shape: [[[GridPoint]]], grid: CoordinateGrid, geos: GEOSContext) throws -> Bool {
        guard !shape.isEmpty else { return true }
        return try geos.geometry(grid.multiPolygon(shape)).isValid
    }

    /// One shape on its own (an agreement's territory: places and state unions overlap other
    /// features anyway), on the grid and valid: as given, else `fallback` (the unsimplified
    /// shape), else repaired by GEOS; an error naming it when none of them is valid.
    public static func single(_ shape: MultiPolygon, fallback: () throws -> MultiPolygon, grid: CoordinateGrid, name: String,
                              geos: GEOSContext) throws -> [[[GridPoint]]] {
        let first = try grid.shape(shape)
        if try isValid(first, grid: grid, geos: geos) { return first }
        let original = try fallback()
        let full = try grid.shape(original)
        if try isValid(full, grid: grid, geos: geos) { return full }
        return try repair(original, grid: grid, name: name, geos: geos)
    }

    /// The unsimplified shape made valid (GEOS `makeValid`), snap-rounded onto the grid (GEOS
    /// `setPrecision`, whose rings may still touch themselves at a vertex) and made valid again
    /// (splitting such rings adds no new points), checked once more; an error naming the shape
    /// when it still is not valid.
    static func repair(_ original: MultiPolygon, grid: CoordinateGrid, name: String, geos: GEOSContext) throws -> [[[GridPoint]]] {
        let snapped = try geos.geometry(original).makeValid().snapped(toGrid: 1 / grid.factor).makeValid()
        let fixed = try grid.shape(try snapped.multiPolygon())
        guard try isValid(fixed, grid: grid, geos: geos) else {
            let reason = (try? geos.geometry(grid.multiPolygon(fixed)).validityReason) ?? "invalid"
            throw DataError(name, "polygon is still invalid at \(grid.precision) decimals after repair (\(reason)); not written: give --precision more decimals")
        }
        return fixed
    }
}
