import Geo287Core
import Geo287Sheets

/// Matched agreements in `DerivedCache` entries: the agreement and every field of its
/// jurisdiction (counties, shares, notes) as the matcher and the county join set them.
extension MatchedAgreement {
    public func encode(to w: inout BinaryWriter) {
        agreement.encode(to: &w)
        let j = jurisdiction
        w.string(j.level.rawValue); w.optionalString(j.geoid); w.strings(j.extraCountyGEOIDs); w.string(j.name)
        w.string(j.method.rawValue); w.double(j.confidence); w.string(j.reason)
        w.array(j.counties) { w, c in w.string(c.countyGEOID); w.double(c.share); w.double(c.coverage); w.string(c.basis) }
        w.optionalString(j.kind?.rawValue); w.optionalString(j.stateUSPS); w.strings(j.exceptPlaceGEOIDs); w.strings(j.joinNotes)
    }

    public static func decode(from r: inout BinaryReader) throws -> MatchedAgreement {
        let agreement = try Agreement.decode(from: &r)
        var j = Jurisdiction(level: try r.enumCase(JurisdictionLevel.self), geoid: try r.optionalString(), name: "", method: .unmatched,
                             confidence: 0, reason: "")
        j.extraCountyGEOIDs = try r.strings()
        j.name = try r.string()
        j.method = try r.enumCase(MatchMethod.self)
        j.confidence = try r.double()
        j.reason = try r.string()
        j.counties = try r.array { r in
            CountyShare(countyGEOID: try r.string(), share: try r.double(), coverage: try r.double(), basis: try r.string())
        }
        j.kind = try r.optional { try $0.enumCase(AgencyKind.self) }
        j.stateUSPS = try r.optionalString()
        j.exceptPlaceGEOIDs = try r.strings()
        j.joinNotes = try r.strings()
        return MatchedAgreement(agreement: agreement, jurisdiction: j)
    }
}
