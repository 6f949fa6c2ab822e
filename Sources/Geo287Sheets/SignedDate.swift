/// A calendar date (proleptic Gregorian), printed as ISO `YYYY-MM-DD`.
public struct SignedDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil unless the fields form a real date.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
              day <= SignedDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// `YYYY-MM-DD`, zero-padded (the initializer keeps the year within 1...9999).
    public var description: String {
        String(unsafeUninitializedCapacity: 10) { out in
            var i = 0
            func put(_ value: Int, _ width: Int) {
                var divisor = 1
                for _ in 1..<width { divisor &*= 10 }
                var rest = value
                for _ in 0..<width {
                    out[i] = UInt8(truncatingIfNeeded: 48 &+ rest / divisor)
                    rest %= divisor
                    divisor /= 10
                    i += 1
                }
            }
            put(year, 4); out[4] = UInt8(ascii: "-"); i = 5
            put(month, 2); out[7] = UInt8(ascii: "-"); i = 8
            put(day, 2)
            return 10
        }
    }

    public static func < (a: SignedDate, b: SignedDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// Parses `YYYY-MM-DD` (anything after the date, such as a time, is ignored).
    public init?(iso text: String) {
        let parts = text.prefix(10).split(separator: "-", omittingEmptySubsequences: false)
        guard text.count >= 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        if text.count > 10, text[text.index(text.startIndex, offsetBy: 10)].isNumber { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// An Excel 1900-system serial day number (fractions, i.e. times, are dropped). Excel's
    /// fictitious 1900-02-29 (serial 60) is rejected.
    public init?(excelSerial serial: Double) {
        guard serial.isFinite, serial >= 1, serial < 2_958_466 else { return nil }
        let n = Int(serial.rounded(.down))
        guard n != 60 else { return nil }
        // Serial 1 is 1900-01-01; from 61 on, Excel counts the phantom leap day.
        let daysFrom1900 = n < 60 ? n - 1 : n - 2
        self.init(daysSinceEpoch: daysFrom1900 + SignedDate.days1900)
    }

    /// Days since 1970-01-01.
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public init?(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    private static let days1900 = -25_567  // 1900-01-01 relative to 1970-01-01

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
