import Geo287Coverage
import Geo287History
import Geo287Sheets

/// The county × sheet panel of coverage flags: per sheet and county, for each model and for any
/// model, whether a counted agreement covers residents of the county (`<model>`), the people
/// covered and their share (as `geo287 coverage` counts them, places method). Join it to
/// `counties.parquet` on `county_geoid` for shapes.
public struct CountySheetPanel: Sendable {
    static let filters: [(name: String, filter: ModelFilter)] =
        SupportModel.allCases.map { ($0.rawValue.replacingOccurrences(of: "-", with: "_"), ModelFilter.model($0)) } + [("any_model", .all)]

    private var published: [String?] = [], geoid: [String?] = [], county: [String?] = [], state: [String?] = []
    private var population: [Int64?] = []
    private var flags: [[Bool?]] = Array(repeating: [], count: filters.count)
    private var covered: [[Int64?]] = Array(repeating: [], count: filters.count)
    private var share: [[Double?]] = Array(repeating: [], count: filters.count)

    public init() {}

    public mutating func add(_ step: History.Step) {
        guard let base = step.coverage[.all] else { return }
        let date = step.matched.sheet.published?.description ?? step.matched.sheet.fileName
        let byFilter = Self.filters.map { f in
            Dictionary((step.coverage[f.filter]?.counties ?? []).map { ($0.geoid, $0) }, uniquingKeysWith: { a, _ in a })
        }
        for c in base.counties.sorted(by: { $0.geoid < $1.geoid }) {
            published.append(date); geoid.append(c.geoid); county.append(c.name); state.append(c.stateUSPS)
            population.append(Int64(c.population))
            for (k, counties) in byFilter.enumerated() {
                let x = counties[c.geoid]
                flags[k].append(x?.agreements.contains(where: \.counted) ?? false)
                covered[k].append(Int64(x?.covered ?? 0))
                share[k].append(x?.share ?? 0)
            }
        }
    }

    public var table: ExportTable {
        var columns = [
            ParquetColumn("published", .date(published.map(ExportDates.days)), nullable: true), ParquetColumn("county_geoid", .string(geoid)),
            ParquetColumn("county", .string(county)), ParquetColumn("state", .string(state)), ParquetColumn("population", .int64(population)),
        ]
        for (k, f) in Self.filters.enumerated() {
            columns += [ParquetColumn(f.name, .boolean(flags[k])), ParquetColumn("\(f.name)_covered", .int64(covered[k])),
                        ParquetColumn("\(f.name)_share", .double(share[k]))]
        }
        return ExportTable(name: "county_panel", columns: columns)
    }
}

enum ExportDates {
    /// Days since 1970-01-01 of an ISO date (nil when the text is not one).
    static func days(_ text: String?) -> Int32? {
        guard let text, let d = SignedDate(iso: text) else { return nil }
        return Int32(exactly: d.daysSinceEpoch)
    }
}
