import Geo287Geometry

/// A rectangle on the page, in pixels, y down.
public struct PixelRect: Sendable, Equatable {
    public var x: Double, y: Double, width: Double, height: Double
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }
}

/// Projected metres to page pixels: uniform scale, y flipped.
public struct Affine: Sendable, Equatable {
    public var scale: Double, tx: Double, ty: Double

    public func apply(_ c: Coordinate) -> Coordinate { Coordinate(c.x * scale + tx, ty - c.y * scale) }

    /// Fits `box` centred in `rect`; never larger than `maxScale` when given.
    public static func fit(_ box: BoundingBox, into rect: PixelRect, maxScale: Double? = nil) -> Affine {
        guard !box.isEmpty, box.width > 0 || box.height > 0 else {
            return Affine(scale: 1, tx: rect.x + rect.width / 2, ty: rect.y + rect.height / 2)
        }
        var s = min(box.width > 0 ? rect.width / box.width : .infinity, box.height > 0 ? rect.height / box.height : .infinity)
        if let maxScale { s = min(s, maxScale) }
        let cx = (box.minX + box.maxX) / 2, cy = (box.minY + box.maxY) / 2
        return Affine(scale: s, tx: rect.x + rect.width / 2 - cx * s, ty: rect.y + rect.height / 2 + cy * s)
    }

    /// The pixel rectangle a projected box lands on.
    public func rect(of box: BoundingBox) -> PixelRect {
        let a = apply(Coordinate(box.minX, box.maxY)), b = apply(Coordinate(box.maxX, box.minY))
        return PixelRect(x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y)
    }
}

/// Where the lower 48 and the Alaska, Hawaii and Puerto Rico insets go on the national page,
/// the way US election maps place them: Alaska at 35% scale under California, Hawaii at full
/// scale beside it, Puerto Rico (1.5×) under Florida's tip, each in its own Albers / state plane.
public enum NationalLayout {
    public static let alaskaScale = 0.35
    public static let hawaiiScale = 1.0
    public static let puertoRicoScale = 1.5

    public static func transforms(zoneBounds: [MapZone: BoundingBox], map: PixelRect) -> [MapZone: Affine] {
        func r(_ fx: Double, _ fy: Double, _ fw: Double, _ fh: Double) -> PixelRect {
            PixelRect(x: map.x + fx * map.width, y: map.y + fy * map.height, width: fw * map.width, height: fh * map.height)
        }
        let conus = Affine.fit(zoneBounds[.conus] ?? .empty, into: r(0.03, 0, 0.94, 0.93))
        var out: [MapZone: Affine] = [.conus: conus]
        if let b = zoneBounds[.alaska] { out[.alaska] = Affine.fit(b, into: r(0.035, 0.69, 0.24, 0.30), maxScale: conus.scale * alaskaScale) }
        if let b = zoneBounds[.hawaii] { out[.hawaii] = Affine.fit(b, into: r(0.28, 0.81, 0.13, 0.18), maxScale: conus.scale * hawaiiScale) }
        if let b = zoneBounds[.puertoRico] {
            out[.puertoRico] = Affine.fit(b, into: r(0.85, 0.90, 0.12, 0.09), maxScale: conus.scale * puertoRicoScale)
        }
        return out
    }
}
