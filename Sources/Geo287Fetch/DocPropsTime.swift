import Foundation
import Geo287Sheets

/// The UTC date and time of a `dcterms:modified` value (`2025-06-12T23:13:56Z`, with optional
/// fractional seconds and a `Z` or `±hh:mm` zone; no zone is read as UTC).
public enum DocPropsTime {
    public static func utc(_ text: String) -> (date: SignedDate, time: String)? {
        let chars = Array(text.trimmingCharacters(in: .whitespaces))
        guard chars.count >= 19, chars[10] == "T" || chars[10] == " ", chars[13] == ":", chars[16] == ":",
              let day = SignedDate(iso: String(chars[0..<10])),
              let h = number(chars[11..<13]), let m = number(chars[14..<16]), let s = number(chars[17..<19]),
              h < 24, m < 60, s < 61 else { return nil }
        var rest = chars[19...]
        if rest.first == "." { rest = rest.dropFirst().drop { $0.isASCII && $0.isNumber } }
        var offset = 0
        if let sign = rest.first, sign == "+" || sign == "-" {
            let zone = Array(rest.dropFirst())
            guard zone.count == 5, zone[2] == ":", let zh = number(zone[0..<2]), let zm = number(zone[3..<5]) else { return nil }
            offset = (zh * 3600 + zm * 60) * (sign == "+" ? 1 : -1)
        } else if !(rest.isEmpty || (rest.count == 1 && rest.first == "Z")) {
            return nil
        }
        let seconds = day.daysSinceEpoch * 86_400 + h * 3600 + m * 60 + min(s, 59) - offset
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let inDay = seconds - days * 86_400
        guard let date = SignedDate(daysSinceEpoch: days) else { return nil }
        return (date, pad(inDay / 3600) + pad(inDay % 3600 / 60) + pad(inDay % 60))
    }

    private static func number(_ s: ArraySlice<Character>) -> Int? {
        s.allSatisfy { $0.isASCII && $0.isNumber } ? Int(String(s)) : nil
    }

    private static func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
}
