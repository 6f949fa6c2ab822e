import Geo287Core
/// Text hygiene shared by the reader: trimming (incl. NBSP and newlines), whitespace
/// collapsing and the agency key.
enum Text {
    /// Trims whitespace of every kind (spaces, NBSP, tabs, newlines) from both ends.
    static func trim(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return s }
        if !isSpace(first), !isSpace(last) { return s }
        var scalars = Substring(s).unicodeScalars
        while let f = scalars.first, isSpace(f) { scalars.removeFirst() }
        while let l = scalars.last, isSpace(l) { scalars.removeLast() }
        return String(scalars)
    }

    /// Whitespace of any kind; ASCII is decided without a Unicode property lookup.
    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        return v == 0xA0 || scalar.properties.isWhitespace
    }

    /// True when `s` is already collapsed: ASCII, single inner spaces, no tabs or newlines,
    /// nothing to trim.
    private static func isCollapsedASCII(_ s: String) -> Bool {
        var previousSpace = true
        for b in s.utf8 {
            if b >= 0x80 || (b < 0x20) { return false }
            if b == 0x20 {
                if previousSpace { return false }
                previousSpace = true
            } else {
                previousSpace = false
            }
        }
        return !previousSpace || s.isEmpty
    }

    /// Trims and turns every run of whitespace (incl. NBSP) into one plain space.
    static func collapse(_ s: String) -> String {
        if isCollapsedASCII(s) { return s }
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in s.unicodeScalars {
            if isSpace(scalar) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// The agency key: lower case, curly quotes straightened, whitespace collapsed, and
    /// `Dept`/`Dept.` spelled `department`, so spelling variants of one agency compare equal.
    static func agencyKey(_ name: String) -> String {
        var source = name
        if name.utf8.contains(where: { $0 >= 0x80 }) {
            var s = String.UnicodeScalarView()
            for scalar in name.unicodeScalars {
                switch scalar {
                case "\u{2019}", "\u{2018}", "\u{02BC}", "\u{00B4}": s.append("'")
                case "\u{201C}", "\u{201D}": s.append("\"")
                case "\u{2013}", "\u{2014}": s.append("-")
                default: s.append(scalar)
                }
            }
            source = String(s)
        }
        let key = collapse(source.replacingBackticks).lowercased()
        guard TextSearch.contains(key, "dept") else { return key }
        return key.split(separator: " ").map { word -> String in
            if word == "dept" || word == "dept." { return "department" }
            if word.hasPrefix("dept."), word.count > 5 { return "department " + word.dropFirst(5) }
            return String(word)
        }.joined(separator: " ")
    }
}

extension String {
    fileprivate var replacingBackticks: String {
        utf8.contains(UInt8(ascii: "`")) ? String(map { $0 == "`" ? "'" : $0 }) : self
    }
}
