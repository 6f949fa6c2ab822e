import Foundation
import Geo287Core

/// GET with retries and politeness: transient failures (timeouts, lost connections, HTTP 5xx
/// and 429, truncated bodies) are retried after `settings.retryDelays`; other 4xx fail at
/// once; requests to one host are spaced by `settings.politeDelay`. Used from one thread.
public final class HTTPClient {
    public let settings: FetchSettings
    private var lastRequest: [String: Date] = [:]
    /// Every URL requested, in order (attempts included).
    public private(set) var requested: [URL] = []

    public init(settings: FetchSettings) { self.settings = settings }

    /// The body of `url` (already mirror-resolved by the caller); throws a `DataError` naming
    /// the URL and what went wrong.
    public func get(_ url: URL, label: String? = nil) throws -> Data {
        var attempt = 0
        while true {
            waitPolitely(for: url)
            requested.append(url)
            let bar = settings.progress?(label ?? url.lastPathComponent)
            switch HTTPTransfer.get(url, settings: settings, progress: bar) {
            case .success(let data):
                return data
            case .failure(let f):
                if f.transient, attempt < settings.retryDelays.count {
                    let pause = settings.retryDelays[attempt]
                    if pause > 0 { Thread.sleep(forTimeInterval: pause) }
                    attempt += 1
                    continue
                }
                let tries = attempt > 0 ? " (after \(attempt + 1) attempts)" : ""
                throw DataError(url.absoluteString, f.message + tries)
            }
        }
    }

    private func waitPolitely(for url: URL) {
        let host = "\(url.host ?? ""):\(url.port ?? 0)"
        if let last = lastRequest[host], settings.politeDelay > 0 {
            let wait = settings.politeDelay - Date().timeIntervalSince(last)
            if wait > 0 { Thread.sleep(forTimeInterval: wait) }
        }
        lastRequest[host] = Date()
    }
}
