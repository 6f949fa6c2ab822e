import Foundation
import Geo287Core

/// The parts of an xlsx package that the reader needs, read through `ZipFile` with a cap on
/// each part and on the total inflated bytes.
struct XlsxPackage {
    static let partLimit = 64 << 20
    static let totalLimit = 256 << 20

    let path: String
    private let zip: ZipFile
    private let members: Set<String>
    private var inflated = 0

    init(path: String) throws {
        self.path = path
        zip = try ZipFile(path: path)
        members = Set(zip.memberPaths)
    }

    func has(_ part: String) -> Bool { members.contains(part) }

    /// The bytes of `part`, bounded by `partLimit` and by what remains of `totalLimit`.
    mutating func read(_ part: String) throws -> [UInt8] {
        guard has(part) else { throw DataError(path, "xlsx is missing its \(part) part") }
        let limit = min(Self.partLimit, Self.totalLimit - inflated)
        let bytes = try zip.bytes(part, limit: limit)
        inflated += bytes.count
        return bytes
    }

    /// The relationships of `part` (from `<dir>/_rels/<name>.rels`), targets resolved to part names.
    mutating func relationships(of part: String) throws -> Relationships {
        let relsPart = Self.relsPart(for: part)
        guard has(relsPart) else { return Relationships() }
        let bytes = try read(relsPart)
        return try bytes.withUnsafeBufferPointer { b in
            var reader = XMLReader(b, path: path, part: relsPart)
            var out = Relationships()
            // Every hyperlink of a worksheet has the same Type: its text is made once.
            var lastType: (bytes: Range<Int>, text: String)?
            while let token = try reader.next() {
                guard case .start(let tag) = token, reader.isNamed(tag.name, "Relationship") else { continue }
                let a = Self.relationshipAttributes(tag, reader)
                guard let idRange = a.id, let targetRange = a.target else { continue }
                let id = try reader.text(idRange), target = try reader.text(targetRange)
                let external = try a.mode.map { reader.firstAmpersand($0) == nil ? reader.holds($0, "External") : try reader.text($0) == "External" } ?? false
                var type = ""
                if let t = a.type {
                    if let last = lastType, reader.sameBytes(last.bytes, t) {
                        type = last.text
                    } else {
                        type = try reader.text(t)
                        lastType = (t, type)
                    }
                }
                out.set(id, Relationship(
                    type: type, target: external ? target : Self.resolve(target, relativeTo: part), external: external))
            }
            return out
        }
    }

    /// The first `Id`, `Target`, `TargetMode` and `Type` attributes of a `<Relationship>`, in one walk.
    private static func relationshipAttributes(
        _ tag: XMLTag, _ reader: XMLReader
    ) -> (id: Range<Int>?, target: Range<Int>?, mode: Range<Int>?, type: Range<Int>?) {
        var a: (id: Range<Int>?, target: Range<Int>?, mode: Range<Int>?, type: Range<Int>?) = (nil, nil, nil, nil)
        reader.forEachAttribute(of: tag) { name, value in
            let local = reader.localName(name)
            switch local.count {
            case 2 where XMLReader.equal(local, "Id"): if a.id == nil { a.id = value }
            case 4 where XMLReader.equal(local, "Type"): if a.type == nil { a.type = value }
            case 6 where XMLReader.equal(local, "Target"): if a.target == nil { a.target = value }
            case 10 where XMLReader.equal(local, "TargetMode"): if a.mode == nil { a.mode = value }
            default: break
            }
            return true
        }
        return a
    }

    static func relsPart(for part: String) -> String {
        let slash = part.lastIndex(of: "/")
        let dir = slash.map { String(part[..<$0]) + "/" } ?? ""
        let name = slash.map { String(part[part.index(after: $0)...]) } ?? part
        return dir + "_rels/" + name + ".rels"
    }

    /// Resolves a relationship target against the folder of `source` (handles `/abs` and `../`).
    static func resolve(_ target: String, relativeTo source: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = source.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." { if !parts.isEmpty { parts.removeLast() } } else if piece != "." { parts.append(String(piece)) }
        }
        return parts.joined(separator: "/")
    }
}

