import Geo287History
import Geo287Jurisdictions
import Geo287Sheets

/// The `jurisdiction_periods` layer: its columns (described in docs/codebook.md), one row per period.
enum PeriodsTable {
    static func table(_ periods: [JurisdictionPeriods.Period], shapes: PeriodShapes) throws -> ExportTable {
        func text(_ f: (JurisdictionPeriods.Period) -> String?) -> ParquetColumn.Values { .string(periods.map(f)) }
        func date(_ f: (JurisdictionPeriods.Period) -> String?) -> ParquetColumn.Values { .date(periods.map { ExportDates.days(f($0)) }) }
        let counting = periods.map { BatchAgreementPanel.counting($0.matched.jurisdiction) }
        let columns = [
            ParquetColumn("period_id", text(\.periodID)),
            ParquetColumn("agreement_id", text(\.agreementID)),
            ParquetColumn("agency_id", text(\.agencyID)),
            ParquetColumn("agency", text(\.matched.agreement.agencyName)),
            ParquetColumn("state", text { AgreementIdentity($0.matched.agreement).state }),
            ParquetColumn("state_fips", text(\.matched.agreement.state?.fips), nullable: true),
            ParquetColumn("model", text { AgreementIdentity($0.matched.agreement).model }),
            ParquetColumn("signed", date(\.matched.agreement.signed?.description), nullable: true),
            ParquetColumn("level", text(\.matched.jurisdiction.level.rawValue)),
            ParquetColumn("jurisdiction_geoid", text(\.matched.jurisdiction.geoid), nullable: true),
            ParquetColumn("jurisdiction", text(\.matched.jurisdiction.name)),
            ParquetColumn("method", text(\.matched.jurisdiction.method.rawValue)),
            ParquetColumn("reach", .string(counting.map { $0[0] })),
            ParquetColumn("counted", .boolean(counting.map { $0[1] == "true" })),
            ParquetColumn("counting_rule", .string(counting.map { $0[2].isEmpty ? nil : $0[2] }), nullable: true),
            ParquetColumn("county_geoids", text { $0.matched.jurisdiction.countyGEOIDs.sorted().joined(separator: ";") }),
            ParquetColumn("place_geoid", text { p in
                if case let .place(g) = p.matched.jurisdiction.reach { return g } else { return nil }
            }, nullable: true),
            ParquetColumn("except_place_geoids", text { $0.matched.jurisdiction.exceptPlaceGEOIDs.sorted().joined(separator: ";") }),
            ParquetColumn("valid_from", date(\.validFrom), nullable: true),
            ParquetColumn("valid_to", date { $0.isOpen ? nil : $0.lastSeen }, nullable: true),
            ParquetColumn("last_seen", date(\.lastSeen), nullable: true),
            ParquetColumn("absent_from", date(\.absentFrom), nullable: true),
            ParquetColumn("open_ended", .boolean(periods.map(\.isOpen))),
            ParquetColumn("sheets", .int64(periods.map { Int64($0.sheets) })),
            ParquetColumn("sheet_row", .int64(periods.map { Int64($0.matched.agreement.row) })),
        ]
        return ExportTable(name: PeriodsExport.files.periods, columns: columns,
                           geometry: try periods.map { try shapes.shape($0.matched.jurisdiction) })
    }
}
