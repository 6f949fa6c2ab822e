import Geo287Census
import Geo287Core

/// The files a derived table depends on (the inputs of its `DerivedCache` entry). Only files
/// present are listed; since the list is part of the entry's key, a file that appears later
/// (`data fetch places` adding a state's full layer) makes another entry, and one that
/// disappears invalidates the entry.
public enum DerivedInputs {
    /// The county layer (`.shp`, `.shx`, `.dbf`, `.cpg`), the population table and the crosswalk.
    public static func censusTables(_ root: DataRoot) -> [String] {
        countyLayer(root) + present([CensusLayers.populationPath, CensusLayers.crosswalkPath], root)
    }

    /// The county layer's files (`.shp`, `.shx`, `.dbf`, `.cpg`).
    public static func countyLayer(_ root: DataRoot) -> [String] {
        let stem = String(CensusLayers.countiesPath.dropLast(4))
        return present(["shp", "shx", "dbf", "cpg"].map { "\(stem).\($0)" }, root)
    }

    /// Everything matching and the county join read: the Census tables, every state's place
    /// layer (full and compact) and the county subdivisions (derived table and workbook).
    public static func matching(_ root: DataRoot) -> [String] {
        let places = USState.all.flatMap { [CensusLayers.fullPlacesPath(stateFIPS: $0.fips), CensusLayers.compactPlacesPath(stateFIPS: $0.fips)] }
        return censusTables(root) + present(places + [CountySubdivisions.derivedPath, CountySubdivisions.path], root)
    }

    private static func present(_ files: [String], _ root: DataRoot) -> [String] {
        files.filter { root.exists($0) }.map { root.path($0) }
    }
}
