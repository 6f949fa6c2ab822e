import Foundation
@testable import Geo287Geometry
import Testing

/// libproj is loaded with dlopen the first time a transformer is made (not linked): it loads
/// here, answers as PROJ does, and a missing or wrong library is a clear error, not a crash.
@Suite struct PROJLibraryTests {
    @Test func libprojLoadsAndProjects() throws {
        _ = try PROJLibrary.shared.get()
        #expect(ProjTransformer.version.hasPrefix("Rel. 9."))   // "Rel. 9.1.1, December 1st, 2022"
        // Tampa in CONUS Albers (EPSG:5070), and back.
        let albers = try ProjTransformer(from: ProjTransformer.nad83, to: ProjTransformer.conusAlbers)
        let p = try albers.transform(Coordinate(-82.4572, 27.9506))
        #expect(abs(p.x - 1_333_099.68) < 0.01 && abs(p.y - 637_655.36) < 0.01, "\(p)")   // gdaltransform -s_srs EPSG:4269 -t_srs EPSG:5070
        let back = try albers.transform(p, inverse: true)
        #expect(abs(back.x + 82.4572) < 1e-9 && abs(back.y - 27.9506) < 1e-9)
        #expect(throws: GeometryError.self) { _ = try ProjTransformer(from: "EPSG:0", to: ProjTransformer.conusAlbers) }
    }

    @Test func aMissingOrWrongLibraryIsAnError() {
        guard case .failure(let missing) = PROJLibrary.load(names: ["libgeo287-no-such-library.so"]) else {
            Issue.record("a library that does not exist loaded")
            return
        }
        #expect("\(missing)".contains("libproj could not be loaded"))
        #expect("\(missing)".contains("libgeo287-no-such-library.so"))
        guard case .failure(let wrong) = PROJLibrary.load(names: ["libz.so.1"]) else {
            Issue.record("zlib was taken for libproj")
            return
        }
        #expect("\(wrong)".contains("has no proj_context_create"))
    }
}
