import Foundation
import Geo287Census
import Geo287Core
import Geo287Coverage
import Geo287Jurisdictions

/// Every file a batch run reads: the sheets, and the Census files the gazetteer and the matcher
/// open (county layer, population, crosswalk; the place zips of the states with local agencies,
/// and the subdivision codes, read alongside them).
public enum BatchInputs {
    public struct Input: Sendable, Hashable {
        /// Relative to the data root when inside it.
        public let path: String
        public let absolutePath: String
        /// `participating`, `pending` or `census`.
        public let role: String

        public init(path: String, absolutePath: String, role: String) {
            self.path = path
            self.absolutePath = absolutePath
            self.role = role
        }
    }

    public static func list(sheets: HistorySheets, root: DataRoot, folder: String) -> [Input] {
        var out: [Input] = []
        for s in sheets.participating { out.append(input(s.path, root: root, role: "participating")) }
        // Only the pending sheets paired with a participating sheet are counted in the history.
        let pending = Set(sheets.participating.compactMap { sheets.pending(for: $0)?.path })
        for p in sheets.pending where pending.contains(p.path) { out.append(input(p.path, root: root, role: "pending")) }
        let stem = String(CensusLayers.countiesPath.dropLast(4))
        var census = ["shp", "shx", "dbf", "cpg"].map { "\(stem).\($0)" }.filter { root.exists($0) }
        census += [CensusLayers.populationPath, CensusLayers.crosswalkPath]
        // The states with an agreement that is not statewide: each distinct agency is classified
        // once, and none of a state already in the set (the same rows repeat on every sheet).
        var states: Set<String> = [], classified: Set<AgreementKeyTable.MatchKey> = []
        for sheet in sheets.participating {
            for a in sheet.agreements {
                guard let s = a.state, !states.contains(s.fips), classified.insert(AgreementKeyTable.MatchKey(a)).inserted else { continue }
                if AgencyClassifier.classify(a).level != .state { states.insert(s.fips) }
            }
        }
        // The town table actually read: the derived table when present (as CountySubdivisions.load does).
        if !states.isEmpty { census.append(root.exists(CountySubdivisions.derivedPath) ? CountySubdivisions.derivedPath : CountySubdivisions.path) }
        census += states.sorted().compactMap { CensusLayers.placeSource(root, stateFIPS: $0)?.path }
        out += census.map { Input(path: $0, absolutePath: root.path($0), role: "census") }
        return out
    }

    static func input(_ path: String, root: DataRoot, role: String) -> Input {
        let base = root.url.standardizedFileURL.path + "/"
        let abs = URL(fileURLWithPath: path).standardizedFileURL.path
        return Input(path: abs.hasPrefix(base) ? String(abs.dropFirst(base.count)) : abs, absolutePath: abs, role: role)
    }
}
