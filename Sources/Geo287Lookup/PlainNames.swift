import Geo287Census
import Geo287Core

/// Names as people say them, without Census vocabulary: `Tampa` (not `Tampa city`), `Brandon`
/// (not `Brandon CDP`), `Nashville` (not `Nashville-Davidson metropolitan government (balance)`),
/// `Honolulu` (not `Urban Honolulu`).
public enum PlainNames {
    /// Words the Census appends to consolidated city-county governments.
    static let governmentWords = [
        "metropolitan government", "metro government", "unified government", "consolidated government", "urban county",
        "city and borough", "city", "town", "village", "borough", "municipality",
    ]

    /// The name of a place as a person says it.
    public static func place(_ p: Place) -> String {
        guard p.name.hasSuffix(" (balance)") else { return p.name.hasPrefix("Urban ") ? String(p.name.dropFirst(6)) : p.name }
        // `Nashville-Davidson`, `Louisville/Jefferson County`: the city's own name comes first.
        let name = plain(p.name)
        return name.split(whereSeparator: { $0 == "-" || $0 == "/" }).first.map(String.init) ?? name
    }

    /// A Census place or jurisdiction name with its type (`Tampa city, FL`, `Brandon CDP`,
    /// `Kansas City city, MO`) without the type and the state: `Tampa`, `Brandon`, `Kansas City`.
    public static func plain(_ text: String) -> String {
        var name = text
        if name.count > 4, name.dropLast(2).hasSuffix(", "), USState.usps(String(name.suffix(2))) != nil { name = String(name.dropLast(4)) }
        if name.hasSuffix(" (balance)") { name = String(name.dropLast(" (balance)".count)) }
        if name.hasSuffix(" CDP") { name = String(name.dropLast(4)) }
        for w in governmentWords where name.lowercased().hasSuffix(" " + w) {
            name = String(name.dropLast(w.count + 1))
            break
        }
        if name.hasPrefix("Urban ") { name = String(name.dropFirst("Urban ".count)) }
        return name
    }

    /// The everyday name of a consolidated city-county or an `Urban …` place (`nashville`,
    /// `louisville`, `honolulu`) as a `NameKey`; nil for other places (their own name is the
    /// everyday one).
    public static func commonKey(_ p: Place) -> String? {
        guard p.name.hasSuffix(" (balance)") || p.name.hasPrefix("Urban ") else { return nil }
        return NameKey.normalize(place(p))
    }

    /// A county as a person says it: `Hillsborough County`; a Virginia independent city `City of Richmond`.
    public static func county(_ c: County) -> String {
        c.lsad == "25" && c.nameWithType.hasSuffix(" city") ? "City of \(c.name)" : c.nameWithType
    }

    /// `Tampa, Florida`.
    public static func withState(_ name: String, _ fips: String) -> String {
        USState.fips(fips).map { "\(name), \($0.name)" } ?? name
    }
}
