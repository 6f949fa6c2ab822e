import Geo287Core
import Geo287Sheets

/// The reviewed override table: agencies no rule can place. Each line says why; each is
/// tested (Tests/Geo287CoverageTests/MatchTests.swift).
public struct Override: Sendable {
    public let state: String          // USPS
    public let agency: String         // normalized agency name (NameKey.normalize)
    public let level: JurisdictionLevel
    public let geoids: [String]       // state FIPS, county GEOIDs or one place GEOID
    public let reason: String
    /// Places in the county the agency does not police (their own police departments).
    public var except: [String] = []
    /// The kind of agency, where its name does not say it (`Florida Atlantic Police`: campus).
    public var kind: AgencyKind?
    /// Other spellings ICE used for the same agency on some sheets (normalized).
    public var alsoSpelled: [String] = []

    /// Every normalized name this override is for.
    public var names: [String] { [agency] + alsoSpelled }

    /// Whether this override is for `a` (`normalizedName`: `NameKey.normalize(a.agencyName)`,
    /// computed once per agreement rather than once per override).
    func matches(_ a: Agreement, normalizedName: String) -> Bool {
        a.state?.usps == state && (normalizedName == agency || alsoSpelled.contains(normalizedName))
    }

    func jurisdiction(for a: Agreement, gazetteer: Gazetteer) throws -> Jurisdiction {
        let first = geoids.first
        let name: String
        if let g = first, g.count == 5, let c = gazetteer.countyByGEOID[g] {
            name = geoids.count == 1 ? "\(c.nameWithType), \(state)" : geoids.compactMap { gazetteer.countyByGEOID[$0]?.nameWithType }.joined(separator: " + ") + ", \(state)"
        } else if let g = first, g.count == 7, let p = try gazetteer.place(geoid: g) {
            name = "\(p.nameWithType), \(state)"
        } else {
            name = a.agencyName
        }
        var j = Jurisdiction(level: level, geoid: first, extraCountyGEOIDs: Array(geoids.dropFirst()), name: name,
                             method: .override, confidence: 0.95, reason: "override: \(reason)")
        j.exceptPlaceGEOIDs = except
        j.kind = kind
        return j
    }

