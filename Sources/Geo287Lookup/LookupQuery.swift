import Foundation
import Geo287Core
import Geo287Geometry

/// Parsing of what a person types: `LAT,LON` and `Name, ST`.
public enum LookupQuery {
    /// `27.9506,-82.4572` (also with spaces, or a space instead of the comma) → x = longitude, y = latitude.
    public static func coordinate(_ text: String) throws -> Coordinate {
        let parts = text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" || $0 == "\t" }).map(String.init)
        guard parts.count == 2 else {
            throw LookupError(.malformed, "`\(text)` is not a coordinate: give LAT,LON in decimal degrees, e.g. 27.9506,-82.4572")
        }
        return try coordinate(lat: parts[0], lon: parts[1])
    }

    /// Latitude and longitude fields in decimal degrees, checked for range.
    public static func coordinate(lat: String, lon: String) throws -> Coordinate {
        let latText = lat.trimmingCharacters(in: .whitespaces), lonText = lon.trimmingCharacters(in: .whitespaces)
        guard let y = Double(latText), let x = Double(lonText), x.isFinite, y.isFinite else {
            throw LookupError(.malformed, "`\(latText),\(lonText)` is not a coordinate: latitude and longitude must be decimal numbers")
        }
        guard (-90...90).contains(y) else {
            throw LookupError(.malformed, "latitude \(latText) is out of range (-90 to 90); the order is LAT,LON")
        }
        guard (-180...180).contains(x) else {
            throw LookupError(.malformed, "longitude \(lonText) is out of range (-180 to 180)")
        }
        return Coordinate(x, y)
    }

    /// `Collier County, FL` → ("Collier County", FL); `Tampa, Florida` → ("Tampa", FL);
    /// `Springfield` → ("Springfield", nil). A trailing part that is not a state stays in the name.
    public static func nameAndState(_ text: String) throws -> (name: String, state: USState?) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw LookupError(.malformed, "the name is empty") }
        if let comma = trimmed.lastIndex(of: ",") {
            let head = trimmed[..<comma].trimmingCharacters(in: .whitespaces)
            let tail = trimmed[trimmed.index(after: comma)...].trimmingCharacters(in: .whitespaces)
            guard !head.isEmpty else { throw LookupError(.malformed, "`\(text)` has no name before the comma") }
            if let st = USState.usps(tail) ?? USState.named(tail) { return (head, st) }
            throw LookupError(.unknownName, "`\(tail)` is not a US state or territory (give `Name, ST`, e.g. `Tampa, FL`)")
        }
        // `Tampa FL`: a trailing two-letter state code without a comma.
        let words = trimmed.split(separator: " ")
        if words.count >= 2, let last = words.last, last.count == 2, last == last.uppercased(), let st = USState.usps(String(last)) {
            return (words.dropLast().joined(separator: " "), st)
        }
        return (trimmed, nil)
    }
}
