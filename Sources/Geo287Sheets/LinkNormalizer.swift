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
        isAlreadyNormal(raw) ? raw : normalizeFully(raw)
    }

    /// `normalize` without the shortcut on `raw` (each round still stops at an already-normal
    /// URL, where another round would change nothing).
    static func normalizeFully(_ raw: String) -> String {
        var s = Text.trim(raw)
        for _ in 0..<3 {
            if isAlreadyNormal(s) { return s }
            let before = s
            s = unwrapSafeLinks(s)
            s = unwrapExtension(s)
            s = repairScheme(s)
            if s == before { break }
        }
        for prefix in ["http://www.ice.gov/", "http://ice.gov/"] where hasPrefixIgnoringCase(s, prefix) {
            s = "https://" + s.dropFirst("http://".count)
        }
        guard s.utf8.contains(0x20) else { return s }
        return s.split(separator: " ", omittingEmptySubsequences: false).joined(separator: "%20")
    }

    /// True when `normalize` would return `raw` unchanged, decided in one pass over its bytes:
    /// an `https://` URL (any case) ending in a visible ASCII character (nothing to trim), whose
    /// host is not SafeLinks' and which holds no space. Most cells of a sheet are such URLs.
    static func isAlreadyNormal(_ raw: String) -> Bool {
        var raw = raw
        return raw.withUTF8 { b in
            let scheme = "https://".utf8
            guard b.count > scheme.count, let last = b.last, last > 0x20, last < 0x80 else { return false }
            for (k, want) in scheme.enumerated() where lowerASCII(b[k]) != want { return false }
            var hostEnd = scheme.count
            while hostEnd < b.count, b[hostEnd] != UInt8(ascii: "/"), b[hostEnd] != UInt8(ascii: "?"),
                  b[hostEnd] != UInt8(ascii: "#") { hostEnd += 1 }
            let safeLinks = "safelinks.protection.outlook.com".utf8
            if hostEnd - scheme.count >= safeLinks.count {
                var k = hostEnd - safeLinks.count
                var same = true
                for want in safeLinks {
                    if lowerASCII(b[k]) != want { same = false; break }
                    k += 1
                }
                if same { return false }
            }
            return !b.contains(0x20)
        }
    }

    /// True when `raw` is an Outlook SafeLinks wrapper.
    public static func isSafeLink(_ raw: String) -> Bool {
        guard let host = host(of: raw) else { return false }
        return hasSuffixIgnoringCase(host, "safelinks.protection.outlook.com")
    }

    static func unwrapSafeLinks(_ s: String) -> String {
        guard isSafeLink(s), let q = s.utf8.firstIndex(of: UInt8(ascii: "?")) else { return s }
        let u = s.utf8
        var start = u.index(after: q)
        while start < u.endIndex {
            let end = u[start...].firstIndex(of: UInt8(ascii: "&")) ?? u.endIndex
            let pair = u[start..<end]
            if hasPrefixIgnoringCase(Substring(pair), "url="), let decoded = percentDecode(pair.dropFirst(4)) {
                return Text.trim(decoded)
            }
            start = end == u.endIndex ? end : u.index(after: end)
        }
        return s
    }

    static func unwrapExtension(_ s: String) -> String {
        guard hasPrefixIgnoringCase(s, "chrome-extension://") else { return s }
        let rest = s.dropFirst("chrome-extension://".count)
        guard let slash = rest.firstIndex(of: "/") else { return s }
        let inner = rest[rest.index(after: slash)...]
        return hasPrefixIgnoringCase(inner, "http") ? String(inner) : s
    }

    static func repairScheme(_ s: String) -> String {
        for scheme in ["https:", "http:"] where hasPrefixIgnoringCase(s, scheme) {
            let rest = s.dropFirst(scheme.count)
            if rest.hasPrefix("//") { return s }
            let path = rest.drop { $0 == "/" || $0 == "\\" }
            return scheme + "//" + path
        }
        return s
    }

    /// The authority part after `scheme://`, if any.
    static func host(of s: String) -> Substring? {
        let u = s.utf8
        guard let colon = u.firstIndex(of: UInt8(ascii: ":")), u[colon...].starts(with: "://".utf8) else { return nil }
        let rest = u[u.index(colon, offsetBy: 3)...]
        let end = rest.firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }
            ?? rest.endIndex
        return Substring(rest[..<end])
    }

    /// `%XX` decoding (`+` is a space, as in form-encoded query strings); nil if malformed.
    static func percentDecode(_ s: Substring.UTF8View) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var it = s.makeIterator()
        while let b = it.next() {
            switch b {
            case UInt8(ascii: "%"):
                guard let h = it.next().flatMap(hex), let l = it.next().flatMap(hex) else { return nil }
                out.append(h << 4 | l)
            case UInt8(ascii: "+"):
                out.append(0x20)
            default:
                out.append(b)
            }
        }
        return String(validating: out, as: UTF8.self)
    }

    private static func hex(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: b - 0x30
        case 0x41...0x46: b - 0x37
        case 0x61...0x66: b - 0x57
        default: nil
        }
    }

    static func hasPrefixIgnoringCase<S: StringProtocol>(_ s: S, _ prefix: String) -> Bool {
        var a = s.utf8.makeIterator()
        for p in prefix.utf8 {
            guard let c = a.next(), lowerASCII(c) == lowerASCII(p) else { return false }
        }
        return true
    }

    static func hasSuffixIgnoringCase<S: StringProtocol>(_ s: S, _ suffix: String) -> Bool {
        var a = s.utf8.reversed().makeIterator()
        for p in suffix.utf8.reversed() {
            guard let c = a.next(), lowerASCII(c) == lowerASCII(p) else { return false }
        }
        return true
    }

    private static func lowerASCII(_ b: UInt8) -> UInt8 { (0x41...0x5A).contains(b) ? b + 0x20 : b }
}
