import Foundation
import Geo287Core
import Geo287Geometry

/// Subsets of the national tables for `geo287 lookup`, which reads only what one location needs
/// (the one-state crosswalk is `PlaceCountyCrosswalk.load(_:stateFIPS:)`).
extension PopulationTable {
    /// A table without rows, for work that needs no population (a single lookup).
    public static func empty(vintage: String = "none") -> PopulationTable {
        PopulationTable(vintage: vintage, counties: [:], states: [:])
    }
}

extension CensusLayers {
    /// The places of one state with polygons read only for those whose bounding box contains
    /// `point`; the others keep an empty geometry. For a single point lookup this reads a few
    /// polygons instead of a whole state's (Texas: ~1,900).
    public static func places(_ root: DataRoot, stateFIPS: String, boxContaining point: Coordinate) throws -> [Place] {
        try places(root, stateFIPS: stateFIPS, geometry: .boxes { $0.contains(point) })
    }
}
