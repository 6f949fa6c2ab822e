import CGEOS

/// A GEOS STRtree over geometries identified by their index in `geometries`.
/// The tree does not own the geometries; this wrapper keeps them alive. It is built on
/// its first query (GEOS 3.11 has no explicit build) and belongs to one thread.
public final class STRtree {
    public let context: GEOSContext
    public let geometries: [Geometry]
    private let handle: OpaquePointer

    public init(context: GEOSContext, geometries: [Geometry], nodeCapacity: Int = 10) throws {
        guard geometries.allSatisfy({ $0.context === context }) else { throw GeometryError.contextMismatch("STRtree insert") }
        guard let h = GEOSSTRtree_create_r(context.handle, nodeCapacity) else { throw context.failure("STRtree") }
        self.context = context
        self.geometries = geometries
        self.handle = h
        for (i, g) in geometries.enumerated() {
            // Item 0 would be NULL: store index + 1.
            GEOSSTRtree_insert_r(context.handle, h, g.handle, UnsafeMutableRawPointer(bitPattern: i + 1))
        }
    }

    deinit { GEOSSTRtree_destroy_r(context.handle, handle) }

    /// Indices of the geometries whose envelopes intersect `geometry`'s envelope, ascending.
    public func query(_ geometry: Geometry) throws -> [Int] {
        guard geometry.context === context else { throw GeometryError.contextMismatch("STRtree query") }
        final class Hits { var items: [Int] = [] }
        let hits = Hits()
        _ = context.takeError()
        withExtendedLifetime(hits) {
            GEOSSTRtree_query_r(context.handle, handle, geometry.handle, { item, userdata in
                guard let userdata else { return }
                let hits = Unmanaged<Hits>.fromOpaque(userdata).takeUnretainedValue()
                hits.items.append(Int(bitPattern: item) - 1)
            }, Unmanaged.passUnretained(hits).toOpaque())
        }
        // The query returns nothing to check: an exception shows only as a message. Never
        // hand back a partial candidate list as if it were complete.
        let error = context.takeError()
        if !error.isEmpty { throw GeometryError.geos(operation: "STRtree query", message: error) }
        guard hits.items.allSatisfy({ $0 >= 0 && $0 < geometries.count }) else {
            throw GeometryError.geos(operation: "STRtree query", message: "an item outside the tree")
        }
        return hits.items.sorted()
    }

    /// Indices whose envelopes intersect a box.
    public func query(_ box: BoundingBox) throws -> [Int] {
        try query(context.rectangle(box))
    }
}
