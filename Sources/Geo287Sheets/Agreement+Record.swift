import Geo287Core

/// An agreement's fields but the row number as one self-contained byte string (strings inline,
/// lengths and numbers as LEB128 varints, the optional fields present by a bit mask): the same
/// fields give the same bytes in every sheet entry, so a folder's entries are encoded and
/// decoded once per distinct row (`AgreementMemo`'s records), not once per sheet.
extension Agreement {
    private enum Present {
        static let state: UInt64 = 1 << 0, type: UInt64 = 1 << 1, county: UInt64 = 1 << 2, model: UInt64 = 1 << 3
        static let signed: UInt64 = 1 << 4, signedAsPrinted: UInt64 = 1 << 5, moaURL: UInt64 = 1 << 6
        static let moaPending: UInt64 = 1 << 7, addendumURL: UInt64 = 1 << 8, moaTarget: UInt64 = 1 << 9
        static let addendumTarget: UInt64 = 1 << 10
    }

    /// The record of this agreement's fields (`init(record:row:)` reads it back).
    func record() -> [UInt8] {
        var w = RecordWriter()
        var present: UInt64 = 0
        if state != nil { present |= Present.state }
        if typeAsPrinted != nil { present |= Present.type }
        if countyAsPrinted != nil { present |= Present.county }
        if model != nil { present |= Present.model }
        if signed != nil { present |= Present.signed }
        if signedAsPrinted != nil { present |= Present.signedAsPrinted }
        if moaURL != nil { present |= Present.moaURL }
        if moaPending { present |= Present.moaPending }
        if addendumURL != nil { present |= Present.addendumURL }
        if moaTarget != nil { present |= Present.moaTarget }
        if addendumTarget != nil { present |= Present.addendumTarget }
        w.varint(present)
        w.string(kind.rawValue)
        w.string(stateAsPrinted)
        if let s = state { w.string(s.name); w.string(s.usps); w.string(s.fips) }
        w.string(agencyName)
        w.string(agencyKey)
        if let t = typeAsPrinted { w.string(t) }
        w.string(agencyType.rawValue)
        if let c = countyAsPrinted { w.string(c) }
        w.string(modelAsPrinted)
        if let m = model { w.string(m.rawValue) }
        if let d = signed { w.varint(UInt64(d.year)); w.varint(UInt64(d.month)); w.varint(UInt64(d.day)) }
        for text in [signedAsPrinted, moaURL, addendumURL, moaTarget, addendumTarget] { if let text { w.string(text) } }
        return w.bytes
    }

    /// The agreement of `record` (made by `record()`), on sheet row `row`.
    init(record: UnsafeRawBufferPointer, row: Int) throws {
        var r = RecordReader(record)
        let present = try r.varint()
        func has(_ bit: UInt64) -> Bool { present & bit != 0 }
        let kind = try r.enumCase(SheetKind.self), stateAsPrinted = try r.string()
        let state = has(Present.state) ? USState(name: try r.string(), usps: try r.string(), fips: try r.string()) : nil
        let agencyName = try r.string(), agencyKey = try r.string()
        let typeAsPrinted = has(Present.type) ? try r.string() : nil
        let agencyType = try r.enumCase(AgencyType.self)
        let countyAsPrinted = has(Present.county) ? try r.string() : nil
        let modelAsPrinted = try r.string()
        let model = has(Present.model) ? try r.enumCase(SupportModel.self) : nil
        var signed: SignedDate?
        if has(Present.signed) {
            let (y, m, d) = (try r.varint(), try r.varint(), try r.varint())
            guard y < 1 << 20, m < 1 << 20, d < 1 << 20, let date = SignedDate(year: Int(y), month: Int(m), day: Int(d)) else {
                throw BinaryReader.Damaged("bad date \(y)-\(m)-\(d) in an agreement record")
            }
            signed = date
        }
        let signedAsPrinted = has(Present.signedAsPrinted) ? try r.string() : nil
        let moaURL = has(Present.moaURL) ? try r.string() : nil
        let addendumURL = has(Present.addendumURL) ? try r.string() : nil
        let moaTarget = has(Present.moaTarget) ? try r.string() : nil
        let addendumTarget = has(Present.addendumTarget) ? try r.string() : nil
        guard r.atEnd else { throw BinaryReader.Damaged("bytes left over in an agreement record") }
        self.init(kind: kind, row: row, stateAsPrinted: stateAsPrinted, state: state, agencyName: agencyName, agencyKey: agencyKey,
                  typeAsPrinted: typeAsPrinted, agencyType: agencyType, countyAsPrinted: countyAsPrinted, modelAsPrinted: modelAsPrinted,
                  model: model, signed: signed, signedAsPrinted: signedAsPrinted, moaURL: moaURL, moaPending: has(Present.moaPending),
                  addendumURL: addendumURL, moaTarget: moaTarget, addendumTarget: addendumTarget)
    }
}

/// Builds a record: LEB128 varints and length-prefixed UTF-8 strings.
struct RecordWriter {
    private(set) var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(256) }

    mutating func varint(_ v: UInt64) {
        var v = v
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            varint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }
}

/// Reads a record; every read is bounds-checked (a damaged record is an error, never a crash).
struct RecordReader {
    private let bytes: UnsafeRawBufferPointer
    private var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var atEnd: Bool { offset == bytes.count }

    mutating func varint() throws -> UInt64 {
        var v: UInt64 = 0, shift: UInt64 = 0
        while offset < bytes.count, shift < 64 {
            let b = bytes[offset]
            offset += 1
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return v }
            shift += 7
        }
        throw BinaryReader.Damaged("truncated number in an agreement record")
    }

    mutating func string() throws -> String {
        let n = try varint()
        guard n <= UInt64(bytes.count - offset) else { throw BinaryReader.Damaged("bad string length \(n) in an agreement record") }
        defer { offset += Int(n) }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + Int(n))]), as: UTF8.self)
    }

    mutating func enumCase<E: RawRepresentable>(_ type: E.Type) throws -> E where E.RawValue == String {
        let raw = try string()
        guard let value = E(rawValue: raw) else { throw BinaryReader.Damaged("unknown \(E.self) \"\(raw)\" in an agreement record") }
        return value
    }
}
