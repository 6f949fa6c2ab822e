/// A US state, the District of Columbia or an inhabited territory, with its USPS code and
/// two-digit FIPS code. `USState.named(_:)` tolerates the spellings found in ICE's sheets.
public struct USState: Hashable, Sendable, CustomStringConvertible {
    public let name: String
    public let usps: String
    public let fips: String

    public init(name: String, usps: String, fips: String) {
        self.name = name
        self.usps = usps
        self.fips = fips
    }

    public var description: String { usps }

    /// The 50 states, DC, and PR, GU, MP, AS, VI, ordered by FIPS code.
    public static let all: [USState] = [
        ("Alabama", "AL", "01"), ("Alaska", "AK", "02"), ("Arizona", "AZ", "04"), ("Arkansas", "AR", "05"),
        ("California", "CA", "06"), ("Colorado", "CO", "08"), ("Connecticut", "CT", "09"), ("Delaware", "DE", "10"),
        ("District of Columbia", "DC", "11"), ("Florida", "FL", "12"), ("Georgia", "GA", "13"), ("Hawaii", "HI", "15"),
        ("Idaho", "ID", "16"), ("Illinois", "IL", "17"), ("Indiana", "IN", "18"), ("Iowa", "IA", "19"),
        ("Kansas", "KS", "20"), ("Kentucky", "KY", "21"), ("Louisiana", "LA", "22"), ("Maine", "ME", "23"),
        ("Maryland", "MD", "24"), ("Massachusetts", "MA", "25"), ("Michigan", "MI", "26"), ("Minnesota", "MN", "27"),
        ("Mississippi", "MS", "28"), ("Missouri", "MO", "29"), ("Montana", "MT", "30"), ("Nebraska", "NE", "31"),
        ("Nevada", "NV", "32"), ("New Hampshire", "NH", "33"), ("New Jersey", "NJ", "34"), ("New Mexico", "NM", "35"),
        ("New York", "NY", "36"), ("North Carolina", "NC", "37"), ("North Dakota", "ND", "38"), ("Ohio", "OH", "39"),
        ("Oklahoma", "OK", "40"), ("Oregon", "OR", "41"), ("Pennsylvania", "PA", "42"), ("Rhode Island", "RI", "44"),
        ("South Carolina", "SC", "45"), ("South Dakota", "SD", "46"), ("Tennessee", "TN", "47"), ("Texas", "TX", "48"),
        ("Utah", "UT", "49"), ("Vermont", "VT", "50"), ("Virginia", "VA", "51"), ("Washington", "WA", "53"),
        ("West Virginia", "WV", "54"), ("Wisconsin", "WI", "55"), ("Wyoming", "WY", "56"),
        ("American Samoa", "AS", "60"), ("Guam", "GU", "66"), ("Northern Mariana Islands", "MP", "69"),
        ("Puerto Rico", "PR", "72"), ("U.S. Virgin Islands", "VI", "78"),
    ].map { USState(name: $0.0, usps: $0.1, fips: $0.2) }

    /// Looks a state up by its full name: case-, space- and punctuation-insensitive, with the
    /// typos seen in ICE's sheets (`WEST VIRIGINIA`, `PENNSLYVANIA`) and common alternative names.
    public static func named(_ text: String) -> USState? {
        byName[nameKey(text)]
    }

    /// Looks a state up by its two-letter USPS code (case-insensitive, trimmed).
    public static func usps(_ code: String) -> USState? {
        byUSPS[code.trimmingSpaces.uppercased()]
    }

    /// Looks a state up by its FIPS code (`"6"` and `"06"` both work).
    public static func fips(_ code: String) -> USState? {
        let trimmed = code.trimmingSpaces
        return byFIPS[trimmed.count == 1 ? "0" + trimmed : trimmed]
    }

    private static let byUSPS = Dictionary(uniqueKeysWithValues: all.map { ($0.usps, $0) })
    private static let byFIPS = Dictionary(uniqueKeysWithValues: all.map { ($0.fips, $0) })

    private static let aliases: [String: String] = [
        "WEST VIRIGINIA": "WV", "PENNSLYVANIA": "PA",
        "WASHINGTON DC": "DC", "DC": "DC",
        "VIRGIN ISLANDS": "VI", "US VIRGIN ISLANDS": "VI", "UNITED STATES VIRGIN ISLANDS": "VI",
        "VIRGIN ISLANDS OF THE UNITED STATES": "VI",
        "COMMONWEALTH OF THE NORTHERN MARIANA ISLANDS": "MP", "NORTHERN MARIANAS": "MP",
        "COMMONWEALTH OF PUERTO RICO": "PR",
    ]

    private static let byName: [String: USState] = {
        var table: [String: USState] = [:]
        for state in all { table[nameKey(state.name)] = state }
        for (alias, code) in aliases { table[alias] = byUSPS[code] }
        return table
    }()

    /// Upper case; periods dropped; any run of whitespace (incl. NBSP, newlines) is one space.
    static func nameKey(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar == "." { continue }
            if scalar.value < 0x80 ? (scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D))
                : (scalar.value == 0xA0 || scalar.properties.isWhitespace) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.unicodeScalars.append(scalar)
        }
        return out.uppercased()
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
