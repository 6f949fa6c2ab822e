import Foundation
import Geo287Census

/// One published Census file and the data-root files it yields. Paths and SHA-256 come from
/// `DataCatalog` (one source of truth); only the download URL and packaging are kept here.
public struct CensusDownload: Sendable {
    public enum Packaging: Sendable, Equatable {
        /// Kept as downloaded (one file).
        case file
        /// A zip: the members named like the files' last path components are extracted.
        case zip
    }

    public let id: String
    public let url: URL
    public let packaging: Packaging
    public let files: [DataFile]

    public init(id: String, url: URL, packaging: Packaging, files: [DataFile]) {
        self.id = id; self.url = url; self.packaging = packaging; self.files = files
    }
}

/// The Census Bureau's files behind the catalog's datasets, pinned to the official URLs.
public enum CensusDownloads {
    /// Dataset id, official URL, packaging.
    static let sources: [(id: String, url: String, packaging: CensusDownload.Packaging)] = [
        ("counties", "https://www2.census.gov/geo/tiger/GENZ2024/shp/cb_2024_us_county_5m.zip", .zip),
        ("counties-20m", "https://www2.census.gov/geo/tiger/GENZ2024/shp/cb_2024_us_county_20m.zip", .zip),
        ("states", "https://www2.census.gov/geo/tiger/GENZ2024/shp/cb_2024_us_state_20m.zip", .zip),
        ("county-population",
         "https://www2.census.gov/programs-surveys/popest/datasets/2020-2023/counties/totals/co-est2023-alldata.csv", .file),
        ("tract-centroids", "https://www2.census.gov/geo/docs/reference/cenpop2020/tract/CenPop2020_Mean_TR.txt", .file),
        ("county-gazetteer",
         "https://www2.census.gov/geo/docs/maps-data/data/gazetteer/2024_Gazetteer/2024_Gaz_counties_national.zip", .zip),
        ("place-codes", "https://www2.census.gov/programs-surveys/popest/geographies/2023/all-geocodes-v2023.xlsx", .file),
    ]

    /// The crosswalk comes out of an interactive web form (Geocorr 2022) and is not fetched.
    public static let crosswalkID = "place-county-crosswalk"

    public static var crosswalkNote: String {
        let path = DataCatalog.dataset(crosswalkID)?.files.first?.path ?? "census/crosswalks/"
        return "the place × county crosswalk (Geocorr 2022, \(path)) comes out of an interactive web form "
            + "and cannot be fetched; it ships in the embedded data root"
    }

    /// Every download, with paths and checksums from the catalog (an id the catalog lacks is left out;
    /// a test checks there is none).
    public static var all: [CensusDownload] {
        sources.compactMap { source in
            guard let dataset = DataCatalog.dataset(source.id), let url = URL(string: source.url) else { return nil }
            return CensusDownload(id: source.id, url: url, packaging: source.packaging, files: dataset.files)
        }
    }
}
