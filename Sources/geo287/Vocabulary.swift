import ArgumentParser
import Foundation
import Geo287Core
import Geo287Coverage
import Geo287Geometry
import Geo287Maps
import Geo287Sheets

// One vocabulary for every subcommand: each option that takes one of a fixed set of words is an
// `ExpressibleByArgument` enum (its `--help` lists the values), and `--model` and `--state` have
// one parser each, whatever the command.

/// `--model`: task-force, jail-enforcement, warrant-service or all. Also accepted, in any case:
/// ICE's abbreviations (TFM, JEM, WSO) and model names ("Task Force Model").
enum ModelChoice: String, CaseIterable, ExpressibleByArgument, Sendable {
    case taskForce = "task-force"
    case jailEnforcement = "jail-enforcement"
    case warrantService = "warrant-service"
    case all

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces)
        if text.lowercased() == "all" {
            self = .all
        } else if let model = SupportModel.parse(text) {
            self.init(model)
        } else {
            return nil
        }
    }

    init(_ model: SupportModel) {
        switch model {
        case .taskForce: self = .taskForce
        case .jailEnforcement: self = .jailEnforcement
        case .warrantService: self = .warrantService
        }
    }

    /// The one model, or nil for all.
    var model: SupportModel? {
        switch self {
        case .taskForce: .taskForce
        case .jailEnforcement: .jailEnforcement
        case .warrantService: .warrantService
        case .all: nil
        }
    }

    var filter: ModelFilter { model.map(ModelFilter.model) ?? .all }

    /// Said after a bad value, and in the options' help.
    static let otherSpellings = "also TFM, JEM, WSO or a model's name (\"Task Force Model\"), in any case"
}

/// `--state`: a USPS code (FL), a state name (Florida, "new york") or a FIPS code (12), in any case.
struct StateChoice: ExpressibleByArgument, Sendable {
    let state: USState

    init?(argument: String) {
        guard let state = Self.parse(argument) else { return nil }
        self.state = state
    }

    static func parse(_ text: String) -> USState? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        if trimmed.allSatisfy(\.isASCIIDigit) { return trimmed.count <= 2 ? USState.fips(trimmed) : nil }
        return USState.usps(trimmed) ?? USState.named(trimmed)
    }

    var usps: String { state.usps }

    static let spellings = "a USPS code (FL), a state name (Florida, \"new york\") or a FIPS code (12), in any case"

    /// The error for a bad value found after parsing (a list such as `--state FL,ZZ`), worded
    /// as the parser words a bad `--state` value.
    static func invalid(_ value: String) -> ValidationError {
        ValidationError("The value '\(value)' is invalid for '--state <state>': give \(spellings)")
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

// The libraries' fixed sets of words, read from the command line.
extension CoverageMethod: ExpressibleByArgument {}
extension PointInPolygonEngine: ExpressibleByArgument {}
extension Shading: ExpressibleByArgument {}
extension SheetKind: ExpressibleByArgument {}

/// `--format` of the commands that print tables, CSV or JSON (agreements, coverage, diff).
enum TableFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    case table, csv, json
}
