import Geo287Core

/// The people part of a diff's outputs: totals per model, per state, and what moved them.
enum SheetDiffPeopleOutput {
    static func table(_ p: SheetDiffPeople, diff: SheetDiff, state: String?) -> String {
        let scope = state.map { "in \($0)" } ?? "nationally"
        var out = "\nPEOPLE COVERED \(scope.uppercased()) (places method, \(p.populationVintage))\n"
        let widths = [18, 13, 13, 12]
        out += SheetDiffOutput.row(["MODEL", "OLD", "NEW", "CHANGE"], widths)
        for t in p.totals where t.state == state {
            out += SheetDiffOutput.row([t.model, HistoryOutput.people(t.before), HistoryOutput.people(t.after),
                                        HistoryOutput.signed(t.delta)], widths)
        }
        if state == nil {
            let states = p.totals.filter { $0.state != nil && $0.delta != 0 }
            out += "\nSTATES WHOSE PEOPLE COVERED CHANGED (\(Set(states.compactMap(\.state)).count))\n"
            out += SheetDiffOutput.row(["STATE", "MODEL", "OLD", "NEW", "CHANGE"], [6, 18, 13, 13, 12])
            for t in states {
                out += SheetDiffOutput.row([t.state ?? "", t.model, HistoryOutput.people(t.before), HistoryOutput.people(t.after),
                                            HistoryOutput.signed(t.delta)], [6, 18, 13, 13, 12])
            }
        }
        out += "\nWHAT MOVED IT (the agreements reaching the counties whose people changed; by model, largest first)\n"
        let kinds = Dictionary(diff.entries.map { ($0.id, $0.kind.rawValue) }, uniquingKeysWith: { a, _ in a })
        if p.movers.isEmpty { out += "  nothing: no county's people covered changed\n" }
        for m in p.movers {
            let who = m.entryIDs.isEmpty ? "no agreement change found"
                : zip(m.agencies, m.entryIDs).map { "\($0) (\(kinds[$1] ?? "?"))" }.joined(separator: ", ")
            out += "  " + HistoryOutput.signed(m.delta).padding(toLength: 12, withPad: " ", startingAt: 0)
                + " \(m.model.padding(toLength: 17, withPad: " ", startingAt: 0)) \(m.state)  \(who); "
                + "\(m.counties) \(m.counties == 1 ? "county" : "counties")\n"
        }
        let moved = Set(p.movers.flatMap(\.entryIDs))
        let still = diff.entries.filter { [.added, .removed, .switched].contains($0.kind) && !moved.contains($0.id) }
        if !still.isEmpty {
            out += "  \(still.count) added, removed or switched agreement\(still.count == 1 ? "" : "s") moved no one: their people were "
                + "already covered by another agreement, or cannot be counted (towns without a mapped boundary, jails and other facilities)\n"
        }
        return out
    }

    static func json(_ p: SheetDiffPeople) -> JSONValue {
        func total(_ t: SheetDiffPeople.Total) -> JSONValue {
            .object([("model", .string(t.model)), ("state", .optional(t.state)), ("old", .int(t.before)), ("new", .int(t.after)),
                     ("change", .int(t.delta))])
        }
        return .object([
            ("method", .string("places")), ("population_vintage", .string(p.populationVintage)),
            ("totals", .array(p.totals.map(total))),
            ("movers", .array(p.movers.map { m in
                .object([("model", .string(m.model)), ("state", .string(m.state)), ("change", .int(m.delta)),
                         ("counties", .int(m.counties)), ("agreements", .array(m.entryIDs.map { .string($0) })),
                         ("agencies", .array(m.agencies.map { .string($0) }))])
            })),
        ])
    }
}
