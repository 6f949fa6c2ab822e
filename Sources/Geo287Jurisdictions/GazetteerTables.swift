import Geo287Census
import Geo287Core

/// The Census tables a gazetteer starts from (county layer, population, crosswalk), read from
/// the data root or from their `DerivedCache` entry (`census-tables`).
struct GazetteerTables {
    static let format = 1

    let counties: [County]
    let population: PopulationTable
    let crosswalk: PlaceCountyCrosswalk

    static func load(_ root: DataRoot, cache: DerivedCache) throws -> GazetteerTables {
        try cache.value(kind: "census-tables", format: format, inputs: DerivedInputs.censusTables(root),
                        encode: { t, w in
                            w.array(t.counties) { w, c in c.encode(to: &w) }
                            t.population.encode(to: &w)
                            t.crosswalk.encode(to: &w)
                        },
                        decode: { r in
                            GazetteerTables(counties: try r.array { try County.decode(from: &$0) },
                                            population: try PopulationTable.decode(from: &r),
                                            crosswalk: try PlaceCountyCrosswalk.decode(from: &r))
                        },
                        build: { try read(root) })
    }

    /// The three files, the crosswalk read on another thread meanwhile (they are independent).
    static func read(_ root: DataRoot) throws -> GazetteerTables {
        let crosswalk = Prefetch { try PlaceCountyCrosswalk.load(root.path(CensusLayers.crosswalkPath)) }
        let counties = try CensusLayers.counties(root)
        let population = try PopulationTable.load(root.path(CensusLayers.populationPath))
        return GazetteerTables(counties: counties, population: population, crosswalk: try crosswalk.value())
    }
}
