import Geo287Geometry

/// SVG path data in pixels at 0.1 px: absolute start, then relative steps between rounded
/// points, so two rings that share an arc draw it through exactly the same pixels.
public enum PathData {
    /// Appends a closed ring (`M … l … z`); rings of fewer than three distinct rounded points
    /// are skipped.
    public static func appendRing(_ pts: [Coordinate], to out: inout String) {
        let q = quantize(pts)
        guard q.count >= 3 else { return }
        out += "M" + SVGText.fixed(q[0].0, decimals: 1) + " " + SVGText.fixed(q[0].1, decimals: 1) + "l"
        appendSteps(q, to: &out)
        out += "z"
    }

    /// Appends an open line (`M … l …`).
    public static func appendLine(_ pts: [Coordinate], to out: inout String) {
        let q = quantize(pts)
        guard q.count >= 2 else { return }
        out += "M" + SVGText.fixed(q[0].0, decimals: 1) + " " + SVGText.fixed(q[0].1, decimals: 1) + "l"
        appendSteps(q, to: &out)
    }

    private static func appendSteps(_ q: [(Int, Int)], to out: inout String) {
        for i in 1..<q.count {
            if i > 1 { out += " " }
            out += SVGText.fixed(q[i].0 - q[i - 1].0, decimals: 1) + " " + SVGText.fixed(q[i].1 - q[i - 1].1, decimals: 1)
        }
    }

    /// Points in tenths of a pixel, without repeats (and without the closing repeat).
    static func quantize(_ pts: [Coordinate]) -> [(Int, Int)] {
        var q: [(Int, Int)] = []
        q.reserveCapacity(pts.count)
        for p in pts {
            guard p.x.isFinite, p.y.isFinite else { continue }
            let c = (Int((p.x * 10).rounded()), Int((p.y * 10).rounded()))
            if let last = q.last, last == c { continue }
            q.append(c)
        }
        if q.count > 1, let f = q.first, let l = q.last, f == l { q.removeLast() }
        return q
    }

    /// Twice the signed area of a ring in pixels (for dropping specks).
    static func area(_ pts: [Coordinate]) -> Double {
        guard pts.count >= 3 else { return 0 }
        var s = 0.0
        for i in 0..<pts.count {
            let a = pts[i], b = pts[(i + 1) % pts.count]
            s += a.x * b.y - b.x * a.y
        }
        return abs(s) / 2
    }
}
