import Foundation
import Geo287Census
import Geo287Core

/// TIGER/Line 2019 place polygons, one zip per state, kept as zips in `census/places/tiger2019/`.
public enum PlaceDownloads {
    public static let datasetID = "places"

    /// AL CA FL GA IL NC TN TX: the reference copy is a rebuilt zip whose SHA-256 is not the
    /// official file's, so a download of these is checked for a readable shapefile instead.
    public static let unpinnedFIPS: Set<String> = ["01", "06", "12", "13", "17", "37", "47", "48"]

    public static func url(fips: String) -> URL? {
        URL(string: "https://www2.census.gov/geo/tiger/TIGER2019/PLACE/tl_2019_\(fips)_place.zip")
    }

    /// The catalog's file for one state (nil if the catalog has none).
    public static func file(fips: String) -> DataFile? {
        DataCatalog.dataset(datasetID)?.files.first { $0.path.hasSuffix("/tl_2019_\(fips)_place.zip") }
    }

    /// Every state the catalog has a place zip for, in FIPS order.
    public static var allStates: [USState] { USState.all.filter { file(fips: $0.fips) != nil } }

    /// `--state` values: USPS codes or 2-digit FIPS codes, repeated or comma-separated, or `all`.
    public static func states(_ values: [String]) throws -> [USState] {
        var out: [USState] = []
        for value in values {
            for raw in value.split(separator: ",") {
                let code = raw.trimmingCharacters(in: .whitespaces)
                if code.lowercased() == "all" { return allStates }
                let state = code.allSatisfy(\.isNumber) ? USState.fips(code) : USState.usps(code)
                guard let state, file(fips: state.fips) != nil else {
                    throw DataError.usage("--state \(code)", "not a state with place polygons; use a USPS code (FL), "
                        + "a 2-digit FIPS code (12) or all")
                }
                if !out.contains(state) { out.append(state) }
            }
        }
        guard !out.isEmpty else {
            throw DataError("places", "name the states with --state (e.g. --state FL, --state 12,13 or --state all)")
        }
        return out
    }
}
