/// `xl/sharedStrings.xml`: each `<si>` is one string, either a plain `<t>` or rich-text runs
/// `<r><t>…</t></r>` (concatenated). Phonetic runs (`<rPh>`) are not part of the text.
enum SharedStrings {
    static func parse(_ bytes: [UInt8], path: String, part: String) throws -> [String] {
        try bytes.withUnsafeBufferPointer { b in
            var reader = XMLReader(b, path: path, part: part)
            return try parse(&reader)
        }
    }

    private static func parse(_ scanner: inout XMLReader) throws -> [String] {
        var out: [String] = []
        var current = ""
        var inItem = false
        var inText = false
        var phoneticDepth = 0
        while let token = try scanner.next() {
            switch token {
            case .start(let tag):
                if scanner.isNamed(tag.name, "si") {
                    current = ""
                    inItem = !tag.selfClosing
                    if tag.selfClosing { out.append("") }
                } else if scanner.isNamed(tag.name, "rPh") {
                    if !tag.selfClosing { phoneticDepth += 1 }
                } else if scanner.isNamed(tag.name, "t") {
                    inText = inItem && phoneticDepth == 0 && !tag.selfClosing
                }
            case .end(let name):
                if scanner.isNamed(name, "si") {
                    if inItem { out.append(XMLText.unescapeOOXML(current)) }
                    inItem = false
                } else if scanner.isNamed(name, "rPh") {
                    phoneticDepth = max(0, phoneticDepth - 1)
                } else if scanner.isNamed(name, "t") {
                    inText = false
                }
            case .text(let range):
                if inText {
                    let text = try scanner.text(range)
                    if current.isEmpty { current = text } else { current += text }
                }
            case .cdata(let range):
                if inText { current += String(decoding: UnsafeBufferPointer(rebasing: scanner.bytes[range]), as: UTF8.self) }
            }
        }
        return out
    }
}
