/// Reads SIGNED cells: Excel serials, ISO text, `M/D/YYYY` text and the slash-less
/// `05/082025` / `7/72025` forms seen in ICE's sheets.
enum SignedParser {
    enum Result: Equatable {
        case date(SignedDate)
        /// Parsed, but the text was malformed; the note says how it was read.
        case repaired(SignedDate, String)
        case unreadable
    }

    static func parse(_ value: CellValue) -> Result {
        switch value {
        case .number(let text):
            guard let serial = Double(text), let date = SignedDate(excelSerial: serial) else { return .unreadable }
            return .date(date)
        case .text(let raw):
            return parse(text: Text.trim(raw))
        case .error, .bool:
            return .unreadable
        }
    }

    static func parse(text: String) -> Result {
        if let iso = SignedDate(iso: text) { return .date(iso) }
        if let serial = Double(text), serial > 1000, serial < 2_958_466,
           let date = SignedDate(excelSerial: serial) {
            return .date(date)
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigitChar) }) else { return .unreadable }
        if parts.count == 3, let m = Int(parts[0]), let d = Int(parts[1]), let y = Int(parts[2]) {
            let year = parts[2].count == 2 ? 2000 + y : y
            guard parts[2].count == 4 || parts[2].count == 2,
                  let date = SignedDate(year: year, month: m, day: d) else { return .unreadable }
            return .date(date)
        }
        // `05/082025`, `7/72025`: month, then day and a four-digit year run together.
        if parts.count == 2, (5...6).contains(parts[1].count), let m = Int(parts[0]),
           let d = Int(parts[1].dropLast(4)), let y = Int(parts[1].suffix(4)),
           let date = SignedDate(year: y, month: m, day: d) {
            return .repaired(date, "SIGNED text '\(text)' (a separator missing) read as \(date)")
        }
        return .unreadable
    }
}

extension Character {
    fileprivate var isASCIIDigitChar: Bool { isASCII && isNumber }
}
