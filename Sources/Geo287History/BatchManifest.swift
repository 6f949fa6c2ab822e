import Foundation
import Geo287Core
import Geo287Coverage
import Geo287Sheets

/// `manifest.json`: the geo287 version, every input with its SHA-256 and size, the population
/// vintages, the options and every output with its row count and SHA-256. No timestamps.
public enum BatchManifest {
    public static func json(inputs: [BatchInputs.Input], hashes: [(sha256: String, bytes: Int)], populationVintage: String,
                            outputs: [(name: String, rows: Int, sha256: String)]) -> JSONValue {
        .object([
            ("geo287_version", .string(Geo287Version.string)),
            ("method", .string("places")),
            ("options", .object([
                ("models", .array(SupportModel.allCases.map { .string($0.rawValue) })),
                ("coverage_method", .string(CoverageMethod.places.rawValue)),
                ("include_pending_in_coverage", .bool(false)),
                ("exclude_statewide", .bool(false)),
                ("identity", .string("state|NameKey.normalize(agency)|model")),
                ("pending_pairing_days", .int(PendingPairing.pairingDays)),
            ])),
            ("population_vintages", .object([
                ("county_estimates", .string("\(populationVintage) (POPESTIMATE2023, July 1, 2023)")),
                ("place_shares", .string("2020 Census (Geocorr 2022 place × county crosswalk)")),
                ("places", .string("TIGER/Line 2019")),
                ("counties", .string("cartographic boundary 2024, 1:5,000,000")),
            ])),
            ("inputs", .array(zip(inputs, hashes).map { i, h in
                .object([("path", .string(i.path)), ("role", .string(i.role)), ("bytes", .int(h.bytes)), ("sha256", .string(h.sha256))])
            })),
            ("outputs", .array(outputs.map { o in
                .object([("file", .string(o.name)), ("rows", .int(o.rows)), ("sha256", .string(o.sha256))])
            })),
        ])
    }
}
