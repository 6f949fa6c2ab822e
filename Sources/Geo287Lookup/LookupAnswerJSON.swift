import Geo287Core

/// `LookupAnswer` as JSON (the `answer` object of `lookup --format json`): the plain-words
/// fields a web page renders, and `text`, the English rendering.
enum LookupAnswerJSON {
    static func render(_ a: LookupAnswer) -> JSONValue {
        func item(_ i: LookupAnswer.Item) -> JSONValue {
            .object([
                ("agency", .string(i.agency)), ("model", .optional(i.model?.rawValue)), ("model_sentence", .string(i.modelSentence)),
                ("area", .string(i.area)), ("signed", .optional(i.signed)), ("document", .optional(i.document)),
                ("pending", .bool(i.pending)), ("note", .optional(i.note)),
            ])
        }
        return .object([
            ("place", .string(a.placeName)), ("setting", .optional(a.setting)), ("sheet_published", .optional(a.sheetDate)),
            ("questions", .array(a.questions.map { q in
                .object([("who", .string(q.who.rawValue)), ("verdict", .string(q.verdict.rawValue)), ("detail", .optional(q.detail)),
                         ("agreements", .array(q.agreements.map(item)))])
            })),
            ("agreements", .array(a.agreements.map(item))),
            ("pending", a.pending.map { .array($0.map(item)) } ?? .null),
            ("nearby", .array(a.nearby.map(item))),
            ("facilities", .array(a.facilities.map(item))),
            ("near_lines", .array(a.nearLines.map { n in
                .object([("kind", .string(n.kind.rawValue)), ("metres", .int(n.metres)), ("inside", .string(n.inside)),
                         ("across", .optional(n.across))])
            })),
            ("notes", .array(a.notes.map { .string($0) })),
            ("text", .string(LookupText.render(a))),
        ])
    }
}
