/// Text from input files made safe to print on a terminal: C0 and C1 control characters
/// (ESC, OSC, BEL, backspace, carriage return, ...), DEL and the Unicode bidirectional
/// overrides and isolates are shown as `\u{1B}` instead of being sent, so a hostile agency
/// name cannot move the cursor, retitle the window, hide text or reverse a line. Line feeds
/// and tabs are kept (tables and answers are multi-line). Used by every text table, text
/// answer, note and error message.
public enum TerminalText {
    public static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// The same, for one line (an error message or a note): line breaks are escaped too.
    public static func escapeLine(_ text: String) -> String {
        escape(text.replacingLineBreaks())
    }

    static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0A, 0x09: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}

extension String {
    /// `\n` and `\r` shown as `\n`, `\r` (so a value cannot start a new line).
    func replacingLineBreaks() -> String {
        guard unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" }) else { return self }
        var out = String.UnicodeScalarView()
        for s in unicodeScalars {
            switch s {
            case "\n": out.append(contentsOf: "\\n".unicodeScalars)
            case "\r": out.append(contentsOf: "\\r".unicodeScalars)
            default: out.append(s)
            }
        }
        return String(out)
    }
}
