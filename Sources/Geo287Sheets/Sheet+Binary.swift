import Geo287Core

/// A read sheet in `DerivedCache` entries: every field of every agreement as the reader set
/// it, so a decoded sheet equals the one read from the workbook.
extension Sheet {
    public func encode(to w: inout BinaryWriter) {
        w.string(path); w.string(kind.rawValue); w.optional(published) { $1.encode(to: &$0) }; w.optionalString(publishedTimestamp)
        w.array(agreements) { w, a in a.encode(to: &w) }
        w.array(warnings) { w, x in w.optional(x.row) { $0.int($1) }; w.optionalString(x.column); w.string(x.message) }
    }

    public static func decode(from r: inout BinaryReader) throws -> Sheet {
        Sheet(path: try r.string(), kind: try r.enumCase(SheetKind.self), published: try r.optional { try SignedDate.decode(from: &$0) },
              publishedTimestamp: try r.optionalString(), agreements: try r.array { try Agreement.decode(from: &$0) },
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
