import Geo287Census
import Geo287Core
import Geo287Jurisdictions
import Geo287Sheets

extension LookupAnswer {
    /// The answer to a lookup, in plain words.
    public init(_ r: LookupResult) {
        let loc = r.location
        let signed = r.entries.filter { !$0.isPending }
        // A township's own police (known only by its county) answer for the township.
        let townKey = loc.subdivision.map(NameKey.normalize)
        let townPolice = townKey.map { key in
            signed.filter { ($0.relation == .unmapped || $0.relation == .inside) && NameKey.normalize($0.agreement.agencyName).hasPrefix(key) }
        } ?? []
        let townRows = Set(townPolice.map(\.agreement.row))
        let covers = signed.filter { $0.relation == .covers } + townPolice
        let counties = loc.counties.map(PlainNames.county)
        let countyText = Self.list(counties)
        sheetDate = r.sheetDate?.description
        nearLines = loc.nearLines
        if case .county = loc.query { isCounty = true } else { isCounty = false }
        stateName = loc.state?.name
        stateAgreements = r.stateAgreementCount
        agreements = covers.map { Self.item($0, loc) }
        pending = r.pendingSheetPath == nil ? nil : r.entries.filter { $0.isPending && $0.relation == .covers }.map { Self.item($0, loc) }
        nearby = signed.filter { ($0.relation == .inside || $0.relation == .unmapped) && !townRows.contains($0.agreement.row) }
            .map { Self.item($0, loc) }
        facilities = signed.filter { $0.relation == .facility }.map { Self.item($0, loc) }
        var notes = loc.notes
        if r.stateUnplacedCount > 0, let st = loc.state {
            notes.append("\(r.stateUnplacedCount) agreement\(r.stateUnplacedCount == 1 ? "" : "s") in \(st.name) could not be placed on the map and \(r.stateUnplacedCount == 1 ? "is" : "are") not shown.")
        }
        guard let st = loc.state else {
            if case let .point(p) = loc.query { placeName = LookupText.coordinate(p) } else { placeName = "?" }
            setting = nil
            questions = []
            self.notes = notes
            return
        }
        let placeText = loc.place.map(PlainNames.place)
        switch loc.query {
        case .county:
            placeName = PlainNames.withState(countyText, st.fips)
            setting = nil
        case .point:
            placeName = placeText.map { PlainNames.withState($0, st.fips) } ?? "A point in \(PlainNames.withState(countyText, st.fips))"
            setting = placeText == nil ? nil : "in \(countyText)"
        case .place:
            placeName = PlainNames.withState(loc.subdivision ?? placeText ?? countyText, st.fips)
            setting = "in \(countyText)"
        }
        // The three questions.
        let mine = { (level: JurisdictionLevel) in covers.filter { $0.jurisdiction.level == level }.map { Self.item($0, loc) } }
        var police: Question
        if case .county = loc.query {
            let cities = signed.filter { $0.relation == .inside }.map { Self.item($0, loc) }
            police = Question(who: .police, verdict: cities.isEmpty ? .no : .yes, agreements: cities,
                              detail: countyText)
        } else if let town = loc.subdivision {
            police = Question(who: .police, verdict: townPolice.isEmpty ? .no : .yes, agreements: townPolice.map { Self.item($0, loc) }, detail: town)
        } else if let place = loc.place, place.isIncorporated {
            let own = mine(.municipal)
            police = Question(who: .police, verdict: own.isEmpty ? .no : .yes, agreements: own, detail: placeText)
        } else {
            let why = loc.place.map { "\(PlainNames.place($0)) has no city government of its own: the county's sheriff or police patrol here" }
                ?? (loc.allCityBoundaries ? "not inside a city or town: the county's sheriff or police patrol here"
                    : "this point is in no city that has an agreement, so if you live in a city here, its police department has none (the maps used here hold only the boundaries of cities with agreements)")
            police = Question(who: .police, verdict: .notApplicable, agreements: [], detail: why)
        }
        if police.verdict == .notApplicable, case .point = loc.query, !r.entries(.unmapped).isEmpty {
            police = Question(who: .police, verdict: .notApplicable, agreements: [],
                              detail: (police.detail ?? "") + "; a town or township police department of this county has an agreement, but its boundary is not mapped (listed below)")
        }
        questions = [
            police,
            Question(who: .sheriff, verdict: mine(.county).isEmpty ? .no : .yes, agreements: mine(.county), detail: countyText),
            Question(who: .statewide, verdict: mine(.state).isEmpty ? .no : .yes, agreements: mine(.state), detail: st.name),
        ]
        self.notes = notes
    }

    static func item(_ e: LookupEntry, _ loc: LookupLocation) -> Item {
        let a = e.agreement, j = e.jurisdiction
        let area: String
        switch j.level {
        case .state: area = "all of \(loc.state?.name ?? PlainNames.plain(j.name))"
        case .county: area = PlainNames.plain(j.name)
        case .municipal: area = j.method == .fallbackCounty ? "its own town, somewhere in \(PlainNames.plain(j.name)) (boundary not mapped)" : PlainNames.plain(j.name)
        case .other: area = "a facility or office in \(PlainNames.plain(j.name))"
        }
        return Item(agency: a.agencyName, model: a.model, modelSentence: sentence(a.model), area: area,
                    signed: a.signed?.description, document: a.moaURL ?? (a.moaPending ? "link pending" : nil),
                    pending: e.isPending, note: j.method == .fallbackCounty ? nil : e.note)
    }

    /// `A`, `A and B`, `A, B and C`.
    static func list(_ names: [String]) -> String {
        guard names.count > 1, let last = names.last else { return names.first ?? "this county" }
        return names.dropLast().joined(separator: ", ") + " and " + last
    }
}
