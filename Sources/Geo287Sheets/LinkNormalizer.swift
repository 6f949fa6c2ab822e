import Foundation

/// Normalizes MOA/ADDENDUM link targets:
/// - Outlook SafeLinks (`https://*.safelinks.protection.outlook.com/?url=…&data=…`) are
///   unwrapped to the percent-decoded `url` parameter;
/// - `chrome-extension://<id>/https:/…` (a PDF-viewer URL) is unwrapped to the document URL;
/// - a scheme with a single slash (`https:/www.ice.gov/…`) is repaired to `https://`;
/// - `http://www.ice.gov/…` and `http://ice.gov/…` are upgraded to `https://` (ICE serves
///   every document over https, and one spelling keeps URLs comparable across sheets);
/// - literal spaces are percent-encoded (`%20`), surrounding whitespace trimmed.
/// Wayback Machine URLs (the `-from-html` sheets) are kept as they are.
public enum LinkNormalizer {
    public static func normalize(_ raw: String) -> String {
        var s = Text.trim(raw)
        for _ in 0..<3 {
            let before = s
            s = unwrapSafeLinks(s)
            s = unwrapExtension(s)
            s = repairScheme(s)
            if s == before { break }
        }
        for prefix in ["http://www.ice.gov/", "http://ice.gov/"] where s.lowercased().hasPrefix(prefix) {
            s = "https://" + s.dropFirst("http://".count)
        }
        return s.replacingOccurrences(of: " ", with: "%20")
    }

    /// True when `raw` is an Outlook SafeLinks wrapper.
    public static func isSafeLink(_ raw: String) -> Bool {
        host(of: Text.trim(raw))?.hasSuffix("safelinks.protection.outlook.com") ?? false
    }

    static func unwrapSafeLinks(_ s: String) -> String {
        guard isSafeLink(s), let q = s.firstIndex(of: "?") else { return s }
        for pair in s[s.index(after: q)...].split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "url",
               let decoded = String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding {
                return Text.trim(decoded)
            }
        }
        return s
    }

    static func unwrapExtension(_ s: String) -> String {
        guard s.lowercased().hasPrefix("chrome-extension://") else { return s }
        let rest = s.dropFirst("chrome-extension://".count)
        guard let slash = rest.firstIndex(of: "/") else { return s }
        let inner = rest[rest.index(after: slash)...]
        return inner.lowercased().hasPrefix("http") ? String(inner) : s
    }

    static func repairScheme(_ s: String) -> String {
        for scheme in ["https:", "http:"] where s.lowercased().hasPrefix(scheme) {
            let rest = s.dropFirst(scheme.count)
            if rest.hasPrefix("//") { return s }
            let path = rest.drop { $0 == "/" || $0 == "\\" }
            return scheme + "//" + path
        }
        return s
    }

    static func host(of s: String) -> String? {
        guard let r = s.range(of: "://") else { return nil }
        let rest = s[r.upperBound...]
        let end = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        return rest[..<end].lowercased()
    }
}
