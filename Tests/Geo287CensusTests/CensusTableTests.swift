import Foundation
import Geo287Census
import Geo287Core
import Testing

@Suite struct CensusTableTests {
    @Test func countyPopulationVintage2023() throws {
        let pop = try PopulationTable.load(TestData.path(CensusLayers.populationPath))
        #expect(pop.counties.count == 3144)
        #expect(pop.states.count == 51)
        #expect(pop.nationalTotal == 334_914_895)
        #expect(pop.counties["35013"]?.name == "Doña Ana County")   // Latin-1 decoded
        #expect(pop.counties["09110"] != nil && pop.counties["09001"] == nil)  // CT planning regions
        let stateSum = pop.states.values.reduce(0) { $0 + $1.estimate }
        #expect(stateSum == pop.nationalTotal)
    }

    @Test func crosswalkParts() throws {
        let xw = try PlaceCountyCrosswalk.load(TestData.path(CensusLayers.crosswalkPath))
        #expect(xw.parts.count == 36_482)
        #expect(xw.parts.reduce(0) { $0 + $1.population2020 } == 334_736_244)
        let multi = xw.partsByPlace.values.filter { $0.count > 1 }.count
        #expect(multi == 1302)
        // New York city spans its 5 boroughs.
        #expect(xw.partsByPlace["3651000"]?.count == 5)
        #expect(xw.parts.contains { $0.placeName.hasPrefix("Añasco") })
        // Place shares of one place sum to 1.
        for (_, parts) in xw.partsByPlace where parts.allSatisfy({ $0.placeShare != nil }) {
            let s = parts.reduce(0) { $0 + ($1.placeShare ?? 0) }
            #expect(abs(s - 1) < 0.002)
        }
    }

    @Test func tractCentroids() throws {
        let t = try TractCentroids.load(TestData.path(CensusLayers.tractCentroidsPath))
        #expect(t.count == 85_395)
        #expect(t.totalPopulation == 334_735_155)
        #expect(t.tractGEOID.allSatisfy { $0.count == 11 })
        #expect(t.tractGEOID[0].hasPrefix("01"))
    }

    @Test func floridaPlacesStraightFromTheZip() throws {
        let places = try CensusLayers.places(TestData.root, stateFIPS: "12")
        #expect(places.count == 912)
        #expect(places.filter(\.isIncorporated).count == 409)
        #expect(places.contains { $0.name == "Tampa" && $0.geoid == "1271000" })
        // Accented names in another state's zip decode as UTF-8.
        let nm = try CensusLayers.places(TestData.root, stateFIPS: "35")
        #expect(nm.contains { $0.name == "Española" })
        // A state in neither place layer is an error naming the fetch command, not an empty list.
        let missing = try #require(throws: DataError.self) { try CensusLayers.places(TestData.root, stateFIPS: "99") }
        #expect(missing.message.contains("run `geo287 data fetch places --state 99`"))
    }

    @Test func countiesWithManyPartsAndHoles() throws {
        let counties = try CensusLayers.counties(TestData.root)
        let byID = Dictionary(uniqueKeysWithValues: counties.map { ($0.geoid, $0) })
        // Aleutians West crosses the antimeridian: parts on both sides.
        let aleut = try #require(byID["02016"])
        #expect(aleut.geometry.polygons.count > 10)
        #expect(aleut.geometry.bounds.minX < -179 && aleut.geometry.bounds.maxX > 179)
        // Some county holds another: a hole survives assembly.
        #expect(counties.contains { $0.geometry.holeCount > 0 })
        #expect(byID["12086"]?.nameWithType == "Miami-Dade County")
        #expect(byID["51670"]?.nameWithType == "Hopewell city")
        // Each county knows its file and record, for errors raised later by GEOS or PROJ.
        let path = TestData.root.path(CensusLayers.countiesPath)
        #expect(counties.allSatisfy { $0.source?.path == path && $0.source?.id == $0.geoid })
        #expect(Set(counties.compactMap(\.source?.record)) == Set(0..<counties.count))
    }

    @Test func delimitedTextQuotesAndPadding() {
        let rows = DelimitedText.rows("\u{FEFF}a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\" ,  z  \n\n1,2,3 ")
        #expect(rows == [["a", "b", "c"], ["x, y", "say \"hi\"", "z"], ["1", "2", "3"]])
    }

    /// Records carry the line they start on (blank lines and quoted line breaks counted), and a
    /// quote left open at the end is an error naming that line, not a record eating the rest.
    @Test func delimitedRecordsKnowTheirLines() throws {
        let text = "h1,h2\r\n\r\n\"two\nlines\",x\nlast,\"q\r\nq\"\n\nend,1\n"
        let records = try DelimitedText.records(bytes: Array(text.utf8), path: "t.csv")
        #expect(records.map(\.line) == [1, 3, 5, 8])
        #expect(records[1].fields == ["two\nlines", "x"])
        #expect(records[2].fields == ["last", "q\r\nq"])
        #expect(throws: DataError("t.csv", "line 3: a quoted field has no closing quote")) {
            try DelimitedText.records(bytes: Array("a,b\n1,2\n\"open,3\n4,5\n".utf8), path: "t.csv")
        }
    }
}
