import Foundation
import Geo287Census
import Geo287Core
import Geo287Jurisdictions

/// The polygon workload: the ~29.8k 2019 places of every state overlaid on the 3,235 counties,
/// share of each place's area (EPSG:5070) per county, every pair with positive area.
public enum PolygonWorkload {
    public static var root: DataRoot { DataRoot(url: URL(fileURLWithPath: Workloads.dataRoot), source: .environment) }

    /// Counties and every place of every state's 2019 file with its polygon (state, then file order).
    public static func inputs(threads: Int) throws -> (counties: [County], places: [PlaceCountyOverlay.Shape]) {
        let root = self.root
        let counties = try CensusLayers.counties(root)
        let states = USState.all.map(\.fips).filter { CensusLayers.placeSource(root, stateFIPS: $0) != nil }.sorted()
        let perState = try Parallel.map(states, threads: threads) { fips in
            try CensusLayers.places(root, stateFIPS: fips, geometry: .all).map { PlaceCountyOverlay.Shape(geoid: $0.geoid, geometry: $0.geometry) }
        }
        return (counties, Array(perState.joined()))
    }

    /// `place<TAB>county<TAB>share` lines (shares with 17 significant digits), in the overlay's order.
    public static func write(_ pieces: [PlaceCountyOverlay.Piece], to path: String) throws {
        var text = "place\tcounty\tshare\n"
        text.reserveCapacity(pieces.count * 40)
        for p in pieces { text += "\(p.placeGEOID)\t\(p.countyGEOID)\t\(String(format: "%.17g", p.share))\n" }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }
}
