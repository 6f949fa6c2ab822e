import Foundation
import Geo287Core
import Geo287Coverage
import Geo287Jurisdictions

/// `geo287 batch`: every participating sheet of a folder turned into a tidy county panel, an
/// agreements panel, the agreements' lifetimes, the history table and a manifest of every input with its SHA-256. The
/// outputs depend only on the inputs (no timestamps, fixed decimals, sorted), so two runs give
/// identical bytes. The folder is published as a set (`AtomicFolder`): built beside the target
/// and renamed into place, so it never holds panels of one run with another run's manifest.
public struct BatchRun {
    public static let files = (counties: "county_panel.csv", agreements: "agreements_panel.csv",
                               lifetimes: "agreement_lifetimes.csv", history: "history.csv", manifest: "manifest.json")

    public let root: DataRoot
    public let folder: String
    public let threads: Int
    /// Where the sheets and the Census tables are read from when it holds them (`DerivedCache`).
    public let cache: DerivedCache

    public init(root: DataRoot, folder: String, threads: Int = 2, cache: DerivedCache = .off) {
        self.root = root
        self.folder = folder
        self.threads = threads
        self.cache = cache
    }

    public struct Summary: Sendable {
        public let sheets: Int
        public let countyRows: Int
        public let agreementRows: Int
        public let matchedRows: Int
        public let reusedRows: Int
        public let inputs: Int
    }

    @discardableResult
    /// `progress(label, done, total)` is called as sheets are read and as each is counted.
    public func write(to out: String, progress: (_ label: String, _ done: Int, _ total: Int) -> Void = { _, _, _ in }) throws -> Summary {
        let sheets = try HistorySheets.read(folder: folder, threads: threads, cache: cache) { progress("reading sheets", $0, $1) }
        let inputs = BatchInputs.list(sheets: sheets, root: root, folder: folder)
        let hashing = BatchHashing(inputs.map(\.absolutePath))
        let gazetteer = try Gazetteer.load(root, cache: cache)
        let matching = HistoryMatching(run: CoverageRun(gazetteer: gazetteer, threads: threads))
        let files = [Self.files.counties, Self.files.agreements, Self.files.lifetimes, Self.files.history, Self.files.manifest]
        let set = try AtomicFolder.Staging(to: out, names: files)
        // The county panel (4 rows per county and sheet) is written as it is made; the
        // agreements panel once every lifetime is known; both straight into the staged folder.
        let panels = try BatchPanels(countyFile: try HashingFileWriter(try set.url(Self.files.counties)))
        let total = sheets.participating.count
        let history = try History.build(sheets, matching: matching) { step in
            try set.writing { try panels.add(step) }
            progress("sheets", step.index + 1, total)
        }
        let counties = try set.writing { try panels.finishCounties() }
        Trace.mark("county panel written")
        let agreementFile = try HashingFileWriter(try set.url(Self.files.agreements))
        let agreementRows = try set.writing { () throws -> Int in
            let buffers = BufferPool()
            return try panels.agreementPanel().panel(threads: threads, buffers: buffers) { try agreementFile.write($0, returningTo: buffers) }
        }
        let agreementSHA = try set.writing { try agreementFile.finish().sha256 }
        Trace.mark("panels written")
        let lifetimes = try panels.agreementPanel().lifetimes()
        let outputs: [(name: String, data: Data, rows: Int)] = [
            (Self.files.lifetimes, lifetimes.data, lifetimes.rows),
            (Self.files.history, Data(HistoryOutput.csv(history).utf8), history.rows.count),
        ]
        for o in outputs { try set.write(o.name, o.data) }
        let manifest = BatchManifest.json(
            inputs: inputs, hashes: try hashing.wait(), populationVintage: history.populationVintage,
            outputs: [(Self.files.counties, counties.rows, counties.sha256), (Self.files.agreements, agreementRows, agreementSHA)]
                + outputs.map { ($0.name, $0.rows, SHA256.hex(of: $0.data)) })
        Trace.mark("inputs hashed")
        try set.write(Self.files.manifest, Data((manifest.rendered() + "\n").utf8))
        try set.publish()
        Trace.mark("folder published")
        return Summary(sheets: total, countyRows: counties.rows, agreementRows: agreementRows,
                       matchedRows: matching.matchedRows, reusedRows: matching.reusedRows, inputs: inputs.count)
    }
}
