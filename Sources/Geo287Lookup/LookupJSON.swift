import Geo287Core

/// The lookup as JSON: {"query", "location", "sheet", "pending_sheet", "covers", "inside_county",
/// "unmapped", "facilities", "pending", "state", "answer"}; entries keep the display order;
/// `answer` is the plain-words answer (`LookupAnswerJSON`).
public enum LookupJSON {
    public static func render(_ r: LookupResult) -> String {
        let loc = r.location
        var query: [(String, JSONValue)]
        switch loc.query {
        case let .point(p): query = [("point", .object([("lat", .number(p.y)), ("lon", .number(p.x))]))]
        case let .county(t): query = [("county", .string(t))]
        case let .place(t): query = [("place", .string(t))]
        }
        let location: JSONValue = .object([
            ("state", .optional(loc.state?.usps)), ("state_fips", .optional(loc.state?.fips)),
            ("counties", .array(loc.counties.map { .object([("geoid", .string($0.geoid)), ("name", .string($0.nameWithType))]) })),
            ("place", loc.place.map { p in
                .object([("geoid", .string(p.geoid)), ("name", .string(p.nameWithType)), ("plain_name", .string(PlainNames.place(p))),
                         ("incorporated", .bool(p.isIncorporated))])
            } ?? .null),
            ("subdivision", .optional(loc.subdivision)),
            // false with the compact place layer: a null place is then "no agreement city", not "unincorporated".
            ("all_city_boundaries", .bool(loc.allCityBoundaries)),
            ("notes", .array(loc.notes.map { .string($0) })),
        ])
        func list(_ entries: [LookupEntry]) -> JSONValue { .array(entries.map(entry)) }
        return JSONValue.object([
            ("query", .object(query)),
            ("location", location),
            ("sheet", .object([("path", .string(r.sheetPath)), ("published", .optional(r.sheetDate?.description))])),
            ("pending_sheet", r.pendingSheetPath.map { p in
                .object([("path", .string(p)), ("published", .optional(r.pendingSheetDate?.description))])
            } ?? .null),
            ("covers", list(r.entries(.covers))),
            ("inside_county", list(r.entries(.inside))),
            ("unmapped", list(r.entries(.unmapped))),
            ("facilities", list(r.entries(.facility))),
            ("pending", list(r.entries.filter(\.isPending))),
            ("state", .object([("agreements", .int(r.stateAgreementCount)), ("unplaced", .int(r.stateUnplacedCount))])),
            ("answer", LookupAnswerJSON.render(LookupAnswer(r))),
        ]).rendered() + "\n"
    }

    static func entry(_ e: LookupEntry) -> JSONValue {
        let a = e.agreement, j = e.jurisdiction
        return .object([
            ("agency", .string(a.agencyName)), ("model", .optional(a.model?.rawValue)), ("status", .string(a.kind.rawValue)),
            ("relation", .string(e.relation.rawValue)), ("level", .string(j.level.rawValue)),
            ("jurisdiction", .object([("geoid", .optional(j.geoid)), ("name", .string(j.name)), ("method", .string(j.method.rawValue))])),
            ("signed", .optional(a.signed?.description)), ("moa", .optional(a.moaURL)), ("moa_pending", .bool(a.moaPending)),
            ("row", .int(a.row)), ("note", .optional(e.note)),
        ])
    }
}
