import Geo287Core

/// Turns the rows of a sheet into normalized agreements, collecting a warning for every value
/// that could not be normalized (the value is kept as printed).
struct AgreementBuilder {
    let kind: SheetKind
    let header: HeaderMap
    /// Dates after this (or before 1990) are treated as typos.
    let latestPlausible: SignedDate?
    private(set) var warnings: [SheetWarning] = []
    /// The first row of each duplicate key (by `DuplicateIDs` number; 0: not seen yet).
    private var firstRow: [Int] = []
    /// Duplicate key numbers when there is no memo (else the shard's, which its entries hold).
    private var duplicateIDs = DuplicateIDs()
    // The same few STATE / TYPE / SUPPORT TYPE texts repeat on every row.
    private var stateCache: [String: USState?] = [:]
    private var modelCache: [String: SupportModel?] = [:]
    private var typeCache: [String: AgencyType?] = [:]
    /// Rows built by earlier sheets of the same read (nil: every row is built), and the part of
    /// their keys this sheet shares.
    private let memo: AgreementMemo.Shard?
    /// This sheet's context in the memo, and the columns of the header's cells in `Column` order.
    private let memoContext: Int
    private let memoColumns: [Int]
    /// The key of the row being read (one buffer for every row).
    private var memoKey = RowKey()

    init(kind: SheetKind, header: HeaderMap, published: SignedDate?, memo: AgreementMemo.Shard? = nil) {
        self.kind = kind
        self.header = header
        latestPlausible = published.flatMap { SignedDate(daysSinceEpoch: $0.daysSinceEpoch + 366) }
        warnings = header.warnings
        self.memo = memo
        memoContext = memo?.context(kind: kind, header: header) ?? 0
        memoColumns = HeaderMap.Column.allCases.compactMap { header[$0] }
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

    /// The agreement of `row`, from the memo when an earlier sheet had the same cells; the
    /// signed date's plausibility (it depends on the sheet's date) and the duplicate check run
    /// here, per sheet, either way.
    private mutating func agreement(_ row: RawRow) -> Agreement {
        let r = row.number
        let start = warnings.count
        let built: AgreementMemo.Entry
        if let memo {
            memoKey.start(context: memoContext)
            for column in memoColumns where row.cells.withCell(at: column, { memoKey.add($0) }) == nil { memoKey.add(nil) }
            let digest = memoKey.digest
            if let entry = memo.entry(memoKey, digest: digest) {
                built = entry
                for w in entry.warnings { warnings.append(SheetWarning(row: r, column: w.column, message: w.message)) }
            } else {
                built = fields(row, key: memoKey.bytes, digest: digest)
                memo.insert(built)
            }
        } else {
            built = fields(row, key: [], digest: 0)
        }
        // The box is the memo's, shared: the row number is kept beside it, and the signed date
        // is the one read unless this sheet's date makes it implausible (a copy, rarely).
        var record = built.agreement
        record.row = r
        if let date = built.signedCandidate, date.year < 1990 || latestPlausible.map({ date > $0 }) ?? (date.year > 2100) {
            warnings.insert(SheetWarning(row: r, column: HeaderMap.Column.signed.rawValue,
                                         message: "SIGNED \(date) is implausible (a year typo?); left unset"),
                            at: start + built.signedCheckAt)
            record.signed = nil
        }
        let id = built.duplicateID
        if id >= firstRow.count { firstRow.append(contentsOf: repeatElement(0, count: id + 1 - firstRow.count)) }
        if firstRow[id] > 0 {
            warn(r, nil, "same agency and support type as row \(firstRow[id]) (duplicate row)")
        } else {
            firstRow[id] = r
        }
        return record
    }

    /// The agreement of `row` built from its cells, with its warnings (also appended), its
    /// duplicate key and its SIGNED date before the plausibility check (`signed` is that date).
    /// `key`, `digest`: the row's in the memo.
    private mutating func fields(_ row: RawRow, key: [UInt8], digest: UInt64) -> AgreementMemo.Entry {
        let r = row.number
        let start = warnings.count
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
        let signed = readSigned(row, into: &record)
        record.signed = signed
        let signedCheckAt = warnings.count - start
        readLinks(row, into: &record)
        let duplicateKey = "\(record.agencyID)|\(model?.rawValue ?? modelPrinted.lowercased())"
        let duplicateID: Int
        if let memo { duplicateID = memo.duplicateIDs.id(duplicateKey) } else { duplicateID = duplicateIDs.id(duplicateKey) }
        return AgreementMemo.Entry(
            key: key, digest: digest, agreement: record,
            warnings: warnings[start...].map { (column: $0.column, message: $0.message) },
            duplicateID: duplicateID,
            signedCandidate: signed, signedCheckAt: signedCheckAt)
    }

    private func county(_ row: RawRow) -> String? {
        guard let c = cell(row, .county)?.value, case .text(let raw) = c else { return nil }
        let t = Text.trim(raw)
        let placeholder = Text.collapse(t).uppercased()
        return ["", "#NA", "N/A", "#N/A", "#N?A", "NA", "NONE"].contains(placeholder) ? nil : t
    }

    /// The SIGNED date as read (its notes warned about), before the plausibility check.
    private mutating func readSigned(_ row: RawRow, into record: inout Agreement) -> SignedDate? {
        guard header[.signed] != nil else { return nil }
        let r = row.number
        guard let value = cell(row, .signed)?.value, !value.isBlank else {
            warn(r, .signed, "SIGNED is empty")
            return nil
        }
        let date: SignedDate
        switch SignedParser.parse(value) {
        case .date(let d):
            date = d
        case .repaired(let d, let note):
            date = d
            warn(r, .signed, note)
        case .unreadable:
            record.signedAsPrinted = text(row, .signed)
            warn(r, .signed, "SIGNED '\(record.signedAsPrinted ?? "")' is not a date")
            return nil
        }
        if case .number = value { record.signedAsPrinted = date.description } else { record.signedAsPrinted = text(row, .signed) }
        return date
    }
}
