/// One ICE sheet, read and normalized.
public struct Sheet: Sendable {
    public var path: String
    public var kind: SheetKind
    /// ICE's publication date: `docProps/core.xml` modified time (UTC date), else a
    /// `YYYY-MM-DD` in the file name, unless overridden by the caller.
    public var published: SignedDate?
    /// The `dcterms:modified` timestamp as written, when the publication date came from it.
    public var publishedTimestamp: String?
    public var agreements: [Agreement]
    public var warnings: [SheetWarning]

    public init(
        path: String, kind: SheetKind, published: SignedDate?, publishedTimestamp: String?,
        agreements: [Agreement], warnings: [SheetWarning]
    ) {
        self.path = path
        self.kind = kind
        self.published = published
        self.publishedTimestamp = publishedTimestamp
        self.agreements = agreements
        self.warnings = warnings
    }

    /// Number of data rows (agreements).
    public var rows: Int { agreements.count }

    /// The file name without its folder.
    public var fileName: String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
