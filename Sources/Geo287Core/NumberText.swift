/// Numbers as people read them. One implementation for tables, maps and charts.
public enum NumberText {
    /// Thousands separated by commas: 130,091,839; -123 (the sign stays outside the groups).
    public static func grouped(_ n: Int) -> String {
        let digits = Array(String(n.magnitude))
        var out = ""
        out.reserveCapacity(digits.count + digits.count / 3 + 1)
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return (n < 0 ? "-" : "") + out
    }
}
