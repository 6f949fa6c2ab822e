import Foundation
import Geo287Core

/// How downloads behave: timeouts, retries, politeness, mirror, dry run. The defaults are the
/// command line's; tests shorten the delays to zero.
public struct FetchSettings: Sendable {
    /// Seconds a request may wait for an answer (or for the next bytes) before it is retried.
    public var timeout: Double = 60
    /// Pauses before the 2nd, 3rd, … attempt of a request that failed transiently (timeouts,
    /// connection errors, HTTP 5xx and 429, truncated bodies); `count + 1` attempts in all.
    public var retryDelays: [Double] = [1, 2]
    /// Minimum seconds between two requests to the same host.
    public var politeDelay: Double = 1
    /// Fetch every URL from this host instead (scheme, host and port replaced; its path, if any,
    /// is put in front of each URL's path).
    public var mirror: URL?
    /// List what would be fetched (URL → path) without downloading files or writing anything.
    public var dryRun = false
    /// Makes a progress report for a download (given its label); nil: none. The command line
    /// draws a bar on standard error with it, for terminals only.
    public var progress: (@Sendable (_ label: String) -> any TransferProgress)?
    /// Refuse response bodies larger than this (the largest Census file is ~40 MB).
    public var maxBytes = 1 << 30
    public var userAgent = "geo287/\(Geo287Version.string) (287(g) coverage research tool)"

    public init() {}

    /// `url` as it is requested: through the mirror when there is one.
    public func resolve(_ url: URL) -> URL {
        guard let mirror else { return url }
        return MirrorRewrite.rewrite(url, mirror: mirror)
    }
}

/// What a download reports as its bytes arrive.
public protocol TransferProgress: AnyObject, Sendable {
    func update(received: Int64, expected: Int64?)
    /// The transfer ended (done or failed).
    func finish()
}

/// Replaces the scheme, host and port of a URL with a mirror's, keeping path and query.
public enum MirrorRewrite {
    public static func rewrite(_ url: URL, mirror: URL) -> URL {
        guard var parts = URLComponents(url: url, resolvingAgainstBaseURL: true),
              let base = URLComponents(url: mirror, resolvingAgainstBaseURL: true) else { return url }
        parts.scheme = base.scheme
        parts.host = base.host
        parts.port = base.port
        parts.user = nil
        parts.password = nil
        var prefix = base.percentEncodedPath
        while prefix.hasSuffix("/") { prefix.removeLast() }
        if !prefix.isEmpty { parts.percentEncodedPath = prefix + parts.percentEncodedPath }
        return parts.url ?? url
    }

    /// Checks a `--mirror` value: an absolute http(s) URL with a host.
    public static func parse(_ text: String) throws -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty else {
            throw DataError.usage(text, "--mirror must be an http or https URL such as http://127.0.0.1:8080")
        }
        return url
    }
}
