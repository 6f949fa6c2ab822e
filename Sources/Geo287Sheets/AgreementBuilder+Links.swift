extension AgreementBuilder {
    /// MOA and ADDENDUM: the cell hyperlink if there is one, else a URL typed into the cell;
    /// `link pending` marks the MOA as pending. Anything else is kept and warned about.
    mutating func readLinks(_ row: RawRow, into record: inout Agreement) {
        if header[.moa] != nil {
            let (target, visible) = link(row, .moa)
            record.moaTarget = target
            record.moaURL = target.map(LinkNormalizer.normalize)
            let lowered = Text.collapse(visible).lowercased()
            record.moaPending = lowered == "link pending"
            if target == nil, !record.moaPending {
                if visible.isEmpty {
                    if kind == .participating { warn(row.number, .moa, "MOA is empty (no hyperlink)") }
                } else {
                    warn(row.number, .moa, "MOA text '\(visible)' has no hyperlink")
                }
            }
        }
        if header[.addendum] != nil {
            let (target, visible) = link(row, .addendum)
            record.addendumTarget = target
            record.addendumURL = target.map(LinkNormalizer.normalize)
            if target == nil, !visible.isEmpty, visible.lowercased() != "link pending" {
                warn(row.number, .addendum, "ADDENDUM text '\(visible)' has no hyperlink")
            }
        }
    }

    /// (hyperlink target or URL text, visible text with NBSP as space).
    private func link(_ row: RawRow, _ column: HeaderMap.Column) -> (String?, String) {
        guard let index = header[column], let cell = row.cells[index] else { return (nil, "") }
        var visible = ""
        if case .text(let s)? = cell.value { visible = Text.collapse(s) }
        if let link = cell.link, !Text.trim(link).isEmpty { return (link, visible) }
        let lowered = visible.lowercased()
        if lowered.hasPrefix("http:") || lowered.hasPrefix("https:") || lowered.hasPrefix("www.") {
            return (lowered.hasPrefix("www.") ? "https://" + visible : visible, visible)
        }
        return (nil, visible)
    }
}
