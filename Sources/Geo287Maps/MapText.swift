import Geo287Coverage

/// The words on a map: titles, headline numbers, method and sources, built from a coverage
/// result. Returned unescaped; `SVGDocument` escapes.
public enum MapText {
    public static func modelPhrase(_ model: ModelFilter) -> String {
        switch model {
        case .all: return "287(g) agreements (any model)"
        case .model(.taskForce): return "287(g) task-force agreements"
        case .model(.jailEnforcement): return "287(g) jail-enforcement agreements"
        case .model(.warrantService): return "287(g) warrant-service agreements"
        }
    }

    public static func sheetDate(_ r: CoverageResult) -> String {
        r.sheet.published?.description ?? r.sheet.fileName
    }

    public static func subtitle(_ r: CoverageResult, place: String, shading: Shading = .share) -> String {
        var s = "\(shading.subject)\(r.options.excludeStatewide ? " (statewide agreements left out)" : ""). \(place); ICE participating-agencies sheet of \(sheetDate(r))"
        if let p = r.pendingSheet { s += " plus pending sheet \(p.published?.description ?? p.fileName)" }
        return s + "."
    }

    public static func headline(_ r: CoverageResult, place: String) -> String {
        let n = r.national
        // Township and town police whose residents cannot be counted make the total a floor.
        let towns = r.states.filter(\.isLowerBound).reduce(0) { $0 + $1.uncountedTowns }
        let atLeast = towns > 0 ? "at least " : ""
        return "\(place): \(atLeast)\(SVGText.people(n.covered)) of \(SVGText.people(n.population)) people (\(SVGText.percent(n.share))) covered; "
            + "\(SVGText.people(n.agreements)) agreements\(r.options.includePending ? " incl. pending" : "")"
            + (towns > 0 ? " (\(towns) uncounted township\(towns == 1 ? "" : "s"))." : ".")
    }

    public static let method = "Method: a county is wholly covered when a sheriff (county) or a statewide agency holds an agreement; "
        + "otherwise its covered share is the people of the cities and towns whose police hold one (2020 place-county crosswalk). "
        + "Each person is counted once. County prosecutors and Texas constables count county-wide; jails, campus, airport and port "
        + "police, courts and other constables cover nobody (geo287 coverage --explain)."

    public static func source(_ r: CoverageResult) -> String {
        "Sources: ICE 287(g) participating agencies (sheet \(sheetDate(r))); U.S. Census Bureau cartographic boundaries 2024 "
            + "(counties 1:5M), population estimates \(r.populationVintage). Made with geo287."
    }

    public static func description(_ r: CoverageResult, title: String, place: String, shading: Shading = .share) -> String {
        ([title + ".", subtitle(r, place: place, shading: shading), headline(r, place: place), method, source(r)] + r.notes).joined(separator: " ")
    }
}
