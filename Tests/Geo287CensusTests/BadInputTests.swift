import Foundation
import Geo287Census
import Geo287Core
import Geo287TestSupport
import Testing
import ZIPFoundation

/// Broken inputs give one clear error naming the file, never a crash.
@Suite final class BadInputTests {
    let dir: URL = {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("geo287-badinput-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }()

    deinit { try? FileManager.default.removeItem(at: dir) }

    func copyCounty(_ exts: [String], to stem: String) throws -> String {
        for e in exts {
            try FileManager.default.copyItem(atPath: TestData.path("census/states/cb_2024_us_state_20m.\(e)"),
                                             toPath: dir.appendingPathComponent("\(stem).\(e)").path)
        }
        return dir.appendingPathComponent("\(stem).shp").path
    }

    @Test func missingDbf() throws {
        let shp = try copyCounty(["shp", "shx"], to: "nodbf")
        let error = try #require(throws: DataError.self) { try ShapefileReader.read(shp) }
        #expect(error.path.hasSuffix("nodbf.dbf") && error.message.contains("missing"))
    }

    @Test func truncatedShp() throws {
        let shp = try copyCounty(["shp", "shx", "dbf"], to: "trunc")
        let data = try Data(contentsOf: URL(fileURLWithPath: shp))
        try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: shp))
        let error = try #require(throws: DataError.self) { try ShapefileReader.read(shp) }
        #expect(error.description.contains("trunc.shp"))
        #expect(error.message.contains("truncated") || error.message.contains("damaged"), "\(error)")
    }

    @Test func zipWithoutShapefile() throws {
        let zipURL = dir.appendingPathComponent("empty.zip")
        let archive = try Archive(url: zipURL, accessMode: .create)
        let text = Data("not a shapefile".utf8)
        try archive.addEntry(with: "readme.txt", type: .file, uncompressedSize: Int64(text.count)) { pos, size in
            text.subdata(in: Int(pos)..<Int(pos) + size)
        }
        let error = try #require(throws: DataError.self) { try ShapefileReader.read(zipURL.path) }
        #expect(error.description == "\(zipURL.path): zip holds no .shp file")
    }

    @Test func notAZip() throws {
        let p = dir.appendingPathComponent("fake.zip")
        try Data("hello".utf8).write(to: p)
        let error = try #require(throws: DataError.self) { try ShapefileReader.read(p.path) }
        #expect(error.message == "not a zip archive")
    }

