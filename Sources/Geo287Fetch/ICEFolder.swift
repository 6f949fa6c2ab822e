import Foundation
import Geo287Core
import Geo287Sheets

/// The `ice/` folder of the data root: which bytes it already holds (by SHA-256, subfolders
/// included) and how a new sheet is named. Never overwrites a file.
final class ICEFolder {
    let session: FetchSession
    /// SHA-256 → path of every file in `ice/`.
    private(set) var known: [String: String] = [:]
    /// Wayback digest (SHA-1, base 32) → path, computed on first use (history only).
    private var digests: [String: String]?
    private var files: [String] = []

    init(session: FetchSession) {
        self.session = session
        let folder = session.root.path("ice")
        let names = FileManager.default.enumerator(atPath: folder)?.allObjects.compactMap { $0 as? String } ?? []
        for name in names.sorted() where !(name as NSString).lastPathComponent.hasPrefix(".") {
            var isDir: ObjCBool = false
            let full = folder + "/" + name
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue,
                  let data = FileManager.default.contents(atPath: full) else { continue }
            remember(data, at: "ice/" + name)
        }
    }

    /// Where a capture or link is stored, and how it was dated.
    struct Origin {
        /// ICE's file name, e.g. `participatingAgencies05182026am.xlsx`.
        let name: String
        let kind: SheetKind
        /// Wayback capture time `YYYYMMDDhhmmss`, for history captures.
        let capture: String?
    }

    private func remember(_ data: Data, at path: String) {
        let sha = SHA256.hex(of: data)
        if known[sha] == nil { known[sha] = path }
        files.append(path)
        if digests != nil { let d = SHA1.base32(of: data); if digests?[d] == nil { digests?[d] = path } }
    }

    /// The file in `ice/` whose Wayback digest is `digest`, if any.
    func path(forDigest digest: String) -> String? {
        if digests == nil {
            var index: [String: String] = [:]
            for path in files {
                guard let data = FileManager.default.contents(atPath: session.root.path(path)) else { continue }
                let d = SHA1.base32(of: data)
                if index[d] == nil { index[d] = path }
            }
            digests = index
        }
        return digests?[digest]
    }

    /// Stores downloaded bytes: skipped if already present, `ice/<kind>-<date>.xlsx` if the
    /// sheet reader reads them, else `ice/unrecognized/<timestamp>-<name>`. Returns the path.
    @discardableResult
    func store(_ data: Data, origin: Origin) throws -> String {
        if let path = known[SHA256.hex(of: data)] {
            session.skipped(path)
            return path
        }
        let tmp = try FetchFiles.writeTemporary(data, beside: session.root.path("ice/" + origin.name))
        defer { FetchFiles.remove(tmp) }
        let sheet: Sheet
        do {
            sheet = try SheetReader.read(path: tmp, kind: origin.kind)
        } catch {
            let reason = (error as? DataError)?.message ?? "\(error)"
            let stamp = origin.capture ?? Self.utcStamp()
            let path = try place(tmp, candidates: numbered("ice/unrecognized/\(stamp)-\((origin.name as NSString).deletingPathExtension)",
                                                          ext: (origin.name as NSString).pathExtension))
            remember(data, at: path)
            session.unrecognized(path, reason: reason)
            return path
        }
        let (date, time) = try dating(sheet, origin: origin)
        var names = ["ice/\(origin.kind.rawValue)-\(date).xlsx"]
        let base = "ice/\(origin.kind.rawValue)-\(date)" + (time.map { "-\($0)" } ?? "")
        names += numbered(base, ext: "xlsx").filter { $0 != names[0] }
        let path = try place(tmp, candidates: names)
        remember(data, at: path)
        session.fetched(path)
        return path
    }

    /// docProps modified (UTC), else the date in ICE's file name, else the capture date, else today.
    private func dating(_ sheet: Sheet, origin: Origin) throws -> (SignedDate, String?) {
        if let stamp = sheet.publishedTimestamp, let utc = DocPropsTime.utc(stamp) { return (utc.date, utc.time) }
        if let date = ICELinks.dateInICEName(origin.name) {
            session.note("\(origin.name): no docProps modified time; dated by ICE's file name (\(date))")
            return (date, nil)
        }
        let stamp = origin.capture ?? Self.utcStamp()
        let iso = "\(stamp.prefix(4))-\(stamp.dropFirst(4).prefix(2))-\(stamp.dropFirst(6).prefix(2))"
        guard let date = SignedDate(iso: iso) else {
            throw DataError(origin.name, "cannot date this sheet (no docProps modified time, no date in the name)")
        }
        let how = origin.capture == nil ? "the download date" : "the capture date"
        session.note("\(origin.name): no docProps modified time and no date in the name; dated by \(how)")
        return (date, String(stamp.dropFirst(8).prefix(6)))
    }

    private func numbered(_ base: String, ext: String) -> [String] {
        let dot = ext.isEmpty ? "" : "." + ext
        return ["\(base)\(dot)"] + (2...99).map { "\(base)-\($0)\(dot)" }
    }

    /// Links the temporary file to the first free candidate name.
    private func place(_ tmp: String, candidates: [String]) throws -> String {
        for relative in candidates {
            let final = session.root.path(relative)
            try FetchFiles.createFolder(for: final)
            if try FetchFiles.commitNew(tmp, to: final) { return relative }
        }
        throw DataError(session.root.path(candidates.first ?? "ice"), "every candidate name is taken")
    }

    /// Now, UTC, as `YYYYMMDDhhmmss`.
    static func utcStamp(_ date: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMddHHmmss"
        return formatter.string(from: date)
    }
}
