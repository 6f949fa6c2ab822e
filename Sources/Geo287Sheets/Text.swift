/// Text hygiene shared by the reader: trimming (incl. NBSP and newlines), whitespace
/// collapsing and the agency key.
enum Text {
    /// Trims whitespace of every kind (spaces, NBSP, tabs, newlines) from both ends.
    static func trim(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return s }
        if !first.properties.isWhitespace, !last.properties.isWhitespace { return s }
        var scalars = Substring(s).unicodeScalars
        while let f = scalars.first, f.properties.isWhitespace { scalars.removeFirst() }
        while let l = scalars.last, l.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }

    /// Trims and turns every run of whitespace (incl. NBSP) into one plain space.
    static func collapse(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in s.unicodeScalars {
            if scalar.properties.isWhitespace {
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
        var s = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            switch scalar {
            case "\u{2019}", "\u{2018}", "\u{02BC}", "`", "\u{00B4}": s.append("'")
            case "\u{201C}", "\u{201D}": s.append("\"")
            case "\u{2013}", "\u{2014}": s.append("-")
            default: s.append(scalar)
            }
        }
        let words = collapse(String(s)).lowercased().split(separator: " ")
        return words.map { word -> String in
            if word == "dept" || word == "dept." { return "department" }
            if word.hasPrefix("dept."), word.count > 5 { return "department " + word.dropFirst(5) }
            return String(word)
        }.joined(separator: " ")
    }
}
