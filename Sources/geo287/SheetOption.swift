import ArgumentParser
import Foundation
import Geo287Core
import Geo287Sheets

/// `--sheet FILE` or `--as-of DATE`: the sheet a command works on (default: the newest
/// participating sheet in the data root). Every command that reads one sheet takes these.
struct SheetOption: ParsableArguments {
    @Option(name: .customLong("sheet"), help: "ICE sheet (.xlsx or .csv; a bare name is looked up in <data>/ice). Default: the newest participating sheet in <data>/ice.")
    var sheet: String?

    @Option(name: .customLong("as-of"), help: "Use the participating sheet current on this date (YYYY-MM-DD).")
    var asOf: String?

    func validate() throws {
        if sheet != nil && asOf != nil { throw ValidationError("give --sheet or --as-of, not both") }
        if let asOf { _ = try Self.date(asOf) }
    }

    func path(_ root: DataRoot) throws -> String {
        if let sheet { return try Self.resolve(sheet, root: root) }
        return try Self.newest(root, asOf: asOf.flatMap { SignedDate(iso: $0) })
    }

    func load(_ root: DataRoot) throws -> Sheet { try SheetReader.read(path: try path(root)) }

    /// The participating sheet and, when asked, the pending sheet ICE listed with it
    /// (`PendingPairing`: the same rule as history and batch).
    func loadWithPending(_ root: DataRoot, includePending: Bool) throws -> (participating: Sheet, pending: Sheet?) {
        let participating = try load(root)
        return (participating, includePending ? try Self.pending(for: participating, root) : nil)
    }

    /// The pending sheet ICE listed with `participating`; an error when there is none.
    static func pending(for participating: Sheet, _ root: DataRoot) throws -> Sheet {
        guard let pending = try SheetCatalog(root: root).pendingSheet(for: participating) else {
            throw DataError.missing(participating.path, "no pending sheet in <data>/ice listed with this sheet (ICE published none before March 2025)")
        }
        if let note = SheetFreshness.pendingNote(participating: participating.published, pendingPath: pending.path,
                                                 pending: pending.published) { warn(note) }
        return pending
    }

    /// A `--sheet` value: a file as given, else (a bare name) the file of that name in
    /// `<data>/ice` (when there is a data root). A folder is not one sheet.
    static func resolve(_ value: String, root: DataRoot?, argument: String = "--sheet") throws -> String {
        var path = value
        if !FileManager.default.fileExists(atPath: value), !value.contains("/"), let root, root.exists("ice/\(value)") {
            path = root.path("ice/\(value)")
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw ValidationError("\(argument) \(value) is a folder: give one sheet file")
        }
        return path
    }

    /// The newest participating sheet of the data root (on or before `asOf`), noting on stderr
    /// when it is old.
    static func newest(_ root: DataRoot, asOf: SignedDate?) throws -> String {
        let catalog = try SheetCatalog(root: root)
        let entry = try catalog.participating(asOf: asOf)
        for note in SheetFreshness.notes(catalog: catalog, asOf: asOf, today: SheetFreshness.today()) { warn(note) }
        return entry.path
    }

    /// A date option's value, `YYYY-MM-DD`.
    static func date(_ text: String, option: String = "--as-of") throws -> SignedDate {
        guard text.count == 10, let date = SignedDate(iso: text) else {
            throw ValidationError("\(option) must be a date YYYY-MM-DD, not '\(text)'")
        }
        return date
    }
}
