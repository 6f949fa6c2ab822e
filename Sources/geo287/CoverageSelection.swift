import ArgumentParser
import Foundation
import Geo287Core
import Geo287Coverage
import Geo287Jurisdictions

/// What a coverage run counts: `--model`, `--state`, `--include-pending` (shared by
/// `coverage` and `map`), and the loading of the sheets, matched and joined.
struct CoverageSelection: ParsableArguments {
    @Option(help: "Agreement model; \(ModelChoice.otherSpellings).")
    var model: ModelChoice = .taskForce

    @Option(help: "Only this state: \(StateChoice.spellings).")
    var state: StateChoice?

    @Flag(name: .customLong("include-pending"), help: "Add the pending agreements listed with the sheet.")
    var includePending = false

    @Option(name: .customLong("rule"), help: ArgumentHelp(
        "Switch a counting rule: NAME=on or NAME=off (repeatable; see coverage --explain).",
        discussion: "Rules: \(CountingRule.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "name=on|off"))
    var ruleSwitches: [RuleSwitch] = []

    @Option(help: "Worker threads.")
    var threads: Int = 2

    func validate() throws {
        try WorkerThreads.validate(threads)
    }

    var modelFilter: ModelFilter { model.filter }
    /// The standard counting rules with the `--rule` switches applied, in order.
    var rules: CountingRules { ruleSwitches.reduce(CountingRules.standard) { $0.with($1.rule, on: $1.on) } }
    var usps: String? { state?.usps }

    /// The gazetteer and the participating (and pending) sheet, matched and joined; the
    /// Census tables and the matched participating sheet from the derived cache when valid.
    func load(_ root: DataRoot, sheet: SheetOption) throws -> (run: CoverageRun, participating: MatchedSheet, pending: MatchedSheet?) {
        let path = try sheet.path(root)
        let run = try CoverageRun.forCommand(root, threads: threads)
        let participating = try run.matchedSheet(path: path)
        Trace.mark("sheets")
        let pending = try includePending ? run.matchedSheet(SheetOption.pending(for: participating.sheet, root)) : nil
        return (run, participating, pending)
    }
}

extension CoverageRun {
    /// A command's run over `root` (`coverage`, `map`, `match`): the Census tables loaded on this
    /// thread, whose allocations grow the main heap in large steps (a worker thread's heap grows
    /// a page at a time, one mprotect call each: ~2,800 for the Census tables), and kept until
    /// the process ends (`ProcessExit.keep`) instead of being freed just before it does.
    static func forCommand(_ root: DataRoot, threads: Int) throws -> CoverageRun {
        let run = CoverageRun(gazetteer: try Gazetteer.load(root, cache: .fromEnvironment()), threads: threads)
        ProcessExit.keep(run)
        return run
    }
}

/// `--rule prosecutors=off`: one counting rule switched on or off.
struct RuleSwitch: ExpressibleByArgument {
    let rule: CountingRule
    let on: Bool

    init?(argument: String) {
        let parts = argument.lowercased().split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let rule = CountingRule(rawValue: parts[0]) else { return nil }
        switch parts[1] {
        case "on", "yes", "true": on = true
        case "off", "no", "false": on = false
        default: return nil
        }
        self.rule = rule
    }
}
