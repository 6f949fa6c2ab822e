import Geo287Census
import Geo287Core
import Geo287Geometry
import Geo287Jurisdictions
import Geo287Sheets

/// One sheet matched and joined: what coverage, maps and lookups start from.
public struct MatchedSheet: Sendable {
    public let sheet: Sheet
    public let matched: [MatchedAgreement]
    /// The agreement id of each row, when the sheet was matched among many (`history`, `batch`).
    public let keys: AgreementKeys?

    public init(sheet: Sheet, matched: [MatchedAgreement], keys: AgreementKeys? = nil) {
        self.sheet = sheet
        self.matched = matched
        self.keys = keys
    }
}

/// Loads, matches and joins sheets against one gazetteer; runs coverage end to end.
public struct CoverageRun: Sendable {
    public let gazetteer: Gazetteer
    public let threads: Int

    public init(gazetteer: Gazetteer, threads: Int = 2) {
        self.gazetteer = gazetteer
        self.threads = threads
    }

    public func matchedSheet(_ sheet: Sheet, geometry: CountyJoin.Geometry = .whereNeeded) throws -> MatchedSheet {
        let resolved = try JurisdictionMatcher(gazetteer: gazetteer).match(sheet.agreements)
        Trace.mark("match")
        let joined = try CountyJoin(gazetteer: gazetteer).join(resolved, threads: threads, geometry: geometry)
        Trace.mark("join")
        return MatchedSheet(sheet: sheet, matched: joined)
    }

    /// `memo`: counties kept from the sheet counted before with the same options (places method; `history`, `batch`).
    public func coverage(_ participating: MatchedSheet, pending: MatchedSheet?, options: CoverageOptions,
                         memo: CountyCoverageMemo? = nil) throws -> CoverageResult {
        let calculator = CoverageCalculator(gazetteer: gazetteer)
        let pendingSheet = pending?.sheet
        let pendingMatched = pending?.matched ?? []
        switch options.method {
        case .places:
            return calculator.compute(participating: participating.sheet, matched: participating.matched, pending: pendingSheet,
                                      pendingMatched: pendingMatched, options: options, memo: memo, keys: participating.keys)
                .adding(notes: dataNotes(participating, pending: pending, options: options, memo: memo))
        case .tracts:
            try gazetteer.root.require(CensusLayers.tractCentroidsPath)
            let tracts = try TractCentroids.load(gazetteer.root.path(CensusLayers.tractCentroidsPath))
            Trace.mark("tracts read")
            let all = participating.matched + (options.includePending ? pendingMatched : [])
            let placeIDs = Set(all.filter { options.model.admits($0.agreement.model) }.compactMap { m -> String? in
                if case .place(let geoid) = options.rules.reach(m.jurisdiction) { return geoid } else { return nil }
            })
            try gazetteer.loadPlaceGeometries(placeIDs, threads: threads)
            Trace.mark("place polygons")
            let located = try TractCoverage.locate(tracts, gazetteer: gazetteer, placeGEOIDs: placeIDs, threads: threads,
                                                   engine: options.engine)
            Trace.mark("tracts located")
            var result = calculator.compute(participating: participating.sheet, matched: participating.matched, pending: pendingSheet,
                                            pendingMatched: pendingMatched, options: options,
                                            placeFractions: { located.fraction(county: $0, agreements: $1) })
            result = result.adding(note: "Method: \(located.tractCount) tract population centroids (2020) located point in polygon; \(located.unlocated) fell outside every county polygon (coastal tracts), so a county's covered fraction is taken over its located tracts.")
            return result.adding(notes: dataNotes(participating, pending: pending, options: options))
        }
    }
}

extension CoverageResult {
    func adding(note: String) -> CoverageResult {
        CoverageResult(sheet: sheet, pendingSheet: pendingSheet, options: options, populationVintage: populationVintage,
                       national: national, states: states, counties: counties, notes: notes + [note])
    }
}
