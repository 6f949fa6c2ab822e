import Geo287Core

/// One row of an ICE sheet: an agency paired with one support model, normalized.
/// Every `…AsPrinted` field keeps the cell text (trimmed) so nothing is lost to normalization.
public struct Agreement: Sendable, Hashable {
    public var kind: SheetKind
    /// 1-based sheet row (for CSV input: the line the record starts on, header = 1).
    public var row: Int
    public var stateAsPrinted: String
    public var state: USState?
    /// The agency name as printed, trimmed.
    public var agencyName: String
    /// The agency name as `NameKey.normalize` reads it: one key for the spellings of one agency
    /// (`Sheriff's`/`Sheriffs`, `Dept.`/`Department`, `St.`/`Saint`, case, accents, spacing).
    public var agencyKey: String
    public var typeAsPrinted: String?
    public var agencyType: AgencyType
    /// Nil for Excel `#N/A` error cells, `#NA`, `N/A`, `#n?A` and empty cells.
    public var countyAsPrinted: String?
    public var modelAsPrinted: String
    public var model: SupportModel?
    public var signed: SignedDate?
    /// The SIGNED cell as text: ISO date for date cells, otherwise the cell text.
    public var signedAsPrinted: String?
    /// The MOA document URL, normalized (see `LinkNormalizer`).
    public var moaURL: String?
    /// The MOA cell reads `link pending` (no document yet).
    public var moaPending: Bool
    public var addendumURL: String?
    /// The raw MOA hyperlink target or URL text, before normalization.
    public var moaTarget: String?
    /// The raw ADDENDUM hyperlink target, before normalization.
    public var addendumTarget: String?

    /// Identifies the agency within the sheet: state (USPS, or the printed state) plus agency key.
    public var agencyID: String { "\(stateKey)|\(agencyKey)" }

    /// USPS code, or the collapsed printed state when it is not a known state.
    public var stateKey: String { state?.usps ?? Text.collapse(stateAsPrinted).uppercased() }
}
