import Geo287Core
/// Output forms of an agreement: JSON object and CSV record (the CSV uses ICE's header names,
/// so `geo287 agreements --format csv` output reads back in as a sheet).
extension Agreement {
    public static let csvHeader = [
        "ROW", "STATE", "USPS", "FIPS", "LAW ENFORCEMENT AGENCY", "AGENCY KEY", "TYPE", "AGENCY TYPE", "COUNTY",
        "SUPPORT TYPE", "MODEL", "SIGNED", "MOA", "ADDENDUM",
    ]

    public var csvFields: [String] {
        [
            String(row), state?.name.uppercased() ?? stateAsPrinted, state?.usps ?? "", state?.fips ?? "",
            agencyName, agencyKey, typeAsPrinted ?? "", agencyType.rawValue, countyAsPrinted ?? "",
            model?.displayName ?? modelAsPrinted, model?.rawValue ?? "",
            signed?.description ?? signedAsPrinted ?? "",
            moaURL ?? (moaPending ? "link pending" : ""), addendumURL ?? "",
        ]
    }

    public var json: JSONValue {
        func opt(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
        return .object([
            ("row", .int(row)), ("kind", .string(kind.rawValue)),
            ("state", opt(state?.usps)), ("fips", opt(state?.fips)), ("state_as_printed", .string(stateAsPrinted)),
            ("agency", .string(agencyName)), ("agency_key", .string(agencyKey)),
            ("type", .string(agencyType.rawValue)), ("type_as_printed", opt(typeAsPrinted)),
            ("county", opt(countyAsPrinted)),
            ("model", opt(model?.rawValue)), ("model_as_printed", .string(modelAsPrinted)),
            ("signed", opt(signed?.description)), ("signed_as_printed", opt(signedAsPrinted)),
            ("moa", opt(moaURL)), ("moa_pending", .bool(moaPending)), ("addendum", opt(addendumURL)),
        ])
    }
}
