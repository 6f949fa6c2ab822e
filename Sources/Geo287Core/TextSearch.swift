/// Substring search on UTF-8 bytes. Foundation's `String.contains(_:)` bridges to NSString and
/// was a third of a `coverage` run on short agency keys; this is a plain byte scan.
public enum TextSearch {
    public static func contains(_ text: String, _ needle: String) -> Bool {
        var t = text, n = needle
        return t.withUTF8 { tb in
            n.withUTF8 { nb in
                guard nb.count <= tb.count else { return false }
                guard let first = nb.first else { return true }
                var i = 0
                while i <= tb.count - nb.count {
                    if tb[i] == first {
                        var j = 1
                        while j < nb.count, tb[i + j] == nb[j] { j += 1 }
                        if j == nb.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}
