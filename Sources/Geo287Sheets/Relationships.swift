/// A part's relationships (from its `.rels` part) by id, in document order; a repeated id
/// keeps the last. Ids written `rIdN` (N in plain decimal, as every writer numbers them: one
/// per hyperlink of a worksheet) are found by their number in an array, any other id by its
/// text.
struct Relationships {
    /// Numbers of `rIdN` ids below this are kept in `numbered`; larger ones by their text.
    static let numberedLimit = 1 << 20

    /// Each relationship with its id: the number N of `rIdN`, else the text.
    private var entries: [(number: Int?, text: String?, relationship: Relationship)] = []
    /// `entries` index + 1 by the number N of `rIdN` (0: none).
    private var numbered: [Int] = []
    private var byText: [String: Int] = [:]

    /// The relationship whose id is `id`.
    subscript(id: String) -> Relationship? {
        var id = id
        if let n = id.withUTF8({ Self.number($0) }) { return self[number: n] }
        return byText[id].map { entries[$0].relationship }
    }

    private subscript(number n: Int) -> Relationship? {
        guard n < numbered.count, numbered[n] > 0 else { return nil }
        return entries[numbered[n] - 1].relationship
    }

    /// The relationships, in document order (a repeated id at its last place).
    var values: [Relationship] {
        entries.indices.filter { i in
            if let n = entries[i].number { return numbered[n] == i + 1 }
            return entries[i].text.flatMap { byText[$0] } == i
        }.map { entries[$0].relationship }
    }

    mutating func set(_ id: String, _ relationship: Relationship) {
        var id = id
        if let n = id.withUTF8({ Self.number($0) }) {
            if n >= numbered.count {
                numbered.append(contentsOf: repeatElement(0, count: max(n + 1 - numbered.count, numbered.count)))
            }
            entries.append((n, nil, relationship))
            numbered[n] = entries.count
        } else {
            entries.append((nil, id, relationship))
            byText[id] = entries.count - 1
        }
    }

    /// N of an id `rIdN` whose N is plain decimal (no sign, no leading zero) below `numberedLimit`.
    static func number(_ id: UnsafeBufferPointer<UInt8>) -> Int? {
        guard id.count >= 4, id.count <= 10, id[0] == UInt8(ascii: "r"), id[1] == UInt8(ascii: "I"),
              id[2] == UInt8(ascii: "d"), id[3] != UInt8(ascii: "0") || id.count == 4 else { return nil }
        var n = 0
        for k in 3..<id.count {
            let c = id[k]
            guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { return nil }
            n = n * 10 + Int(c - UInt8(ascii: "0"))
        }
        return n < numberedLimit ? n : nil
    }
}

struct Relationship {
    let type: String
    let target: String
    let external: Bool
}
