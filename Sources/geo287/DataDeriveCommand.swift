import ArgumentParser
import Foundation
import Geo287Core
import Geo287Jurisdictions
import Geo287Sheets

/// `geo287 data derive`: rebuilds the derived files of the embedded data root from the official
/// files (see shapefiles/README.md).
struct DataDeriveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "derive",
        abstract: "Derive the compact place layer and the subdivision table of a data root from the official files.",
        discussion: """
        Reads every tl_2019_SS_place.zip in --from (census/places/tiger2019/), keeps every \
        place's attributes, and keeps polygons only for the places that an agreement of the \
        sheets in <data>/ice resolves to, simplified with GEOS's topology-preserving \
        Douglas–Peucker (--tolerance, degrees): <data>/census/places/compact2019/\
        tl_2019_SS_place_compact.zip. Also writes <data>/census/places/county-subdivisions-v2023.tsv \
        (towns and townships) from --from's all-geocodes-v2023.xlsx. Byte-for-byte reproducible.
        """)

    @OptionGroup var root: DataRootOption

    @Option(name: .customLong("from"), help: "Data root holding the full TIGER/Line place zips and the Census tables.")
    var from: String

    @Option(help: "Simplification tolerance in degrees (0 keeps the polygons as they are).")
    var tolerance: Double = CompactPlaceLayer.defaultTolerance

    @Option(help: "Worker threads.")
    var threads: Int = 2

    func validate() throws {
        guard tolerance >= 0, tolerance < 0.01 else { throw ValidationError("--tolerance must be between 0 and 0.01 degrees") }
        try WorkerThreads.validate(threads)
    }

    func run() throws {
        let target = try root.resolve()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: from, isDirectory: &isFolder), isFolder.boolValue else {
            throw DataError.usage(from, "--from is not a folder (it names the data root that holds the official files)")
        }
        let source = DataRoot(url: URL(fileURLWithPath: from), source: .option)
        try source.require(CountySubdivisions.path)
        let workbook = source.path(CountySubdivisions.path)
        guard try SHA256.hex(ofFile: workbook) == CountySubdivisions.sourceSHA256 else {
            throw DataError(workbook, "SHA-256 differs from the pinned all-geocodes-v2023.xlsx")
        }
        try AtomicFile.write(try CountySubdivisions.loadWorkbook(workbook).derivedTable(),
                             to: target.path(CountySubdivisions.derivedPath))
        let sheets = try SheetReader.sheetPaths(inFolder: target.path("ice"))
        let gazetteer = try Gazetteer.load(source)
        let keep = try CompactPlaceLayer.agreementPlaces(sheetPaths: sheets, gazetteer: gazetteer)
        let reports = try CompactPlaceLayer.write(from: source, to: target, keep: keep, tolerance: tolerance, threads: threads)
        var out = "state  places  polygons  vertices in → out  max deviation (m)  sha256\n"
        for r in reports {
            let metres = r.maxDeviation * 111_320
            out += "\(r.stateFIPS)  \(pad(r.places, 6))  \(pad(r.polygons, 8))  \(pad(r.verticesIn, 8)) → \(pad(r.verticesOut, 7))  "
            out += "\(String(format: "%17.2f", metres))  \(try SHA256.hex(ofFile: r.path))\n"
        }
        let vin = reports.reduce(0) { $0 + $1.verticesIn }, vout = reports.reduce(0) { $0 + $1.verticesOut }
        out += "\(sheets.count) sheets, \(keep.count) agreement places; \(reports.reduce(0) { $0 + $1.polygons }) polygons kept, "
        out += "\(vin) → \(vout) vertices, max deviation \(String(format: "%.2f", (reports.map(\.maxDeviation).max() ?? 0) * 111_320)) m"
        out += ", \(reports.reduce(0) { $0 + $1.keptOriginal }) kept unsimplified\n"
        try emitText(out, to: nil)
    }

    private func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: " ", count: max(0, width - s.count)) + s
    }
}
