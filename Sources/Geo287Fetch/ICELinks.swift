import Foundation
import Geo287Sheets

/// ICE's 287(g) page and the sheet links on it.
public enum ICELinks {
    public static let pageURL = URL(string: "https://www.ice.gov/identify-and-arrest/287g")
    static let sheetFolder = "/doclib/about/offices/ero/287g/"

    /// A sheet link found on the page.
    public struct SheetLink: Sendable, Equatable {
        public let url: URL
        public let kind: SheetKind
        /// The last path segment, percent-decoded, with separators and control characters replaced
        /// (it becomes part of a file name and of what geo287 prints), as for archive captures.
        public var fileName: String { WaybackCDX.fileName(of: url.absoluteString) }
    }

    /// Every participating/pending sheet linked from `html`, in page order, without repeats.
    /// Accepts `href`s (quoted or not, absolute or site-relative) into ICE's 287(g) document
    /// folder that end in `.xlsx`; relative ones are resolved against `page`.
    public static func sheetLinks(in html: String, page: URL) -> [SheetLink] {
        var out: [SheetLink] = []
        for raw in hrefs(in: html) {
            let href = raw.replacingOccurrences(of: "&amp;", with: "&").trimmingCharacters(in: .whitespacesAndNewlines)
            let lower = href.lowercased()
            let path = String(lower.split(separator: "?", maxSplits: 1).first ?? "")
            let absolute = ["https://www.ice.gov", "http://www.ice.gov", "https://ice.gov", "http://ice.gov"]
                .contains { lower.hasPrefix($0 + sheetFolder) }
            guard absolute || lower.hasPrefix(sheetFolder), path.hasSuffix(".xlsx") else { continue }
            let base = absolute ? nil : page
            // Hrefs with raw spaces and the like are percent-encoded; well-formed ones are kept as written.
            let parsed = URL(string: href, relativeTo: base)
                ?? href.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed).flatMap { URL(string: $0, relativeTo: base) }
            guard let url = parsed?.absoluteURL, let kind = SheetName.kind(url.lastPathComponent) else { continue }
            let link = SheetLink(url: url, kind: kind)
            if !out.contains(link) { out.append(link) }
        }
        return out
    }

    /// The values of every `href` attribute, in order.
    static func hrefs(in html: String) -> [String] {
        var out: [String] = []
        let chars = Array(html.utf8)
        var i = 0
        while i + 4 < chars.count {
            guard (chars[i] | 0x20) == UInt8(ascii: "h"), (chars[i + 1] | 0x20) == UInt8(ascii: "r"),
                  (chars[i + 2] | 0x20) == UInt8(ascii: "e"), (chars[i + 3] | 0x20) == UInt8(ascii: "f") else { i += 1; continue }
            var j = i + 4
            while j < chars.count, chars[j] == 0x20 || chars[j] == 0x09 || chars[j] == 0x0A || chars[j] == 0x0D { j += 1 }
            guard j < chars.count, chars[j] == UInt8(ascii: "=") else { i += 4; continue }
            j += 1
            while j < chars.count, chars[j] == 0x20 || chars[j] == 0x09 || chars[j] == 0x0A || chars[j] == 0x0D { j += 1 }
            guard j < chars.count else { break }
            let quote = chars[j]
            let quoted = quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'")
            let start = quoted ? j + 1 : j
            var end = start
            while end < chars.count {
                let c = chars[end]
                if quoted ? c == quote : (c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == UInt8(ascii: ">")) { break }
                end += 1
            }
            out.append(String(decoding: chars[start..<end], as: UTF8.self))
            i = end
        }
        return out
    }

    /// The date in ICE's file name: the first run of exactly eight digits, read MMDDYYYY.
    public static func dateInICEName(_ name: String) -> SignedDate? {
        let chars = Array(name)
        var i = 0
        while i < chars.count {
            guard chars[i].isASCII, chars[i].isNumber else { i += 1; continue }
            var j = i
            while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
            if j - i == 8 {
                let digits = String(chars[i..<j])
                if let m = Int(digits.prefix(2)), let d = Int(digits.dropFirst(2).prefix(2)), let y = Int(digits.suffix(4)) {
                    return SignedDate(year: y, month: m, day: d)
                }
            }
            i = j
        }
        return nil
    }
}
