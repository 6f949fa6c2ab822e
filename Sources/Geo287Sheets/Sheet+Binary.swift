import Geo287Core

/// A read sheet in `DerivedCache` entries: every field of every agreement as the reader set
/// it, so a decoded sheet equals the one read from the workbook.
extension Sheet {
    /// `memo`: the read's memo (`AgreementMemo`): an agreement's record is made once per row
    /// storage; without it, once per agreement.
    public func encode(to w: inout BinaryWriter, memo: AgreementMemo? = nil) {
        w.string(path); w.string(kind.rawValue); w.optional(published) { $1.encode(to: &$0) }; w.optionalString(publishedTimestamp)
        // Each agreement as its row and its record (`Agreement.record()`).
        w.int(agreements.count)
        func write(_ a: Agreement, _ record: [UInt8]) { w.int(a.row); w.int(record.count); w.raw(record) }
        if let memo {
            memo.withShard { shard in for a in agreements { write(a, shard.record(of: a)) } }
        } else {
            for a in agreements { write(a, a.record()) }
        }
        w.array(warnings) { w, x in w.optional(x.row) { $0.int($1) }; w.optionalString(x.column); w.string(x.message) }
    }

    /// `memo`: an agreement whose record the read met before shares that one's storage.
    public static func decode(from r: inout BinaryReader, memo: AgreementMemo? = nil) throws -> Sheet {
        let path = try r.string(), kind = try r.enumCase(SheetKind.self), published = try r.optional { try SignedDate.decode(from: &$0) }
        let publishedTimestamp = try r.optionalString()
        let count = try r.count(minimumElementSize: 16)
        var agreements: [Agreement] = []
        agreements.reserveCapacity(count)
        func read(_ shard: AgreementMemo.Shard?) throws {
            for _ in 0..<count {
                let row = try r.int(), record = try r.raw(try r.count())   // valid while `r` is
                agreements.append(try shard?.agreement(record: record, row: row) ?? Agreement(record: record, row: row))
            }
        }
        if let memo { try memo.withShard { try read($0) } } else { try read(nil) }
        return Sheet(path: path, kind: kind, published: published, publishedTimestamp: publishedTimestamp, agreements: agreements,
                     warnings: try r.array { r in SheetWarning(row: try r.optional { try $0.int() }, column: try r.optionalString(), message: try r.string()) })
    }
}

extension Agreement {
    public func encode(to w: inout BinaryWriter) {
        w.string(kind.rawValue); w.int(row); w.string(stateAsPrinted)
        w.optional(state) { w, s in w.string(s.name); w.string(s.usps); w.string(s.fips) }
        w.string(agencyName); w.string(agencyKey); w.optionalString(typeAsPrinted); w.string(agencyType.rawValue)
        w.optionalString(countyAsPrinted); w.string(modelAsPrinted); w.optionalString(model?.rawValue)
        w.optional(signed) { $1.encode(to: &$0) }; w.optionalString(signedAsPrinted); w.optionalString(moaURL); w.bool(moaPending)
        w.optionalString(addendumURL); w.optionalString(moaTarget); w.optionalString(addendumTarget)
    }

    public static func decode(from r: inout BinaryReader) throws -> Agreement {
        Agreement(kind: try r.enumCase(SheetKind.self), row: try r.int(), stateAsPrinted: try r.string(),
                  state: try r.optional { r in USState(name: try r.string(), usps: try r.string(), fips: try r.string()) },
                  agencyName: try r.string(), agencyKey: try r.string(), typeAsPrinted: try r.optionalString(),
                  agencyType: try r.enumCase(AgencyType.self), countyAsPrinted: try r.optionalString(), modelAsPrinted: try r.string(),
                  model: try r.optional { try $0.enumCase(SupportModel.self) }, signed: try r.optional { try SignedDate.decode(from: &$0) },
                  signedAsPrinted: try r.optionalString(), moaURL: try r.optionalString(), moaPending: try r.bool(),
                  addendumURL: try r.optionalString(), moaTarget: try r.optionalString(), addendumTarget: try r.optionalString())
    }
}

extension SignedDate {
    func encode(to w: inout BinaryWriter) { w.int(year); w.int(month); w.int(day) }

    static func decode(from r: inout BinaryReader) throws -> SignedDate {
        let (y, m, d) = (try r.int(), try r.int(), try r.int())
        guard let date = SignedDate(year: y, month: m, day: d) else { throw BinaryReader.Damaged("bad date \(y)-\(m)-\(d)") }
        return date
    }
}
