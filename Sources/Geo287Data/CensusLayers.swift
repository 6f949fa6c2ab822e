import Foundation
import Geo287Geometry

/// A county (or equivalent) from the Census cartographic boundary file.
public struct County: Sendable {
    public let geoid: String          // 5 digits
    public let stateFIPS: String      // 2 digits
    public let stateUSPS: String
    public let name: String           // "Miami-Dade"
    public let nameWithType: String   // "Miami-Dade County"
    public let lsad: String           // 06 county, 15 parish, 25 city, 04 borough, 05 census area, ...
    public let geometry: MultiPolygon
}

/// A Census place (incorporated place or CDP) from the TIGER/Line per-state files.
public struct Place: Sendable {
    public let geoid: String          // 7 digits
    public let stateFIPS: String
    public let name: String           // "Tampa"
    public let nameWithType: String   // "Tampa city"
    public let classCode: String      // CLASSFP: C* incorporated, U* census designated
    /// Empty when the layer was read without geometry (see `ShapefileReader.GeometrySelection`).
    public var geometry: MultiPolygon
    /// Record number in the state's file (to read the geometry later).
    public let recordIndex: Int
    public var isIncorporated: Bool { classCode.hasPrefix("C") }

    public init(geoid: String, stateFIPS: String, name: String, nameWithType: String, classCode: String,
                geometry: MultiPolygon, recordIndex: Int) {
        self.geoid = geoid; self.stateFIPS = stateFIPS; self.name = name; self.nameWithType = nameWithType
        self.classCode = classCode; self.geometry = geometry; self.recordIndex = recordIndex
    }
}

public struct StateBoundary: Sendable {
    public let fips: String
    public let usps: String
    public let name: String
    public let geometry: MultiPolygon
}

/// Loads the Census layers from a data root, by the catalog's paths.
public enum CensusLayers {
    public static let countiesPath = "census/counties/cb_2024_us_county_5m.shp"
    public static let statesPath = "census/states/cb_2024_us_state_20m.shp"
    public static let populationPath = "census/population/co-est2023-alldata.csv"
    public static let crosswalkPath = "census/crosswalks/geocorr2022_2507107313.csv"
    public static let tractCentroidsPath = "census/centroids/CenPop2020_Mean_TR.txt"
    public static func placesPath(stateFIPS: String) -> String { "census/places/tiger2019/tl_2019_\(stateFIPS)_place.zip" }

    public static func counties(_ root: DataRoot) throws -> [County] {
        let shp = try ShapefileReader.read(root.path(countiesPath))
        return try shp.features.map { f in
            guard let geoid = f.string("GEOID"), geoid.count == 5 else {
                throw DataError(shp.path, "record \(f.recordIndex + 1): GEOID is not 5 digits")
            }
            return County(geoid: geoid, stateFIPS: String(geoid.prefix(2)), stateUSPS: f.string("STUSPS") ?? "",
                          name: f.string("NAME") ?? "", nameWithType: f.string("NAMELSAD") ?? "",
                          lsad: f.string("LSAD") ?? "", geometry: f.geometry)
        }
    }

    public static func states(_ root: DataRoot) throws -> [StateBoundary] {
        let shp = try ShapefileReader.read(root.path(statesPath))
        return try shp.features.map { f in
            guard let fips = f.string("GEOID"), fips.count == 2 else {
                throw DataError(shp.path, "record \(f.recordIndex + 1): GEOID is not 2 digits")
            }
            return StateBoundary(fips: fips, usps: f.string("STUSPS") ?? "", name: f.string("NAME") ?? "", geometry: f.geometry)
        }
    }

    /// Polygons of the given record numbers of a state's 2019 place file (no attributes read).
    public static func placeGeometries(_ root: DataRoot, stateFIPS: String, records: Set<Int>) throws -> [Int: MultiPolygon] {
        let rel = placesPath(stateFIPS: stateFIPS)
        guard root.exists(rel), !records.isEmpty else { return [:] }
        return try ShapefileReader.zipGeometries(root.path(rel), records: .records(records))
    }

    /// The 2019 places of one state, straight from its zip. A state without a zip has no places.
    public static func places(_ root: DataRoot, stateFIPS: String,
                              geometry: ShapefileReader.GeometrySelection = .all) throws -> [Place] {
        let rel = placesPath(stateFIPS: stateFIPS)
        guard root.exists(rel) else { return [] }
        let shp = try ShapefileReader.read(root.path(rel), geometry: geometry)
        return try shp.features.map { f in
            guard let geoid = f.string("GEOID"), geoid.count == 7 else {
                throw DataError(shp.path, "record \(f.recordIndex + 1): GEOID is not 7 digits")
            }
            return Place(geoid: geoid, stateFIPS: stateFIPS, name: f.string("NAME") ?? "",
                         nameWithType: f.string("NAMELSAD") ?? "", classCode: f.string("CLASSFP") ?? "",
                         geometry: f.geometry, recordIndex: f.recordIndex)
        }
    }
}
