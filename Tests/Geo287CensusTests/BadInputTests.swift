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
    }
}
