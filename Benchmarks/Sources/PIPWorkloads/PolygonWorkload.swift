import Foundation
import Geo287Census
import Geo287Core
import Geo287Jurisdictions

/// The polygon workload: the ~29.8k 2019 places of every state overlaid on the 3,235 counties,
/// share of each place's area (EPSG:5070) per county, every pair with positive area.
public enum PolygonWorkload {
    public static var root: DataRoot { DataRoot(url: URL(fileURLWithPath: Workloads.dataRoot), source: .environment) }

    /// Counties and all place polygons, read once.
    public static func inputs(threads: Int) throws -> (counties: [County], places: [PlaceCountyOverlay.Shape]) {
        let counties = try CensusLayers.counties(root)
        let places = try PlaceCountyOverlay.loadPlaces(root, threads: threads)
        return (counties, places)
    }

    /// `place<TAB>county<TAB>share` lines (shares with 17 significant digits), in the overlay's order.
    public static func write(_ pieces: [PlaceCountyOverlay.Piece], to path: String) throws {
        var text = "place\tcounty\tshare\n"
        text.reserveCapacity(pieces.count * 40)
        for p in pieces { text += "\(p.placeGEOID)\t\(p.countyGEOID)\t\(String(format: "%.17g", p.share))\n" }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }
}
