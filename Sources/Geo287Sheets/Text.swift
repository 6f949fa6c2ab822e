import Geo287Core
/// Text hygiene shared by the reader: trimming (incl. NBSP and newlines), whitespace
/// collapsing and the agency key.
enum Text {
    /// Trims whitespace of every kind (spaces, NBSP, tabs, newlines) from both ends.
    static func trim(_ s: String) -> String {
        // Visible ASCII at both ends (the common case): nothing to trim, no Unicode work.
        let u = s.utf8
        if let f = u.first, let l = u.last, f > 0x20, f < 0x80, l > 0x20, l < 0x80 { return s }
        // ASCII whitespace at the ends with ASCII inside them: trimmed by bytes.
        var start = u.startIndex, end = u.endIndex
        while start < end, isASCIISpace(u[start]) { start = u.index(after: start) }
        while start < end, isASCIISpace(u[u.index(before: end)]) { end = u.index(before: end) }
        if start == end { return "" }
        if u[start] < 0x80, u[u.index(before: end)] < 0x80 { return String(Substring(u[start..<end])) }
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return s }
        if !isSpace(first), !isSpace(last) { return s }
        var scalars = Substring(s).unicodeScalars
        while let f = scalars.first, isSpace(f) { scalars.removeFirst() }
        while let l = scalars.last, isSpace(l) { scalars.removeLast() }
        return String(scalars)
    }

    /// ASCII whitespace: space, tab, newline, vertical tab, form feed, carriage return.
    @inline(__always)
    private static func isASCIISpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

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
}