    public static let table: [Override] = [
        // Consolidated city-counties whose agency name carries the city, not the county.
        Override(state: "FL", agency: "jacksonville sheriffs office", level: .county, geoids: ["12031"],
                 reason: "Consolidated City of Jacksonville: the sheriff serves all of Duval County"),
        Override(state: "NV", agency: "las vegas metropolitan police department", level: .county, geoids: ["32003"],
                 reason: "LVMPD, headed by the Clark County Sheriff, polices Las Vegas and unincorporated Clark County, not the cities with their own police",
                 except: ["3231900", "3251800", "3206500", "3246000"]),
        Override(state: "TN", agency: "metropolitan moore county sheriffs office", level: .county, geoids: ["47127"],
                 reason: "Metropolitan Lynchburg-Moore County: the sheriff serves Moore County"),
        // Multi-county agencies.
        Override(state: "VA", agency: "rappahannock shenandoah warren regional jail authority", level: .other,
                 geoids: ["51157", "51171", "51187"], reason: "regional jail of Rappahannock, Shenandoah and Warren counties"),
        Override(state: "VA", agency: "southwest virginia regional jail authority", level: .other,
                 geoids: ["51027", "51051", "51105", "51167", "51169", "51185", "51195", "51720"],
                 reason: "regional jail of Buchanan, Dickenson, Lee, Russell, Scott, Tazewell and Wise counties and Norton city"),
        Override(state: "FL", agency: "office of the state attorney sixth judicial circuit", level: .other, geoids: ["12101", "12103"],
                 reason: "Florida's 6th Judicial Circuit is Pasco and Pinellas counties"),
        Override(state: "FL", agency: "office of the state attorney 20th judicial circuit", level: .other,
                 geoids: ["12071", "12021", "12043", "12051", "12015"],
                 reason: "Florida's 20th Judicial Circuit is Lee, Collier, Glades, Hendry and Charlotte counties"),
        Override(state: "MO", agency: "north county police cooperative", level: .other, geoids: ["29189"],
                 reason: "a cooperative of small municipalities in north St. Louis County; ICE's COUNTY cell says `North County`", kind: .police),
        // Campus and airport police with no COUNTY cell: the place (or, off city limits, the county) of the campus.
        Override(state: "FL", agency: "florida a and m university board of trustees", level: .other, geoids: ["1270600"],
                 reason: "FAMU's campus is in Tallahassee"),
        Override(state: "FL", agency: "florida gulf coast university police department", level: .other, geoids: ["12071"],
                 reason: "FGCU's campus is in unincorporated Lee County"),
        Override(state: "FL", agency: "florida international university police department", level: .other, geoids: ["12086"],
                 reason: "FIU's main campus is in unincorporated Miami-Dade County (University Park)"),
        Override(state: "FL", agency: "florida polytechnic university police department", level: .other, geoids: ["12105"],
                 reason: "Florida Poly's campus is in Polk County, by Lakeland"),
        Override(state: "FL", agency: "florida southwestern state college police department", level: .other, geoids: ["12071"],
                 reason: "FSW's main campus is in Lee County, by Fort Myers"),
        Override(state: "FL", agency: "florida state college at jacksonville police department", level: .other, geoids: ["1235000"],
                 reason: "FSCJ's campuses are in Jacksonville"),
        Override(state: "FL", agency: "florida atlantic police department", level: .other, geoids: ["1207300"],
                 reason: "Florida Atlantic University's main campus is in Boca Raton", kind: .campus),
        Override(state: "FL", agency: "melbourne international airport police department", level: .other, geoids: ["1243975"],
                 reason: "Melbourne Orlando International Airport is in Melbourne"),
        Override(state: "FL", agency: "new college of florida police department", level: .other, geoids: ["12115"],
                 reason: "New College's campus is in Sarasota County, north of Sarasota city"),
        Override(state: "FL", agency: "northwest florida state college police department", level: .other, geoids: ["1248750"],
                 reason: "NWFSC's main campus is in Niceville"),
        Override(state: "FL", agency: "sanford airport police department", level: .other, geoids: ["1263650"],
                 reason: "Orlando Sanford International Airport is in Sanford"),
        Override(state: "FL", agency: "sarasota manatee airport authority police department", level: .other, geoids: ["12115", "12081"],
                 reason: "Sarasota Bradenton International Airport straddles Sarasota and Manatee counties"),
        Override(state: "FL", agency: "tallahassee state college police department", level: .other, geoids: ["1270600"],
                 reason: "Tallahassee State College is in Tallahassee"),
        Override(state: "FL", agency: "university of central florida board of trustees", level: .other, geoids: ["12095"],
                 reason: "UCF's main campus is in unincorporated Orange County, east of Orlando (later sheets: `University of Central Florida Police Department`, COUNTY cell Orange County)"),
        Override(state: "FL", agency: "university of florida police department", level: .other, geoids: ["1225175"],
                 reason: "UF's campus is in Gainesville"),
        Override(state: "FL", agency: "university of north florida police department", level: .other, geoids: ["1235000"],
                 reason: "UNF's campus is in Jacksonville"),
        Override(state: "FL", agency: "university of west florida police department", level: .other, geoids: ["12033"],
                 reason: "UWF's campus is in unincorporated Escambia County, north of Pensacola"),
        Override(state: "NC", agency: "albemarle district jail", level: .other, geoids: ["37139"],
                 reason: "the Albemarle District Jail is in Elizabeth City, Pasquotank County; NC has no Albemarle County (ICE's COUNTY cell), and Albemarle city is elsewhere (Stanly County)",
                 alsoSpelled: ["albermarle district jail"]),
        // Spelling no rule bridges.
        Override(state: "KY", agency: "middlesboro police department", level: .municipal, geoids: ["2151924"],
                 reason: "the city is Middlesborough in Census files"),
        Override(state: "GU", agency: "office of the attorney general", level: .state, geoids: ["66"],
                 reason: "Guam has no counties; ICE's COUNTY cell names a village district (`Kattan District`)"),
    ]
}
