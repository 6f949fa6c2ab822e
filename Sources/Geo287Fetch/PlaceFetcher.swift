import Foundation
import Geo287Census
import Geo287Core

/// Fetches place zips. Pinned states are verified by SHA-256; for the unpinned ones the zip
/// must hold a readable `tl_2019_SS_place` shapefile (every member CRC-checked, every record
/// read), and the report says the checksum was not pinned.
public enum PlaceFetcher {
    public static func fetch(_ states: [USState], in session: FetchSession) throws {
        for state in states {
            guard let file = PlaceDownloads.file(fips: state.fips), let url = PlaceDownloads.url(fips: state.fips) else {
                throw DataError(state.usps, "the catalog has no place zip for this state")
            }
            let pinned = !PlaceDownloads.unpinnedFIPS.contains(state.fips)
            try fetch(url: url, file: file, stem: "tl_2019_\(state.fips)_place", pinned: pinned, in: session)
        }
    }

    static func fetch(url: URL, file: DataFile, stem: String, pinned: Bool, in session: FetchSession) throws {
        let final = session.root.path(file.path)
        if let sha = file.sha256, session.present(file.path, sha256: sha) { return session.skipped(file.path) }
        if !pinned, session.root.exists(file.path), (try? checkShapefileZip(final, stem: stem)) != nil {
            session.note(notPinned(file.path, "already present and readable"))
            return session.skipped(file.path)
        }
        if session.settings.dryRun { return session.planned(url, file.path) }
        let data = try session.download(url, label: url.lastPathComponent)
        let shown = session.settings.resolve(url).absoluteString
        let matchesCatalog = file.sha256.map { SHA256.hex(of: data) == $0 } ?? false
        if pinned {
            try CensusFetcher.verify(data, file, url: shown)
        }
        let tmp = try FetchFiles.writeTemporary(data, beside: final)
        defer { FetchFiles.remove(tmp) }
        if !pinned && !matchesCatalog {
            do { try checkShapefileZip(tmp, stem: stem) } catch let e as DataError {
                throw DataError(shown, "not a usable place zip (\(e.message)); nothing written")
            }
            session.note(notPinned(file.path, "checked as a readable shapefile zip instead"))
        }
        try FetchFiles.commit(tmp, to: final)
        session.fetched(file.path)
    }

    static func notPinned(_ path: String, _ how: String) -> String {
        "\(path): SHA-256 not pinned (the reference copy is a rebuilt zip); \(how)"
    }

    /// Throws unless the zip holds `stem`.shp/.shx/.dbf, every member inflates with a good CRC,
    /// and the shapefile reader reads its records and polygons.
    static func checkShapefileZip(_ path: String, stem: String) throws {
        let zip = try ZipFile(path: path)
        let members = zip.memberPaths
        for ext in ["shp", "shx", "dbf"] where !members.contains("\(stem).\(ext)") {
            throw DataError(path, "zip has no \(stem).\(ext)")
        }
        try ZipIntegrity.check(path)
        let layer = try ShapefileReader.read(path)
        guard !layer.features.isEmpty else { throw DataError(path, "shapefile has no records") }
    }
}
