import Geo287Core

/// Reads the first worksheet of an xlsx workbook into a `RawTable`, plus the package's
/// `docProps/core.xml` properties.
struct XlsxReader {
    struct Result {
        var table: RawTable
        var sheetName: String
        /// `dcterms:modified`, as written (e.g. `2025-06-12T23:13:56Z`).
        var modified: String?
        /// `dc:creator`.
        var creator: String?
    }

    static func read(path: String) throws -> Result {
        var package = try XlsxPackage(path: path)
        let workbookPart = try officeDocument(&package)
        guard package.has(workbookPart) else {
            throw DataError(path, "not an xlsx workbook (zip has no \(workbookPart) part)")
        }
        let sheet = try firstSheet(&package, workbookPart: workbookPart)
        let workbookRels = try package.relationships(of: workbookPart)
        guard let rel = workbookRels[sheet.relationshipID] else {
            throw DataError(path, "worksheet '\(sheet.name)' has no relationship \(sheet.relationshipID) in the workbook")
        }
        guard package.has(rel.target) else {
            throw DataError(path, "worksheet part \(rel.target) of '\(sheet.name)' is missing")
        }
        var strings: [String] = []
        let sstPart = workbookRels.values.first { $0.type.hasSuffix("/sharedStrings") }?.target
            ?? "xl/sharedStrings.xml"
        if package.has(sstPart) {
            strings = try SharedStrings.parse(try package.read(sstPart), path: path, part: sstPart)
        }
        let links = try package.relationships(of: rel.target)
        var table = try WorksheetParser.parse(
            try package.read(rel.target), path: path, part: rel.target, strings: strings, links: links)
        if sheet.count > 1 {
            table.warnings.insert(SheetWarning(
                row: nil, column: nil,
                message: "workbook has \(sheet.count) worksheets; read only the first, '\(sheet.name)'"), at: 0)
        }
        let core: (modified: String?, creator: String?) =
            package.has("docProps/core.xml") ? try coreProperties(&package) : (nil, nil)
        return Result(table: table, sheetName: sheet.name, modified: core.modified, creator: core.creator)
    }

    /// The workbook part named by the package relationships (usually `xl/workbook.xml`).
    private static func officeDocument(_ package: inout XlsxPackage) throws -> String {
        guard package.has("_rels/.rels") else { return "xl/workbook.xml" }
        let rels = try package.relationships(of: "")
        return rels.values.first { $0.type.hasSuffix("/officeDocument") }?.target ?? "xl/workbook.xml"
    }

    private static func firstSheet(
        _ package: inout XlsxPackage, workbookPart: String
    ) throws -> (name: String, relationshipID: String, count: Int) {
        var scanner = XMLScanner(bytes: try package.read(workbookPart), path: package.path, part: workbookPart)
        var first: (String, String)?
        var count = 0
        while let token = try scanner.next() {
            guard case .start(let tag) = token, scanner.isNamed(tag.name, "sheet") else { continue }
            count += 1
            if first == nil, let id = try scanner.attribute("id", of: tag) {
                first = (try scanner.attribute("name", of: tag) ?? "", id)
            }
        }
        guard let first else { throw DataError(package.path, "not an xlsx workbook (\(workbookPart) lists no worksheet)") }
        return (first.0, first.1, count)
    }

    private static func coreProperties(_ package: inout XlsxPackage) throws -> (modified: String?, creator: String?) {
        let part = "docProps/core.xml"
        var scanner = XMLScanner(bytes: try package.read(part), path: package.path, part: part)
        var current: String?
        var modified: String?
        var creator: String?
        while let token = try scanner.next() {
            switch token {
            case .start(let tag):
                if scanner.isNamed(tag.name, "modified") { current = "modified" }
                else if scanner.isNamed(tag.name, "creator") { current = "creator" }
                else { current = nil }
                if tag.selfClosing { current = nil }
            case .text(let range):
                let value = Text.trim(try scanner.text(range))
                if current == "modified" { modified = value } else if current == "creator" { creator = value }
            case .end, .cdata:
                current = nil
            }
        }
        return (modified, creator)
    }
}
