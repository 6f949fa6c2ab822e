import Geo287Core

/// Turns the rows of a sheet into normalized agreements, collecting a warning for every value
/// that could not be normalized (the value is kept as printed).
struct AgreementBuilder {
    let kind: SheetKind
    let header: HeaderMap
    /// Dates after this (or before 1990) are treated as typos.
    let latestPlausible: SignedDate?
    private(set) var warnings: [SheetWarning] = []
    private var seen: [String: Int] = [:]
    // The same few STATE / TYPE / SUPPORT TYPE texts repeat on every row.
    private var stateCache: [String: USState?] = [:]
    private var modelCache: [String: SupportModel?] = [:]
    private var typeCache: [String: AgencyType?] = [:]

    init(kind: SheetKind, header: HeaderMap, published: SignedDate?) {
        self.kind = kind
        self.header = header
        latestPlausible = published.flatMap { SignedDate(daysSinceEpoch: $0.daysSinceEpoch + 366) }
        warnings = header.warnings
    }

    mutating func build(_ rows: [RawRow]) -> [Agreement] {
        rows.compactMap { row in
            guard row.number > header.headerRow, !row.isEmpty else { return nil }
            return agreement(row)
        }
    }

    mutating func warn(_ row: Int, _ column: HeaderMap.Column?, _ message: String) {
        warnings.append(SheetWarning(row: row, column: column?.rawValue, message: message))
    }

    private func cell(_ row: RawRow, _ column: HeaderMap.Column) -> RawCell? {
        header[column].flatMap { row.cells[$0] }
    }

    /// The visible text of a cell, trimmed; error values as their code (`#N/A`).
    private func text(_ row: RawRow, _ column: HeaderMap.Column) -> String? {
        switch cell(row, column)?.value {
        case .text(let s)?: let t = Text.trim(s); return t.isEmpty ? nil : t
        case .number(let s)?: return s
        case .error(let e)?: return e
        case .bool(let b)?: return b ? "TRUE" : "FALSE"
        case nil: return nil
        }
    }

    private mutating func agreement(_ row: RawRow) -> Agreement {
        let r = row.number
        let statePrinted = text(row, .state) ?? ""
        let state = stateCache[statePrinted] ?? {
            let found = USState.named(statePrinted) ?? (statePrinted.count == 2 ? USState.usps(statePrinted) : nil)
            stateCache[statePrinted] = .some(found)
            return found
        }()
        if state == nil {
            warn(r, .state, statePrinted.isEmpty ? "STATE is empty" : "STATE '\(statePrinted)' is not a known state")
        }
        let agency = text(row, .agency) ?? ""
        if agency.isEmpty { warn(r, .agency, "LAW ENFORCEMENT AGENCY is empty") }

        let typePrinted = text(row, .type)
        var agencyType = AgencyType.unknown
        if header[.type] != nil {
            let parsed = typePrinted.flatMap { text in
                typeCache[text] ?? {
                    let t = AgencyType.parse(text)
                    typeCache[text] = .some(t)
                    return t
                }()
            }
            if let t = parsed {
                agencyType = t
            } else {
                warn(r, .type, "TYPE '\(typePrinted ?? "")' is not State Agency, County or Municipality; type unknown")
            }
        }

        let modelPrinted = text(row, .model) ?? ""
        let model = modelCache[modelPrinted] ?? {
            let m = SupportModel.parse(modelPrinted)
            modelCache[modelPrinted] = .some(m)
            return m
        }()
        if model == nil { warn(r, .model, "SUPPORT TYPE '\(modelPrinted)' is not one of the three models") }

        var record = Agreement(
            kind: kind, row: r, stateAsPrinted: statePrinted, state: state, agencyName: agency,
            agencyKey: NameKey.normalize(agency), typeAsPrinted: typePrinted, agencyType: agencyType,
            countyAsPrinted: county(row), modelAsPrinted: modelPrinted, model: model,
            signed: nil, signedAsPrinted: nil, moaURL: nil, moaPending: false, addendumURL: nil,
            moaTarget: nil, addendumTarget: nil)
        readSigned(row, into: &record)
        readLinks(row, into: &record)

        let duplicateKey = "\(record.agencyID)|\(model?.rawValue ?? modelPrinted.lowercased())"
        if let first = seen[duplicateKey] {
            warn(r, nil, "same agency and support type as row \(first) (duplicate row)")
        } else {
            seen[duplicateKey] = r
        }
        return record
    }

    private func county(_ row: RawRow) -> String? {
        guard let c = cell(row, .county)?.value, case .text(let raw) = c else { return nil }
        let t = Text.trim(raw)
        let placeholder = Text.collapse(t).uppercased()
        return ["", "#NA", "N/A", "#N/A", "#N?A", "NA", "NONE"].contains(placeholder) ? nil : t
    }

    private mutating func readSigned(_ row: RawRow, into record: inout Agreement) {
        guard header[.signed] != nil else { return }
        let r = row.number
        guard let value = cell(row, .signed)?.value, !value.isBlank else {
            warn(r, .signed, "SIGNED is empty")
            return
        }
        var date: SignedDate?
        switch SignedParser.parse(value) {
        case .date(let d):
            date = d
        case .repaired(let d, let note):
            date = d
            warn(r, .signed, note)
        case .unreadable:
            record.signedAsPrinted = text(row, .signed)
            warn(r, .signed, "SIGNED '\(record.signedAsPrinted ?? "")' is not a date")
            return
        }
        guard let date else { return }
        if case .number = value { record.signedAsPrinted = date.description } else { record.signedAsPrinted = text(row, .signed) }
        if date.year < 1990 || latestPlausible.map({ date > $0 }) ?? (date.year > 2100) {
            warn(r, .signed, "SIGNED \(date) is implausible (a year typo?); left unset")
        } else {
            record.signed = date
        }
    }
}
