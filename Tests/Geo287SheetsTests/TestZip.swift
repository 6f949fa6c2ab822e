import Foundation

/// Writes small stored (uncompressed) zip files for fixtures, optionally with forged size fields.
enum TestZip {
    /// `claimedSizes` overrides the uncompressed size written for the named members.
    static func write(_ members: [(String, [UInt8])], to path: String, claimedSizes: [String: UInt32] = [:]) throws {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for (name, data) in members {
            let offset = UInt32(out.count)
            let crc = crc32(data)
            let size = UInt32(data.count)
            let claimed = claimedSizes[name] ?? size
            let nameBytes = Array(name.utf8)
            out += le32(0x0403_4b50) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0x21)
            out += le32(crc) + le32(size) + le32(claimed) + le16(UInt16(nameBytes.count)) + le16(0)
            out += nameBytes + data
            central += le32(0x0201_4b50) + le16(20) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0x21)
            central += le32(crc) + le32(size) + le32(claimed) + le16(UInt16(nameBytes.count)) + le16(0) + le16(0)
            central += le16(0) + le16(0) + le32(0) + le32(offset) + nameBytes
        }
        let cdOffset = UInt32(out.count)
        out += central
        out += le32(0x0605_4b50) + le16(0) + le16(0) + le16(UInt16(members.count)) + le16(UInt16(members.count))
        out += le32(UInt32(central.count)) + le32(cdOffset) + le16(0)
        try Data(out).write(to: URL(fileURLWithPath: path))
    }

    static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for b in data {
            crc ^= UInt32(b)
            for _ in 0..<8 { crc = (crc >> 1) ^ (crc & 1 == 1 ? 0xEDB8_8320 : 0) }
        }
        return ~crc
    }

    private static func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
    private static func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }
}

/// A minimal workbook whose worksheet lives at `xl/worksheets/list.xml` (not sheet1.xml).
enum TestWorkbook {
    static let ns = #"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#
    static let relType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static func members(sheetData: String, strings: [String] = [], hyperlinks: String = "",
                        links: [(String, String)] = [], sheetPrefix: String = "") -> [(String, [UInt8])] {
        let workbook = #"<?xml version="1.0"?><workbook \#(ns)><sheets><sheet name="Sheet 1" sheetId="1" r:id="rId9"/></sheets></workbook>"#
        let wbRels = #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="\#(relType)/worksheet" Target="worksheets/list.xml"/><Relationship Id="rId2" Type="\#(relType)/sharedStrings" Target="/xl/strings.xml"/></Relationships>"#
        let sst = "<sst \(ns)>" + strings.map { "<si>\($0)</si>" }.joined() + "</sst>"
        let sheet = sheetPrefix + "<worksheet \(ns)><sheetData>\(sheetData)</sheetData>\(hyperlinks)</worksheet>"
        let sheetRels = #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + links.map { #"<Relationship Id="\#($0.0)" Type="\#(relType)/hyperlink" Target="\#($0.1)" TargetMode="External"/>"# }.joined()
            + "</Relationships>"
        let core = #"<cp:coreProperties xmlns:cp="x" xmlns:dcterms="y"><dcterms:modified>2025-06-12T23:13:56Z</dcterms:modified></cp:coreProperties>"#
        return [
            ("xl/workbook.xml", Array(workbook.utf8)), ("xl/_rels/workbook.xml.rels", Array(wbRels.utf8)),
            ("xl/strings.xml", Array(sst.utf8)), ("xl/worksheets/list.xml", Array(sheet.utf8)),
            ("xl/worksheets/_rels/list.xml.rels", Array(sheetRels.utf8)), ("docProps/core.xml", Array(core.utf8)),
            ("[trash]/0000.dat", [0, 1, 2]),
        ]
    }

    static func inlineRow(_ r: Int, _ values: [String]) -> String {
        let cells = values.enumerated().map { i, v in
            #"<c r="\#(CellName.of(i))\#(r)" t="inlineStr"><is><t>\#(v)</t></is></c>"#
        }
        return #"<row r="\#(r)">"# + cells.joined() + "</row>"
    }
}

enum CellName {
    static func of(_ column: Int) -> String { String(UnicodeScalar(UInt8(65 + column))) }
}
