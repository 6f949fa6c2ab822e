import Foundation
import Geo287Core
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
    /// The file and record the county was read from (for errors raised later, by GEOS or PROJ).
    public var source: RecordSource? = nil
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
    /// The file and record the place was read from (nil for a place known only from the crosswalk).
    public let source: RecordSource?
    /// The Census internal point (INTPTLON, INTPTLAT): a point inside the place, known even where
    /// the compact layer keeps no polygon. Nil when the file has none or it is not a coordinate.
    public var internalPoint: Coordinate? = nil
    public var isIncorporated: Bool { classCode.hasPrefix("C") }

    public init(geoid: String, stateFIPS: String, name: String, nameWithType: String, classCode: String,
                geometry: MultiPolygon, recordIndex: Int, source: RecordSource? = nil) {
        self.geoid = geoid; self.stateFIPS = stateFIPS; self.name = name; self.nameWithType = nameWithType
        self.classCode = classCode; self.geometry = geometry; self.recordIndex = recordIndex; self.source = source
    }
}

public struct StateBoundary: Sendable {
    public let fips: String
    public let usps: String
    public let name: String
    public let geometry: MultiPolygon
    /// The file and record the state was read from.
    public var source: RecordSource? = nil
}

/// Loads the Census layers from a data root, by the catalog's paths.
public enum CensusLayers {
    public static let countiesPath = "census/counties/cb_2024_us_county_5m.shp"
    public static let statesPath = "census/states/cb_2024_us_state_20m.shp"
    public static let populationPath = "census/population/co-est2023-alldata.csv"
    public static let crosswalkPath = "census/crosswalks/geocorr2022_2507107313.csv"
    public static let tractCentroidsPath = "census/centroids/CenPop2020_Mean_TR.txt"
    public static let fullPlacesFolder = "census/places/tiger2019"
    /// geo287's own compact place layer (see `CompactPlaceLayer` and shapefiles/README.md).
    public static let compactPlacesFolder = "census/places/compact2019"
    public static func fullPlacesPath(stateFIPS: String) -> String { "\(fullPlacesFolder)/tl_2019_\(stateFIPS)_place.zip" }
    public static func compactPlacesPath(stateFIPS: String) -> String { "\(compactPlacesFolder)/tl_2019_\(stateFIPS)_place_compact.zip" }

    /// Which place layer a state's places come from: the official TIGER/Line zip when present,
    /// else the compact layer (every place's attributes, polygons only for agreement places).
    public enum PlaceLayer: String, Sendable { case full, compact }

    /// The place file of a state in this root, nil when neither layer has it.
    public static func placeSource(_ root: DataRoot, stateFIPS: String) -> (path: String, layer: PlaceLayer)? {
        let full = fullPlacesPath(stateFIPS: stateFIPS)
        if root.exists(full) { return (full, .full) }
        let compact = compactPlacesPath(stateFIPS: stateFIPS)
        if root.exists(compact) { return (compact, .compact) }
        return nil
    }

    /// The error for a state whose places are in neither layer: names the file and the fetch command.
    public static func missingPlaces(_ root: DataRoot, stateFIPS: String) -> DataError {
        let usps = USState.fips(stateFIPS)?.usps ?? stateFIPS
        return DataError.missing(root.path(fullPlacesPath(stateFIPS: stateFIPS)),
                         "missing: the place (city) polygons of \(usps); run `geo287 data fetch places --state \(usps)`")
    }

    /// `geometry: .none`: the attributes only (the polygons empty; the `.shp` is not read).
    public static func counties(_ root: DataRoot, geometry: ShapefileReader.GeometrySelection = .all) throws -> [County] {
        let shp = try ShapefileReader.read(root.path(countiesPath), geometry: geometry)
        return try shp.features.map { f in
            guard let geoid = f.string("GEOID"), geoid.count == 5 else {
                throw DataError(shp.path, "record \(f.recordIndex + 1): GEOID is not 5 digits")
            }
            try checkLonLat(f.geometry, path: shp.path, record: f.recordIndex, geoid: geoid)
            return County(geoid: geoid, stateFIPS: String(geoid.prefix(2)), stateUSPS: f.string("STUSPS") ?? "",
                          name: f.string("NAME") ?? "", nameWithType: f.string("NAMELSAD") ?? "",
                          lsad: f.string("LSAD") ?? "", geometry: f.geometry,
                          source: RecordSource(path: shp.path, record: f.recordIndex, id: geoid))
        }
    }

