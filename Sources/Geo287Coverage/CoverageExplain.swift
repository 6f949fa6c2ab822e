import Geo287Core
import Geo287Jurisdictions

/// `geo287 coverage --explain`: every counting rule, whether it is on, how many agreements of
/// the run it decides, and how many people it adds (on) or would add (off), all else equal.
public struct RuleEffect: Sendable {
    public let rule: CountingRule
    public let on: Bool
    public let agreements: Int
    /// Covered people with the rule on minus with it off.
    public let people: Int
}

public enum CoverageExplain {
    public static func effects(run: CoverageRun, participating: MatchedSheet, pending: MatchedSheet?,
                               result: CoverageResult) throws -> [RuleEffect] {
        let options = result.options
        let all = participating.matched + (options.includePending ? pending?.matched ?? [] : [])
        let admitted = all.filter {
            options.model.admits($0.agreement.model) && $0.agreement.model != nil
                && (options.state == nil || $0.agreement.state?.usps == options.state)
                && !(options.excludeStatewide && $0.jurisdiction.level == .state)
        }
        return try CountingRule.allCases.map { rule in
            let decided = admitted.filter {
                options.rules.rule(for: $0.jurisdiction) == rule && !$0.jurisdiction.method.isFallbackOrUnmatched
            }.count
            let isOn = options.rules.on.contains(rule)
            var people = 0
            if decided > 0 {
                var flipped = options
                flipped.rules = options.rules.with(rule, on: !isOn)
                let other = try run.coverage(participating, pending: pending, options: flipped).national.covered
                people = isOn ? result.national.covered - other : other - result.national.covered
            }
            return RuleEffect(rule: rule, on: isOn, agreements: decided, people: people)
        }
    }

    public static func table(_ effects: [RuleEffect], result: CoverageResult) -> String {
        var out = "Counting rules (\(result.options.model.description)\(result.options.state.map { ", \($0)" } ?? ""), sheet \(CoverageOutput.sheetLine(result))):\n"
        out += "RULE                    NOW  DEFAULT  AGREEMENTS  " + "PEOPLE".leftPad(12) + "  WHAT IT COVERS\n"
        for e in effects {
            let sign = e.on ? "+" : "(+"
            let people = e.agreements == 0 ? "" : sign + NumberText.grouped(e.people) + (e.on ? "" : ")")
            out += e.rule.rawValue.padding(toLength: 22, withPad: " ", startingAt: 0) + "  " + (e.on ? "on " : "off")
                + "  " + (e.rule.countsByDefault ? "on " : "off").padding(toLength: 7, withPad: " ", startingAt: 0)
                + "  " + String(e.agreements).leftPad(10) + "  " + people.leftPad(12) + "  " + e.rule.reasoning + "\n"
        }
        let towns = result.states.reduce(0) { $0 + $1.uncountedTowns }
        out += "\nPEOPLE: what the rule adds to \(NumberText.grouped(result.national.covered)) covered (on), or would add in parentheses (off), all else equal; people under several agreements count once, so the column does not add up.\n"
        out += "Switch a rule with --rule NAME=on|off (repeatable).\n"
        if towns > 0 {
            out += "Not a rule but a data limit: \(towns) agreement(s) with town or township police have no polygon or population in the data, so their residents are not counted (those states' totals are lower bounds).\n"
        }
        return out
    }
}
