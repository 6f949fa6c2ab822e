/// The flat, immutable tables behind `PointIndex` (built by `PointIndexBuilder`).
///
/// Two grid levels. The top grid covers the bounding box of all polygons. A top cell that no
/// polygon edge touches answers with one code; a top cell that edges touch holds a k×k subgrid.
/// A cell code is a polygon index (≥ 0), −1 for "no polygon", or −2 − m for mixed cell m (or, in
/// the top grid, subgrid m). A mixed cell keeps the edges that touch it and a reference point
/// whose containing polygons are known exactly; a query point is answered from the reference
/// point's answer and the parity of crossings of the segment query→reference with those edges.
struct PointIndexTables: Sendable {
    var minX = 0.0, minY = 0.0, maxX = 0.0, maxY = 0.0
    var nx = 1, ny = 1
    var invCellW = 1.0, invCellH = 1.0
    var topCodes: [Int32] = []
    var subgrids: [PointIndexSubgrid] = []
    var fineCodes: [Int32] = []
    var mixed: [PointIndexMixedCell] = []
    var edges: [PointIndexCellEdge] = []
    /// Candidate polygons of the mixed cells (ascending per cell).
    var polys: [Int32] = []
}

struct PointIndexSubgrid: Sendable {
    var x0: Double, y0: Double, invW: Double, invH: Double
    var k: Int32
    var base: Int32
}

struct PointIndexMixedCell: Sendable {
    var refX: Double, refY: Double
    /// Bit s set: the reference point is inside candidate polygon s (when polyCount ≤ 64).
    var insideMask: UInt64
    var edgeStart: Int32, edgeCount: Int32
    var polyStart: Int32, polyCount: Int32
    /// For cells with more than 64 candidates: the candidates containing the reference point.
    var insideStart: Int32, insideCount: Int32
}

struct PointIndexCellEdge: Sendable {
    var ax: Double, ay: Double, bx: Double, by: Double
    /// Index of the edge's polygon among the cell's candidates.
    var slot: Int32
    /// orientSign(a, b, reference) > 0, precomputed (the reference never lies on the edge).
    var refLeft: Bool
}

/// Read-only views of the tables for the hot loop (no retain/release or bounds checks per
/// access). Valid only inside `PointIndexTables.withView`. `@unchecked Sendable` is safe: the
/// pointers address immutable arrays that `withView` keeps alive for the whole call, and the
/// view only ever reads through them.
struct PointIndexView: @unchecked Sendable {
    let t: PointIndexTables
    let topCodes: UnsafeBufferPointer<Int32>
    let subgrids: UnsafeBufferPointer<PointIndexSubgrid>
    let fineCodes: UnsafeBufferPointer<Int32>
    let mixed: UnsafeBufferPointer<PointIndexMixedCell>
    let edges: UnsafeBufferPointer<PointIndexCellEdge>
    let polys: UnsafeBufferPointer<Int32>
}

extension PointIndexTables {
    func withView<R>(_ body: (PointIndexView) throws -> R) rethrows -> R {
        try topCodes.withUnsafeBufferPointer { top in
            try subgrids.withUnsafeBufferPointer { sub in
                try fineCodes.withUnsafeBufferPointer { fine in
                    try mixed.withUnsafeBufferPointer { mix in
                        try edges.withUnsafeBufferPointer { edg in
                            try polys.withUnsafeBufferPointer { pol in
                                try body(PointIndexView(t: self, topCodes: top, subgrids: sub, fineCodes: fine,
                                                        mixed: mix, edges: edg, polys: pol))
                            }
                        }
                    }
                }
            }
        }
    }
}
