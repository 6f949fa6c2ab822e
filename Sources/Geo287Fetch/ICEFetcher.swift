import Foundation
import Geo287Core

/// ICE's sheets: the ones linked from the 287(g) page now, or (`history`) every capture the
/// Internet Archive holds. Each is stored once, by its bytes, under its publication date.
public enum ICEFetcher {
    public static func fetchCurrent(in session: FetchSession) throws {
        guard let page = ICELinks.pageURL else { return }
        let shownPage = session.settings.resolve(page).absoluteString
        let html = String(decoding: try session.download(page, label: "287(g) page"), as: UTF8.self)
        let links = ICELinks.sheetLinks(in: html, page: page)
        guard !links.isEmpty else {
            throw DataError(shownPage, "no participating or pending sheet link (…/doclib/about/offices/ero/287g/*.xlsx) "
                + "on the page; ICE may have changed its layout")
        }
        let folder = ICEFolder(session: session)
        var broken: DataError?
        for link in links {
            if session.settings.dryRun {
                let date = ICELinks.dateInICEName(link.fileName).map(\.description) ?? "<date>"
                session.planned(link.url, "ice/\(link.kind.rawValue)-\(date).xlsx (final date from docProps)")
                continue
            }
            let data = try session.download(link.url, label: link.fileName)
            let before = session.report.unrecognized.count
            let path = try folder.store(data, origin: .init(name: link.fileName, kind: link.kind, capture: nil))
            if broken == nil, session.report.unrecognized.count > before, let kept = session.report.unrecognized.last {
                broken = DataError(session.settings.resolve(link.url).absoluteString,
                                   "not a readable 287(g) sheet (\(kept.reason)); kept as \(path)")
            }
        }
        // A sheet ICE links now must be readable: kept for inspection, but the run fails.
        if let broken { throw broken }
    }

    public static func fetchHistory(in session: FetchSession) throws {
        guard let index = WaybackCDX.indexURL else { return }
        let shownIndex = session.settings.resolve(index).absoluteString
        let captures = try WaybackCDX.sheetCaptures(try session.download(index, label: "Wayback CDX index"), source: shownIndex)
        let folder = ICEFolder(session: session)
        var seen: [String: String] = [:]  // digest → path, this run
        var planned: Set<String> = []
        for capture in captures {
            guard let raw = capture.rawURL else {
                throw DataError(capture.original, "cannot form the Wayback URL of this capture")
            }
            if let digest = capture.digest, !digest.isEmpty,
               let path = seen[digest] ?? folder.path(forDigest: digest) {
                session.skipped(path)
                continue
            }
            if session.settings.dryRun {
                if let digest = capture.digest, !planned.insert(digest).inserted { continue }
                session.planned(raw, "ice/ (\(capture.kind.rawValue) sheet captured \(capture.timestamp), dated by docProps)")
                continue
            }
            let data = try session.download(raw, label: "\(capture.timestamp) \(capture.fileName)")
            let path = try folder.store(data, origin: .init(name: capture.fileName, kind: capture.kind, capture: capture.timestamp))
            if let digest = capture.digest { seen[digest] = path }
        }
        if captures.isEmpty { session.note("the Wayback index lists no participating or pending .xlsx capture") }
    }
}
