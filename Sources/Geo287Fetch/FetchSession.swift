import Foundation
import Geo287Core

/// One `geo287 data fetch` run: the data root, the HTTP client and the report being built.
/// Used from one thread.
public final class FetchSession {
    public let root: DataRoot
    public let client: HTTPClient
    public private(set) var report = FetchReport()

    public var settings: FetchSettings { client.settings }

    public init(root: DataRoot, settings: FetchSettings) {
        self.root = root
        self.client = HTTPClient(settings: settings)
    }

    /// Downloads `url` (resolved through the mirror), labelled for the progress bar.
    func download(_ url: URL, label: String? = nil) throws -> Data {
        try client.get(settings.resolve(url), label: label)
    }

    func fetched(_ path: String) { report.fetched.append(path) }
    func skipped(_ path: String) { if !report.skipped.contains(path) { report.skipped.append(path) } }
    func planned(_ url: URL, _ path: String) {
        report.planned.append(.init(url: settings.resolve(url).absoluteString, path: path))
    }
    func unrecognized(_ path: String, reason: String) { report.unrecognized.append((path, reason)) }
    func note(_ text: String) { if !report.notes.contains(text) { report.notes.append(text) } }

    /// Whether the file at `relative` exists with SHA-256 `sha256`.
    func present(_ relative: String, sha256: String) -> Bool {
        root.exists(relative) && (try? SHA256.hex(ofFile: root.path(relative))) == sha256
    }
}
