import Foundation
import Geo287TestSupport
import Testing
@testable import Geo287Sheets

/// Locates the shared data: `$GEO287_DATA`, else `<repo>/../shared/data`.
enum TestData {
    static var root: String { ReferenceData.path }

    static var iceFolder: String { root + "/ice" }

    static func path(_ name: String) -> String { iceFolder + "/" + name }

    /// Reads an ICE sheet from the shared data (the test fails if it is missing).
    static func sheet(_ name: String) throws -> Sheet {
        try SheetReader.read(path: path(name))
    }

    static func warnings(_ sheet: Sheet, row: Int) -> [SheetWarning] {
        sheet.warnings.filter { $0.row == row }
    }
}

/// A scratch folder for fixtures built at run time.
struct TempDir {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "geo287-sheets-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    func write(_ name: String, _ text: String) throws -> String {
        try Data(text.utf8).write(to: URL(fileURLWithPath: file(name)))
        return file(name)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
