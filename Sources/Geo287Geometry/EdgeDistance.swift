import Foundation

/// Distance from a point to the nearest edge of a polygon, in metres, on a local
/// equirectangular plane around the point (longitude scaled by the cosine of its latitude):
/// within a fraction of a percent over the few kilometres it is used for.
public enum EdgeDistance {
    static let metresPerDegree = 111_195.0

    public static func metres(from p: Coordinate, to shape: MultiPolygon) -> Double {
        let kx = cos(p.y * .pi / 180) * metresPerDegree, ky = metresPerDegree
        var best = Double.infinity
        for polygon in shape.polygons {
            for ring in [polygon.shell] + polygon.holes {
                let pts = ring.points
                guard pts.count > 1 else { continue }
                for i in 1..<pts.count {
                    let ax = (pts[i - 1].x - p.x) * kx, ay = (pts[i - 1].y - p.y) * ky
                    let bx = (pts[i].x - p.x) * kx, by = (pts[i].y - p.y) * ky
                    best = min(best, segment(ax, ay, bx, by))
                }
            }
        }
        return best
    }

    /// Distance from the origin to the segment a–b.
    static func segment(_ ax: Double, _ ay: Double, _ bx: Double, _ by: Double) -> Double {
        let dx = bx - ax, dy = by - ay
        let length2 = dx * dx + dy * dy
        let t = length2 > 0 ? max(0, min(1, -(ax * dx + ay * dy) / length2)) : 0
        let x = ax + t * dx, y = ay + t * dy
        return (x * x + y * y).squareRoot()
    }
}
