import Foundation
import Geo287Census
import Geo287Core

/// Fetches Census downloads into the data root, verifying every file against its SHA-256.
/// Files already present with the right SHA-256 are skipped; for a zip, the members are
/// verified in full before any of them takes its final name.
public enum CensusFetcher {
    /// Every catalog download (`CensusDownloads.all`), plus a note that the crosswalk is not fetched.
    public static func fetchCatalog(in session: FetchSession) throws {
        try fetch(CensusDownloads.all, in: session)
        session.note(CensusDownloads.crosswalkNote)
    }

    public static func fetch(_ downloads: [CensusDownload], in session: FetchSession) throws {
        for download in downloads { try fetch(download, in: session) }
    }

    static func fetch(_ d: CensusDownload, in session: FetchSession) throws {
        let wanted = d.files.filter { f in
            guard let sha = f.sha256 else { return !session.root.exists(f.path) }
            return !session.present(f.path, sha256: sha)
        }
        for f in d.files where !wanted.contains(where: { $0.path == f.path }) { session.skipped(f.path) }
        guard !wanted.isEmpty else { return }
        if session.settings.dryRun {
            session.planned(d.url, wanted.map(\.path).joined(separator: ", "))
            return
        }
        let data = try session.download(d.url, label: d.url.lastPathComponent)
        let url = session.settings.resolve(d.url).absoluteString
        switch d.packaging {
        case .file:
            guard wanted.count == 1, let file = wanted.first else {
                throw DataError(url, "a single-file download must name exactly one file (\(d.id))")
            }
            try verify(data, file, url: url)
            try FetchFiles.write(data, to: session.root.path(file.path))
            session.fetched(file.path)
        case .zip:
            try extract(zipData: data, named: d.url.lastPathComponent, wanted, url: url, session: session)
        }
    }

    static func verify(_ data: Data, _ file: DataFile, url: String) throws {
        guard let want = file.sha256 else { return }
        let got = SHA256.hex(of: data)
        guard got == want else {
            throw DataError(url, "SHA-256 of \(file.path) is \(got), the catalog pins \(want); nothing written")
        }
    }

    /// Zip → temporary file → members read and verified → temporary member files → renamed into place.
    static func extract(zipData: Data, named zipName: String, _ wanted: [DataFile], url: String,
                        session: FetchSession) throws {
        guard let first = wanted.first else { return }
        let folder = (session.root.path(first.path) as NSString).deletingLastPathComponent
        let zipTmp = try FetchFiles.writeTemporary(zipData, beside: folder + "/" + zipName)
        defer { FetchFiles.remove(zipTmp) }
        let zip: ZipFile
        do { zip = try ZipFile(path: zipTmp) } catch { throw DataError(url, "not a zip archive; nothing written") }
        let members = zip.memberPaths
        var contents: [(DataFile, Data)] = []
        for f in wanted {
            let name = (f.path as NSString).lastPathComponent
            guard let member = members.first(where: { ($0 as NSString).lastPathComponent == name }) else {
                throw DataError(url, "zip has no member \(name); nothing written")
            }
            let bytes: Data
            do { bytes = try zip.read(member) } catch let e as DataError {
                throw DataError(url, "\(e.message); nothing written")
            }
            try verify(bytes, f, url: url)
            contents.append((f, bytes))
        }
        var temps: [(tmp: String, path: String)] = []
        defer { for t in temps { FetchFiles.remove(t.tmp) } }
        for (f, bytes) in contents {
            let final = session.root.path(f.path)
            temps.append((try FetchFiles.writeTemporary(bytes, beside: final), f.path))
        }
        for t in temps {
            try FetchFiles.commit(t.tmp, to: session.root.path(t.path))
            session.fetched(t.path)
        }
    }
}
