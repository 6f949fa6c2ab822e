import Foundation
import Geo287TestSupport
import Testing

/// One CLI vocabulary: the same options, spellings, one-line errors and exit codes in every
/// command (0 success, 1 other failure, 64 bad usage, 65 bad input data, 66 missing input).
@Suite struct VocabularyTests {
    static let embedded = ReferenceData.embeddedPath

    func geo287(_ args: [String]) throws -> CLIRunner.Run { try CLIRunner.geo287(args) }

    /// Each command (as the usage hint names it) with what it needs to get past parsing.
    static let commands: [(name: String, args: [String])] = [
        ("coverage", ["coverage"]), ("map", ["map"]), ("lookup", ["lookup", "--county", "Collier County, FL"]),
        ("agreements", ["agreements"]), ("summary", ["summary"]),
        ("diff", ["diff", "participating-2026-04-30.xlsx", "participating-2026-05-18.xlsx"]), ("history", ["history"]),
        ("match", ["match"]), ("batch", ["batch", "--out", "panel"]), ("data status", ["data", "status"]),
        ("data fetch", ["data", "fetch", "ice"]),
    ]

    func expectOneLine(_ r: CLIRunner.Run, status: Int32, prefix: String, _ context: String) {
        #expect(r.status == status, "\(context): \(r.stderr)")
        #expect(r.stderr.hasPrefix(prefix), "\(context): \(r.stderr)")
        #expect(r.stderr.hasSuffix("\n") && r.stderr.split(separator: "\n", omittingEmptySubsequences: false).count == 2,
                "\(context): not one line: \(r.stderr)")
        #expect(r.stdout.isEmpty, "\(context)")
    }

    @Test(arguments: [("--modle", "task-force"), ("--stat", "FL")])
    func misspeltOptionIsOneUsageLineEverywhere(option: String, value: String) throws {
        for (name, args) in Self.commands {
            let r = try geo287(args + ["--data", Self.embedded, option, value])
            expectOneLine(r, status: 64, prefix: "geo287: error: Unknown option '\(option)'", name)
            #expect(r.stderr.hasSuffix(" (see 'geo287 \(name) --help')\n"), "\(name): \(r.stderr)")
        }
        let coverage = try geo287(["coverage", option, value])
        #expect(coverage.stderr.contains("Did you mean '\(option == "--modle" ? "--model" : "--state")'?"))
    }

    @Test func badModelValueNamesTheSpellings() throws {
        for command in [["coverage"], ["map"], ["history"], ["agreements"]] {
            let r = try geo287(command + ["--model", "street-patrol"])
            expectOneLine(r, status: 64, prefix: "geo287: error: The value 'street-patrol' is invalid for '--model <model>'", "\(command)")
            for spelling in ["'task-force'", "'jail-enforcement'", "'warrant-service'", "'all'", "TFM", "JEM", "WSO", "Task Force Model"] {
                #expect(r.stderr.contains(spelling), "\(command): \(spelling)")
            }
        }
    }

    @Test func badStateValueNamesTheSpellings() throws {
        for command in [["coverage"], ["map"], ["agreements"], ["data", "fetch", "places"]] {
            let r = try geo287(command + ["--state", "Narnia"])
            expectOneLine(r, status: 64, prefix: "geo287: error: The value 'Narnia' is invalid for '--state <state>': give a USPS code (FL), a state name (Florida, \"new york\") or a FIPS code (12)", "\(command)")
        }
    }

    @Test func badEnumValuesAreUsageErrors() throws {
        let cases: [([String], String)] = [
            (["coverage", "--format", "xml"], "'--format <format>'. Please provide one of 'table', 'csv' or 'json'"),
            (["coverage", "--method", "rays"], "'--method <method>'. Please provide one of 'places' and 'tracts'"),
            (["coverage", "--engine", "gpu"], "'--engine <engine>'. Please provide one of 'grid' and 'geos'"),
            (["map", "--color-by", "party"], "'--color-by <color-by>'. Please provide one of 'share' and 'model'"),
            (["map", "--layer", "tracts"], "'--layer <layer>'. Please provide one of 'counties' and 'jurisdictions'"),
            (["map", "--preset", "print"], "'--preset <preset>'. Please provide one of 'web'"),
            (["agreements", "--kind", "signed"], "'--kind <kind>'. Please provide one of 'participating' and 'pending'"),
            (["history", "--format", "png"], "'--format <format>'. Please provide one of 'table', 'csv', 'json' or 'svg'"),
            (["lookup", "--point", "1,1", "--format", "csv"], "'--format <format>'. Please provide one of 'text' and 'json'"),
        ]
        for (args, text) in cases {
            let r = try geo287(args)
            expectOneLine(r, status: 64, prefix: "geo287: error: The value ", "\(args)")
            #expect(r.stderr.contains(text), "\(args): \(r.stderr)")
        }
    }

    @Test func helpListsTheValues() throws {
        /// Help text with its line breaks and indentation as single spaces.
        func help(_ command: String) throws -> String {
            let r = try geo287([command, "--help"])
            #expect(r.status == 0)
            return r.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        let coverage = try help("coverage")
        for word in ["(values: task-force, jail-enforcement, warrant-service, all; default: task-force)",
                     "(values: places, tracts; default: places)", "(values: grid, geos; default: grid)",
                     "(values: table, csv, json; default: table)", "TFM", "--out <out>"] {
            #expect(coverage.contains(word), "\(word)")
        }
        let expected: [(String, [String])] = [
            ("map", ["(values: svg, geojson, topojson; default: svg)", "(values: share, model; default: share)",
                     "(values: counties, jurisdictions; default: counties)", "(values: web)", "--exclude-statewide"]),
            ("agreements", ["(values: participating, pending)", "default: all)"]),
            ("summary", ["(values: table, json; default: table)", "--all"]),
            ("history", ["(values: table, csv, json, svg; default: table)"]),
            ("lookup", ["(values: text, json; default: text)"]),
            ("match", ["(values: table, csv, json, geojson; default: table)"]),
        ]
        for (command, words) in expected {
            let text = try help(command)
            for word in words { #expect(text.contains(word), "\(command): \(word)") }
        }
        // Output files are --out in every command; -o and --output are gone.
        for command in ["coverage", "map", "lookup", "agreements", "summary", "diff", "history", "match", "batch"] {
            let text = try help(command)
            #expect(text.contains("--out <out>") && !text.contains("--output") && !text.contains("-o,"), "\(command)")
        }
        expectOneLine(try geo287(["agreements", "-o", "x.csv"]), status: 64, prefix: "geo287: error: Unknown option '-o'", "-o")
        expectOneLine(try geo287(["summary", "--output", "x.txt"]), status: 64, prefix: "geo287: error: Unknown option '--output'", "--output")
    }

    @Test func rootHelpDocumentsTheExitCodes() throws {
        let help = try geo287(["--help"])
        #expect(help.status == 0)
        let text = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("Exit codes: 0 success; 1 any other failure"))
        #expect(text.contains("64 bad usage") && text.contains("65 bad input data") && text.contains("66 missing input"))
    }

    @Test func missingFilesExit66() throws {
        let missing = "/nonexistent/participating-2030-01-01.xlsx"
        for args in [["coverage", "--sheet", missing], ["map", "--sheet", missing], ["match", "--sheet", missing],
                     ["agreements", "--sheet", missing], ["summary", "--sheet", missing],
                     ["lookup", "--county", "Collier County, FL", "--sheet", missing], ["diff", missing, "participating-2026-05-18.xlsx"]] {
            let r = try geo287(args + ["--data", Self.embedded])
            expectOneLine(r, status: 66, prefix: "geo287: error: \(missing): file not found", "\(args)")
        }
        // A bare name not in <data>/ice, a missing CSV of points, a missing data root.
        expectOneLine(try geo287(["agreements", "--data", Self.embedded, "--sheet", "participating-2030-01-01.xlsx"]),
                      status: 66, prefix: "geo287: error: participating-2030-01-01.xlsx: file not found", "bare name")
        expectOneLine(try geo287(["lookup", "--data", Self.embedded, "--points", "/nonexistent/points.csv"]),
                      status: 66, prefix: "geo287: error: /nonexistent/points.csv: ", "points")
        expectOneLine(try geo287(["history", "--data", "/nonexistent/root"]), status: 66, prefix: "geo287: error: /nonexistent/root: ", "root")
    }

    @Test func malformedInputExits65() throws {
        let csv = FileManager.default.temporaryDirectory.appendingPathComponent("geo287-points-\(UUID().uuidString).csv")
        try Data("name,north,east\nTampa,1,2\n".utf8).write(to: csv)
        defer { try? FileManager.default.removeItem(at: csv) }
        let r = try geo287(["lookup", "--data", Self.embedded, "--points", csv.path])
        expectOneLine(r, status: 65, prefix: "geo287: error: \(csv.path): no lat and lon columns in the header (name,north,east)", "points")
    }

    @Test func stateSpellingsGiveTheSameOutput() throws {
        let fl = try geo287(["coverage", "--data", Self.embedded, "--state", "FL"])
        #expect(fl.status == 0, "\(fl.stderr)")
        #expect(fl.stdout.contains("FL: "))
        for spelling in ["florida", "Florida", "fl", "12"] {
            let r = try geo287(["coverage", "--data", Self.embedded, "--state", spelling])
            #expect(r.stdout == fl.stdout, "\(spelling)")
        }
        let ny = try geo287(["agreements", "--data", Self.embedded, "--state", "NY", "--format", "csv"])
        #expect(ny.status == 0 && ny.stdout.split(separator: "\n").count > 2)
        for spelling in ["new york", "New York", "ny", "36"] {
            #expect(try geo287(["agreements", "--data", Self.embedded, "--state", spelling, "--format", "csv"]).stdout == ny.stdout, "\(spelling)")
        }
    }

    @Test func modelSpellingsGiveTheSameOutput() throws {
        let tfm = try geo287(["agreements", "--data", Self.embedded, "--model", "task-force", "--format", "csv"])
        #expect(tfm.status == 0)
        // 1,162 task force agreements on the newest sheet (2026-05-18), plus the header.
        #expect(tfm.stdout.split(separator: "\n").count == 1163)
        for spelling in ["TFM", "tfm", "Task Force Model", "TASK-FORCE", "task force"] {
            #expect(try geo287(["agreements", "--data", Self.embedded, "--model", spelling, "--format", "csv"]).stdout == tfm.stdout, "\(spelling)")
        }
        let jem = try geo287(["agreements", "--data", Self.embedded, "--model", "JEM", "--format", "csv"])
        #expect(try geo287(["agreements", "--data", Self.embedded, "--model", "jail-enforcement", "--format", "csv"]).stdout == jem.stdout)
    }

    /// `agreements` without --sheet reads the newest participating sheet, as coverage does.
    @Test func agreementsDefaultsToTheNewestSheet() throws {
        let r = try geo287(["agreements", "--data", Self.embedded, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let sheet = try #require(json["sheet"] as? [String: Any])
        #expect((sheet["path"] as? String)?.hasSuffix("/ice/participating-2026-05-18.xlsx") == true)
        #expect(sheet["published"] as? String == "2026-05-18" && sheet["rows"] as? Int == 1843)
        #expect((json["agreements"] as? [Any])?.count == 1843)
        let asOf = try geo287(["agreements", "--data", Self.embedded, "--as-of", "2026-05-01", "--format", "json"])
        #expect(asOf.stdout.contains("\"published\": \"2026-04-30\""), "\(asOf.stdout.prefix(300))")
    }

    /// `summary` without --sheet summarizes the newest sheet; --all every sheet in <data>/ice.
    @Test func summaryDefaultsToTheNewestSheet() throws {
        let r = try geo287(["summary", "--data", Self.embedded])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("\(Self.embedded)/ice/participating-2026-05-18.xlsx: participating, published 2026-05-18, 1843 rows"))
        #expect(r.stdout.components(separatedBy: ", published ").count == 2)  // one sheet
        let sheets = try FileManager.default.contentsOfDirectory(atPath: Self.embedded + "/ice").filter { $0.hasSuffix(".xlsx") }
        let all = try geo287(["summary", "--data", Self.embedded, "--all", "--format", "json"])
        #expect(all.status == 0)
        let list = try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [Any]
        #expect(list?.count == sheets.count && sheets.count >= 60)
        expectOneLine(try geo287(["summary", "--all", "--sheet", "participating-2026-05-18.xlsx"]), status: 64,
                      prefix: "geo287: error: give --all or --sheet, not both", "--all --sheet")
    }

    /// Every key of every JSON object geo287 prints is snake_case.
    @Test func jsonKeysAreSnakeCase() throws {
        func keys(_ value: Any) -> Set<String> {
            if let object = value as? [String: Any] {
                return object.reduce(into: Set(object.keys)) { $0.formUnion(keys($1.value)) }
            }
            if let array = value as? [Any] { return array.reduce(into: Set<String>()) { $0.formUnion(keys($1)) } }
            return []
        }
        let runs: [[String]] = [
            ["agreements", "--format", "json"], ["summary", "--format", "json"], ["coverage", "--format", "json", "--state", "FL"],
            ["lookup", "--county", "Collier County, FL", "--format", "json", "--include-pending"],
            ["diff", "participating-2026-04-30.xlsx", "participating-2026-05-18.xlsx", "--format", "json"],
        ]
        var seen = Set<String>()
        for args in runs {
            let r = try geo287(args + ["--data", Self.embedded])
            #expect(r.status == 0, "\(args): \(r.stderr)")
            let found = keys(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)))
            let bad = found.filter { key in !key.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" } }
            #expect(bad.isEmpty, "\(args): \(bad.sorted())")
            seen.formUnion(found)
        }
        for key in ["agency_key", "moa_pending", "state_as_printed", "jail_enforcement", "pending_sheet", "inside_county", "state_fips"] {
            #expect(seen.contains(key), "\(key)")
        }
    }

    /// `coverage --state FL`: the notes count Florida's agreements, not the nation's (newest
    /// sheet, all models: 10 of the 41 corrections agreements are Florida's; 348 agreements in all).
    @Test func stateFilteredNotesAreAboutThatState() throws {
        func run(_ extra: [String]) throws -> [String: Any] {
            let r = try geo287(["coverage", "--data", ReferenceData.path, "--model", "all", "--format", "json"] + extra)
            #expect(r.status == 0, "\(r.stderr)")
            return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        }
        let nation = try run([]), florida = try run(["--state", "FL"])
        let nationNotes = nation["notes"] as? [String] ?? [], floridaNotes = florida["notes"] as? [String] ?? []
        #expect(nationNotes.contains { $0.hasPrefix("41 agreement(s) under the rule `corrections`, which is off") })
        #expect(nationNotes.contains { $0.hasPrefix("29 agreement(s) under the rule `constables`, which is off") })
        #expect(nationNotes.contains { $0.hasPrefix("41 agreement(s) in effect with town, township or regional police") && $0.contains("(NH 9, PA 32)") })
        #expect(nationNotes.contains { $0.hasPrefix("1 agreement(s) could not be placed") })
        #expect(floridaNotes.contains { $0.hasPrefix("10 agreement(s) under the rule `corrections`, which is off") }, "\(floridaNotes)")
        #expect(!floridaNotes.contains { $0.contains("`constables`") })
        // Florida has no town fallbacks, no unplaced agreement and no territory.
        #expect(!floridaNotes.contains { $0.contains("town, township") || $0.contains("could not be placed") || $0.contains("territories") })
        #expect((florida["national"] as? [String: Any])?["agreements"] as? Int == 348)
        #expect((nation["national"] as? [String: Any])?["agreements"] as? Int == 1843)
    }
}
