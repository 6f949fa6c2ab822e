import Geo287Core

/// XML text and number formatting for the SVG writer.
public enum SVGText {
    /// Escapes text for XML content and attribute values; drops characters XML 1.0 forbids.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out += " "
            default:
                let v = scalar.value
                let allowed = v >= 0x20 && !(0xD800...0xDFFF).contains(v) && v != 0xFFFE && v != 0xFFFF
                if allowed { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// A number with at most `decimals` decimals, trailing zeros trimmed ("12", "3.5", "-0.25").
    public static func number(_ d: Double, decimals: Int = 1) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        return fixed(Int((d * scale).rounded()), decimals: decimals)
    }

    /// `units` / 10^decimals written with trailing zeros trimmed.
    public static func fixed(_ units: Int, decimals: Int) -> String {
        if decimals == 0 { return String(units) }
        var p = 1
        for _ in 0..<decimals { p *= 10 }
        let negative = units < 0
        let m = negative ? -units : units
        var s = negative ? "-" : ""
        s += String(m / p)
        var frac = m % p
        if frac != 0 {
            var digits = decimals
            while frac % 10 == 0 { frac /= 10; digits -= 1 }
            let f = String(frac)
            s += "." + String(repeating: "0", count: digits - f.count) + f
        }
        return s
    }

    /// People with thousands separators.
    public static func people(_ n: Int) -> String { NumberText.grouped(n) }

    /// A share as a percentage for reading: "38.9%", "100%", "<0.1%".
    public static func percent(_ share: Double) -> String { NumberText.percent(share) }

    /// The width of a line of text in pixels, a little generous: DejaVu Sans advance widths
    /// (the font the maps ask for first, and wider than Helvetica or Arial) in classes: narrow
    /// letters and punctuation 0.34 em, m and w 0.96 em, other capitals 0.74 em, the rest 0.62 em.
    public static func width(_ s: String, fontSize: Double, bold: Bool = false) -> Double {
        var em = 0.0
        for ch in s.unicodeScalars {
            switch ch {
            case "i", "j", "l", "f", "t", "r", ".", ",", ":", ";", "'", "!", "|", "(", ")", "[", "]", " ", "I", "-": em += 0.34
            case "m", "w", "M", "W", "%", "—": em += 0.96
            case "A"..."Z": em += 0.74
            default: em += 0.62
            }
        }
        return em * fontSize * (bold ? 1.12 : 1)
    }
}