    @Test func unknownDataRoot() {
        let error = #expect(throws: DataError.self) {
            try DataRoot.resolve(explicit: "/nonexistent/geo287", environment: [:])
        }
        #expect(error?.description.contains("/nonexistent/geo287") == true)
        // Precedence: --data, then GEO287_DATA, then ./shapefiles.
        let env = #expect(throws: DataError.self) { try DataRoot.resolve(explicit: nil, environment: ["GEO287_DATA": "/nope/env"]) }
        #expect(env?.path == "/nope/env")
    }

    @Test(ReferenceData.needsFullData) func catalogFindsEveryDatasetInTheSharedRoot() {
        // Every official dataset; the derived compact files belong to the embedded root only.
        let statuses = DataCatalog.status(of: TestData.root, verifyChecksums: false)
            .filter { !["places-compact", "county-subdivisions"].contains($0.dataset.id) }
        #expect(statuses.allSatisfy { $0.isUsable }, "\(statuses.filter { !$0.isUsable }.map(\.dataset.id))")
        let places = statuses.first { $0.dataset.id == "places" }
        #expect(places?.files.count == 56)
        let empty = DataRoot(url: dir, source: .option)
        #expect(DataCatalog.status(of: empty, verifyChecksums: false).allSatisfy { $0.state == .missing })
    }

    @Test func sha256KnownVectors() throws {
        #expect(SHA256.hex(of: Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(of: Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(try SHA256.hex(ofFile: TestData.path(CensusLayers.crosswalkPath))
                == "a9f97a6a7def88be71953f5e3adaeb35fe43f636f806c148857f275c3cc5f564")
        // FIPS 180-4's two-block message, and a million 'a's fed in uneven pieces (partial blocks).
        #expect(SHA256.hex(of: Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        var million = SHA256()
        let pieces = [1, 63, 64, 65, 127, 4_096]
        for n in pieces + [1_000_000 - pieces.reduce(0, +)] { million.update(Data(repeating: UInt8(ascii: "a"), count: n)) }
        #expect(million.finalize() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        // A copy goes on from where it was copied, independently of the original (value semantics).
        var abc = SHA256()
        abc.update(Data("ab".utf8))
        var fork = abc
        abc.update(Data("c".utf8))
        fork.update(Data("d".utf8))
        #expect(abc.finalize() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(fork.finalize() == SHA256.hex(of: Data("abd".utf8)))
        #expect(SHA256.hex(of: Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    // MARK: No silent zeros in the census tables

    /// A Geocorr-shaped crosswalk (two header lines, trailing spaces) with these data lines.
    func crosswalk(_ lines: [String], name: String) throws -> String {
        let head = [#""county","state","place","stab","CountyName","PlaceName","pop20","afact2","afact" "#,
                    #""County code","State code","Place code","State abbr.","County name","Place name","Total population (2020 Census)","place-to-county allocation factor","county-to-place allocation factor" "#]
        let p = dir.appendingPathComponent(name).path
        try Data((head + lines).map { $0 + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: p))
        return p
    }

    static let autaugaville = #""01001","01","03220","AL","Autauga AL","Autaugaville town, AL",795,1,0.0135 "#

    @Test func crosswalkValuesThatAreNotNumbersNameRowColumnAndValue() throws {
        let cases: [(String, String)] = [
            (#""01001","01","03220","AL","Autauga AL","Autaugaville town, AL",795,1,n/a "#, "row 4: afact `n/a` is not a number"),
            (#""01001","01","03220","AL","Autauga AL","Autaugaville town, AL",79S,1,0.0135 "#, "row 4: pop20 `79S` is not a whole number of people"),
            (#""01001","01","03220","AL","Autauga AL","Autaugaville town, AL",795,,0.0135 "#, "row 4: afact2 `` is not a number"),
            (#""01001","01","03220","AL","Autauga AL","Autaugaville town, AL",795,1,1.35 "#, "row 4: afact 1.35 is not a share between 0 and 1"),
            (#""01001","01","03220","AL","Autauga AL","Autaugaville town, AL",-795,1,0.0135 "#, "row 4: pop20 `-795` is not a whole number of people"),
        ]
        for (n, (line, message)) in cases.enumerated() {
            let p = try crosswalk([Self.autaugaville, line], name: "xw\(n).csv")
            let error = try #require(throws: DataError.self) { try PlaceCountyCrosswalk.load(p) }
            #expect(error.kind == .malformed && error.description == "\(p): \(message)")
        }
        // An empty afact2 is Geocorr's for a part without people: read, as no share.
        let empty = try crosswalk([#""02016","02","04670","AK","Aleutians West Census Area AK","Attu Station CDP, AK",0,,0 "#], name: "attu.csv")
        #expect(try PlaceCountyCrosswalk.load(empty).parts.first?.placeShare == nil)
    }

    @Test func crosswalkCountyWhosePartsHoldMoreThanItsPeopleIsAnError() throws {
        // Autauga's parts would add up to 1.0135 of its people: some would be counted twice.
        let p = try crosswalk([Self.autaugaville, #""01001","01","99999","AL","Autauga AL","[not in a place]",58000,1,1 "#], name: "over.csv")
        let error = try #require(throws: DataError.self) { try PlaceCountyCrosswalk.load(p) }
        #expect(error.message == "county 01001 (row 3 on): its parts' afact sum to 1.0135, more than 1")
        // Rounding to 4 decimals is not an error: the real file sums to at most 1.0004 (86 parts).
        let real = try PlaceCountyCrosswalk.load(TestData.path(CensusLayers.crosswalkPath))
        #expect(real.parts.count == 36482)
    }

    @Test func populationThatIsNotANumberNamesRowColumnAndValue() throws {
        let p = dir.appendingPathComponent("co-est.csv").path
        let text = "SUMLEV,STATE,COUNTY,STNAME,CTYNAME,ESTIMATESBASE2020,POPESTIMATE2023\r\n"
            + "040,01,000,Alabama,Alabama,5024356,5108468\r\n050,01,001,Alabama,Autauga County,58802,(X)\r\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: p))
        let error = try #require(throws: DataError.self) { try PopulationTable.load(p) }
        #expect(error.description == "\(p): row 3: POPESTIMATE2023 `(X)` is not a whole number of people")
    }

    /// Numbers too large for a count of people are refused where they are read, so no sum over
    /// counties, places or tracts can overflow (and a 40-digit coordinate takes the slow path,
    /// it does not trap).
    @Test func countsBeyondAnyPopulationAreRefusedNotOverflowed() throws {
        let huge = "99999999999999999999"
        let xw = try crosswalk([#""01001","01","03220","AL","Autauga AL","Autaugaville town, AL",\#(huge),1,0.0135 "#], name: "huge.csv")
        #expect(throws: DataError(xw, "row 3: pop20 `\(huge)` is not a whole number of people")) { try PlaceCountyCrosswalk.load(xw) }
        let pop = dir.appendingPathComponent("co-huge.csv").path
        try Data(("SUMLEV,STATE,COUNTY,STNAME,CTYNAME,ESTIMATESBASE2020,POPESTIMATE2023\r\n"
            + "050,01,001,Alabama,Autauga County,58802,2000000000\r\n").utf8).write(to: URL(fileURLWithPath: pop))
        #expect(throws: DataError(pop, "row 2: POPESTIMATE2023 `2000000000` is not a whole number of people")) { try PopulationTable.load(pop) }
        let tracts = dir.appendingPathComponent("tracts.txt").path
        let head = "STATEFP,COUNTYFP,TRACTCE,POPULATION,LATITUDE,LONGITUDE\n"
        try Data((head + "01,001,020100,\(huge)\(huge),+32.476823,-086.486599\n").utf8).write(to: URL(fileURLWithPath: tracts))
        #expect(throws: DataError(tracts, "row 2: population or coordinates unreadable")) { try TractCentroids.load(tracts) }
        try Data((head + "01,001,020100,1775,+32.4768230000000000000000000000001,-086.486599\n").utf8).write(to: URL(fileURLWithPath: tracts))
        let read = try TractCentroids.load(tracts)
        #expect(read.count == 1 && abs(read.latitude[0] - 32.476823) < 1e-12)
    }
}