    public static func states(_ root: DataRoot) throws -> [StateBoundary] {
        let shp = try ShapefileReader.read(root.path(statesPath))
        return try shp.features.map { f in
            guard let fips = f.string("GEOID"), fips.count == 2 else {
                throw DataError(shp.path, "record \(f.recordIndex + 1): GEOID is not 2 digits")
            }
            try checkLonLat(f.geometry, path: shp.path, record: f.recordIndex, geoid: fips)
            return StateBoundary(fips: fips, usps: f.string("STUSPS") ?? "", name: f.string("NAME") ?? "", geometry: f.geometry,
                                 source: RecordSource(path: shp.path, record: f.recordIndex, id: fips))
        }
    }

    /// Polygons of the given record numbers of a state's 2019 place file (no attributes read).
    public static func placeGeometries(_ root: DataRoot, stateFIPS: String, records: Set<Int>) throws -> [Int: MultiPolygon] {
        guard !records.isEmpty else { return [:] }
        guard let source = placeSource(root, stateFIPS: stateFIPS) else { throw missingPlaces(root, stateFIPS: stateFIPS) }
        let polygons = try ShapefileReader.zipGeometries(root.path(source.path), records: .records(records))
        for (i, g) in polygons.sorted(by: { $0.key < $1.key }) { try checkLonLat(g, path: root.path(source.path), record: i, geoid: nil) }
        return polygons
    }

    /// TIGER's internal point ("+41.7660", "-072.6833"), nil unless both are finite degrees in range.
    static func internalPoint(lat: String?, lon: String?) -> Coordinate? {
        guard let lat = lat.flatMap(degrees), let lon = lon.flatMap(degrees),
              abs(lat) <= 90, abs(lon) <= 180 else { return nil }
        return Coordinate(lon, lat)
    }

    /// A number with spaces around it (as `trimmingCharacters(in: .whitespaces)` trims them:
    /// no line breaks), read without Foundation's trimming, which cost more than the reading.
    private static func degrees(_ text: String) -> Double? {
        let scalars = text.unicodeScalars
        let isSpace = { (c: Unicode.Scalar) in c == "\t" || c.properties.generalCategory == .spaceSeparator }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) }) else { return nil }
        return Double(Substring(scalars[first...last]))
    }

    /// Census layers are NAD83 longitude/latitude: a record outside ±180°/±90° is damaged, an
    /// error naming the file and the record here rather than a PROJ failure later.
    static func checkLonLat(_ g: MultiPolygon, path: String, record: Int, geoid: String?) throws {
        guard !g.polygons.isEmpty else { return }
        let b = g.bounds
        guard b.minX >= -180, b.maxX <= 180, b.minY >= -90, b.maxY <= 90 else {
            throw DataError(path, "record \(record + 1)\(geoid.map { " (GEOID \($0))" } ?? ""): coordinates reach (\(b.minX), \(b.minY))–(\(b.maxX), \(b.maxY)), outside longitude ±180° and latitude ±90°")
        }
    }

    /// The 2019 places of one state, straight from its zip (full or compact layer); a state in
    /// neither layer is an error that names the fetch command.
    public static func places(_ root: DataRoot, stateFIPS: String,
                              geometry: ShapefileReader.GeometrySelection = .all) throws -> [Place] {
        guard let source = placeSource(root, stateFIPS: stateFIPS) else { throw missingPlaces(root, stateFIPS: stateFIPS) }
        let shp = try ShapefileReader.read(root.path(source.path), geometry: geometry,
                                           fields: ["GEOID", "NAME", "NAMELSAD", "CLASSFP", "INTPTLAT", "INTPTLON"])
        return try shp.features.map { f in
            guard let geoid = f.string("GEOID"), geoid.count == 7 else {
                throw DataError(shp.path, "record \(f.recordIndex + 1): GEOID is not 7 digits")
            }
            try checkLonLat(f.geometry, path: shp.path, record: f.recordIndex, geoid: geoid)
            var place = Place(geoid: geoid, stateFIPS: stateFIPS, name: f.string("NAME") ?? "",
                              nameWithType: f.string("NAMELSAD") ?? "", classCode: f.string("CLASSFP") ?? "",
                              geometry: f.geometry, recordIndex: f.recordIndex,
                              source: RecordSource(path: shp.path, record: f.recordIndex, id: geoid))
            place.internalPoint = internalPoint(lat: f.string("INTPTLAT"), lon: f.string("INTPTLON"))
            return place
        }
    }
}
