import Geo287Core

/// One row of an ICE sheet: an agency paired with one support model, normalized.
/// Every `…AsPrinted` field keeps the cell text (trimmed) so nothing is lost to normalization.
///
/// A value type with copy-on-write storage: the fields live in one shared box, so copying an
/// agreement (into a matched row, a lineage, a sheet's list) is one reference count, not one per
/// string; setting a field copies the box first when another value shares it. The row number
/// is kept beside the box: the same row of consecutive sheets (`AgreementMemo`) shares one box
/// whatever its row number.
public struct Agreement: Sendable, Hashable {
    /// The stored fields but the row number (equality and hashing are theirs, field by field).
    struct Fields: Hashable {
        var kind: SheetKind
        var stateAsPrinted: String
        var state: USState?
        var agencyName: String
        var agencyKey: String
        var typeAsPrinted: String?
        var agencyType: AgencyType
        var countyAsPrinted: String?
        var modelAsPrinted: String
        var model: SupportModel?
        var signed: SignedDate?
        var signedAsPrinted: String?
        var moaURL: String?
        var moaPending: Bool
        var addendumURL: String?
        var moaTarget: String?
        var addendumTarget: String?
    }

    /// @unchecked: `fields` is only written through `Agreement`'s setters, after
    /// `isKnownUniquelyReferenced` made the box this value's own; shared boxes are only read.
    /// For the same reason no two accesses to `fields` can overlap, so they are not checked at
    /// run time (a checked access to a class property costs more than reading the field).
    final class Storage: @unchecked Sendable {
        @exclusivity(unchecked) var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage
    private var rowNumber: Int

    public init(kind: SheetKind, row: Int, stateAsPrinted: String, state: USState? = nil, agencyName: String, agencyKey: String,
                typeAsPrinted: String? = nil, agencyType: AgencyType, countyAsPrinted: String? = nil, modelAsPrinted: String,
                model: SupportModel? = nil, signed: SignedDate? = nil, signedAsPrinted: String? = nil, moaURL: String? = nil,
                moaPending: Bool, addendumURL: String? = nil, moaTarget: String? = nil, addendumTarget: String? = nil) {
        rowNumber = row
        storage = Storage(Fields(
            kind: kind, stateAsPrinted: stateAsPrinted, state: state, agencyName: agencyName, agencyKey: agencyKey,
            typeAsPrinted: typeAsPrinted, agencyType: agencyType, countyAsPrinted: countyAsPrinted, modelAsPrinted: modelAsPrinted,
            model: model, signed: signed, signedAsPrinted: signedAsPrinted, moaURL: moaURL, moaPending: moaPending,
            addendumURL: addendumURL, moaTarget: moaTarget, addendumTarget: addendumTarget))
    }

    /// The fields, for writing: the box is copied first unless this value is its only owner.
    private var unique: Fields {
        get { storage.fields }
        _modify {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
            yield &storage.fields
        }
    }

    /// Whether two values share one box (a copy not written to since): tests.
    func sharesStorage(with other: Agreement) -> Bool { storage === other.storage }

    /// The shared box: two values with the same one have equal fields but for the row number.
    /// Unique only while a value holding the box is alive (keep one beside it).
    public var storageIdentity: ObjectIdentifier { ObjectIdentifier(storage) }

    public static func == (a: Agreement, b: Agreement) -> Bool {
        a.rowNumber == b.rowNumber && (a.storage === b.storage || a.storage.fields == b.storage.fields)
    }
    public func hash(into hasher: inout Hasher) { hasher.combine(rowNumber); storage.fields.hash(into: &hasher) }

    public var kind: SheetKind {
        _read { yield storage.fields.kind }
        _modify { yield &unique.kind }
    }
    /// 1-based sheet row (for CSV input: the line the record starts on, header = 1).
    public var row: Int {
        get { rowNumber }
        set { rowNumber = newValue }
    }
    public var stateAsPrinted: String {
        _read { yield storage.fields.stateAsPrinted }
        _modify { yield &unique.stateAsPrinted }
    }
    public var state: USState? {
        _read { yield storage.fields.state }
        _modify { yield &unique.state }
    }
    /// The agency name as printed, trimmed.
    public var agencyName: String {
        _read { yield storage.fields.agencyName }
        _modify { yield &unique.agencyName }
    }
    /// The agency name as `NameKey.normalize` reads it: one key for the spellings of one agency
    /// (`Sheriff's`/`Sheriffs`, `Dept.`/`Department`, `St.`/`Saint`, case, accents, spacing).
    public var agencyKey: String {
        _read { yield storage.fields.agencyKey }
        _modify { yield &unique.agencyKey }
    }
    public var typeAsPrinted: String? {
        _read { yield storage.fields.typeAsPrinted }
        _modify { yield &unique.typeAsPrinted }
    }
    public var agencyType: AgencyType {
        _read { yield storage.fields.agencyType }
        _modify { yield &unique.agencyType }
    }
    /// Nil for Excel `#N/A` error cells, `#NA`, `N/A`, `#n?A` and empty cells.
    public var countyAsPrinted: String? {
        _read { yield storage.fields.countyAsPrinted }
        _modify { yield &unique.countyAsPrinted }
    }
    public var modelAsPrinted: String {
        _read { yield storage.fields.modelAsPrinted }
        _modify { yield &unique.modelAsPrinted }
    }
    public var model: SupportModel? {
        _read { yield storage.fields.model }
        _modify { yield &unique.model }
    }
    public var signed: SignedDate? {
        _read { yield storage.fields.signed }
        _modify { yield &unique.signed }
    }
    /// The SIGNED cell as text: ISO date for date cells, otherwise the cell text.
    public var signedAsPrinted: String? {
        _read { yield storage.fields.signedAsPrinted }
        _modify { yield &unique.signedAsPrinted }
    }
    /// The MOA document URL, normalized (see `LinkNormalizer`).
    public var moaURL: String? {
        _read { yield storage.fields.moaURL }
        _modify { yield &unique.moaURL }
    }
    /// The MOA cell reads `link pending` (no document yet).
    public var moaPending: Bool {
        _read { yield storage.fields.moaPending }
        _modify { yield &unique.moaPending }
    }
    public var addendumURL: String? {
        _read { yield storage.fields.addendumURL }
        _modify { yield &unique.addendumURL }
    }
    /// The raw MOA hyperlink target or URL text, before normalization.
    public var moaTarget: String? {
        _read { yield storage.fields.moaTarget }
        _modify { yield &unique.moaTarget }
    }
    /// The raw ADDENDUM hyperlink target, before normalization.
    public var addendumTarget: String? {
        _read { yield storage.fields.addendumTarget }
        _modify { yield &unique.addendumTarget }
    }

    /// Identifies the agency within the sheet: state (USPS, or the printed state) plus agency key.
    public var agencyID: String { "\(stateKey)|\(agencyKey)" }

    /// USPS code, or the collapsed printed state when it is not a known state.
    public var stateKey: String { state?.usps ?? Text.collapse(stateAsPrinted).uppercased() }
}
