import Foundation
import Geo287Census
import Geo287Core
import Geo287Geometry
import Geo287Sheets
import Testing

/// One case per class of hostile input and per reader: the exact one-line error (naming the
/// file and what is wrong) or, where the input is legal, a correct result; never a trap.
@Suite("Hostile input: readers")
struct ReaderLimitTests {
    static func error(_ body: () throws -> Void) -> String? {
        do { try body(); return nil } catch { return "\(error)" }
    }

    // MARK: xlsx

    @Test("a cell or hyperlink reference of 30 letters is not a column: no overflow, the sheet reads")
    func longCellReference() throws {
        let dir = try HostileDir("longref"); defer { dir.remove() }
        let letters = String(repeating: "Z", count: 30)
        let xml = try HostileFixtures.worksheet()
            .replacingOccurrences(of: #"<c r="A2""#, with: #"<c r="\#(letters)2""#)
            .replacingOccurrences(of: "</sheetData>", with: #"</sheetData><hyperlinks><hyperlink ref="\#(letters)1:\#(letters)9" r:id="rId1"/></hyperlinks>"#)
        let sheet = try SheetReader.read(path: try HostileFixtures.workbook(dir, "participating-2025-02-21.xlsx", worksheet: xml))
        #expect(sheet.agreements.count == 151)   // as the untouched sheet
    }

    @Test("a row number of 2^63-1 followed by an unnumbered row is an error naming the value")
    func hugeRowNumber() throws {
        let dir = try HostileDir("rownum"); defer { dir.remove() }
        let xml = try HostileFixtures.worksheet()
            .replacingOccurrences(of: #"<row r="3""#, with: #"<row r="9223372036854775807""#)
            .replacingOccurrences(of: #"<row r="4""#, with: "<row")
        let path = try HostileFixtures.workbook(dir, "p.xlsx", worksheet: xml)
        #expect(Self.error { _ = try SheetReader.read(path: path) }
                == "\(path): xl/worksheets/sheet1.xml: row number '9223372036854775807' is not a row of a worksheet (1 to 1048576)")
    }

    @Test("a worksheet cut mid-row is an error, not a shorter sheet")
    func truncatedWorksheet() throws {
        let dir = try HostileDir("cut"); defer { dir.remove() }
        let full = try HostileFixtures.worksheet()
        let cut = String(full[..<full.range(of: #"<row r="40""#)!.upperBound]) + #" spans="1:6"><c r="A40" t="s"><v>1"#
        let path = try HostileFixtures.workbook(dir, "p.xlsx", worksheet: cut)
        let message = try #require(Self.error { _ = try SheetReader.read(path: path) })
        #expect(message.hasPrefix("\(path): xl/worksheets/sheet1.xml: the document is truncated (it ends inside 5 open elements"))
    }

    @Test("800,000 empty rows (a few hundred KB zipped) are refused at the row limit, in bounded memory")
    func tooManyRows() throws {
        let dir = try HostileDir("rows"); defer { dir.remove() }
        let rows = (1...800_000).map { "<row r=\"\($0)\"></row>" }.joined()
        let xml = try HostileFixtures.worksheet().replacingOccurrences(of: "</sheetData>", with: "</sheetData>")
        let head = String(xml[..<xml.range(of: "<sheetData>")!.upperBound])
        let path = try HostileFixtures.workbook(dir, "p.xlsx", worksheet: head + rows + "</sheetData></worksheet>")
        #expect(Self.error { _ = try SheetReader.read(path: path) }
                == "\(path): xl/worksheets/sheet1.xml: more than 100000 rows (the limit for an ICE sheet)")
    }

    // MARK: CSV sheets

    @Test("a CSV sheet row of 100,000 empty fields is refused at the field limit")
    func tooManyFields() throws {
        let dir = try HostileDir("fields"); defer { dir.remove() }
        let path = try dir.write("p.csv", HostileFixtures.csvHeader + String(repeating: ",", count: 100_000) + "\n")
        #expect(Self.error { _ = try SheetReader.read(path: path) }
                == "\(path): line 2: more than 256 fields in a record (the limit for this file)")
    }

    @Test("a CSV sheet over 16 MiB is refused before it is read")
    func oversizedCSV() throws {
        let dir = try HostileDir("big"); defer { dir.remove() }
        let path = try dir.write("p.csv", [UInt8](repeating: 0x41, count: (16 << 20) + 1))
        #expect(Self.error { _ = try SheetReader.read(path: path) }
                == "\(path): is 16777217 bytes, over the 16777216-byte limit for an ICE sheet (CSV)")
    }

    @Test("a FIFO, a folder or a device given as a sheet is refused up front (nothing blocks)")
    func specialFiles() throws {
        let dir = try HostileDir("fifo"); defer { dir.remove() }
        let fifo = dir.path + "/p.csv"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(Self.error { _ = try SheetReader.read(path: fifo) } == "\(fifo): is a FIFO (named pipe), not a regular file; refused")
        #expect(Self.error { _ = try SheetReader.read(path: "/dev/zero") } == "/dev/zero: is a character device, not a regular file; refused")
        #expect(Self.error { _ = try ZipFile(path: fifo) } == "\(fifo): is a FIFO (named pipe), not a regular file; refused")
    }

    // MARK: Shapefiles

    @Test("a polygon record of 2 points is an error naming the record, not a county dropped")
    func degeneratePolygon() throws {
        let dir = try HostileDir("shp2"); defer { dir.remove() }
        let two = MultiPolygon([Polygon(shell: Ring([Coordinate(-82, 27), Coordinate(-82, 27.1)]))])
        let path = try HostileFixtures.shapefile(dir, "c", [HostileFixtures.square(-80, 26), two])
        #expect(Self.error { _ = try ShapefileReader.read(path) }
                == "\(path): record 2 is a polygon with no ring of 4 or more points (3 points)")
    }

    @Test("NaN, infinite or 1e308 coordinates are an error naming the record, on disk and zipped")
    func impossibleCoordinates() throws {
        let dir = try HostileDir("nan"); defer { dir.remove() }
        for (i, bad) in [Double.nan, .infinity, -.infinity, 1e308].enumerated() {
            let shape = MultiPolygon([Polygon(shell: Ring([Coordinate(-82, 27), Coordinate(-82, 28), Coordinate(bad, 28), Coordinate(-81, 27)]))])
            let path = try HostileFixtures.shapefile(dir, "c\(i)", [HostileFixtures.square(-80, 26), shape])
            let message = try #require(Self.error { _ = try ShapefileReader.read(path) })
            #expect(message.hasPrefix("\(path): record 2 part 1 has an impossible coordinate ("), "\(message)")
            let zip = dir.path + "/c\(i).zip"
            try ZipWriter.write(try HostileFixtures.shapefileMembers("c\(i)", [HostileFixtures.square(-80, 26), shape]), to: zip)
            let zipped = try #require(Self.error { _ = try ShapefileReader.read(zip) })
            #expect(zipped.hasPrefix("\(zip)!c\(i).shp: record 2 part 1 has an impossible coordinate ("), "\(zipped)")
        }
    }

    @Test("a zip holding two shapefiles is ambiguous and refused")
    func twoShapefilesInAZip() throws {
        let dir = try HostileDir("two"); defer { dir.remove() }
        let zip = dir.path + "/tl_2019_12_place.zip"
        try ZipWriter.write(try HostileFixtures.shapefileMembers("tl_2019_13_place", [HostileFixtures.square(-84, 33)])
                            + HostileFixtures.shapefileMembers("tl_2019_12_place", [HostileFixtures.square(-82, 27)]), to: zip)
        #expect(Self.error { _ = try ShapefileReader.read(zip) }
                == "\(zip): zip holds 2 shapefiles (tl_2019_13_place.shp, tl_2019_12_place.shp): ambiguous, refused (one layer per zip)")
    }

    @Test("a .shx entry past the end of the .shp is an error naming the record, also for a point lookup")
    func shxPastEnd() throws {
        let dir = try HostileDir("shx"); defer { dir.remove() }
        var members = try HostileFixtures.shapefileMembers("p", [HostileFixtures.square(-80, 26), HostileFixtures.square(-82, 27)])
        let shxIndex = try #require(members.firstIndex { $0.name == "p.shx" })
        var shx = [UInt8](members[shxIndex].data)
        shx[108] = 0x7F   // record 2's offset (big-endian 16-bit words) now points far past the end
        members[shxIndex].data = Data(shx)
        let zip = dir.path + "/p.zip"
        try ZipWriter.write(members, to: zip)
        for selection: ShapefileReader.GeometrySelection in [.all, .boxes({ _ in true })] {
            let message = try #require(Self.error { _ = try ShapefileReader.zipGeometries(zip, records: selection) })
            #expect(message.hasPrefix("\(zip)!p.shp: record 2 cannot be read: the .shx places it at bytes "), "\(message)")
            #expect(message.hasSuffix("past the end of the .shp (\(100 + 2 * (8 + 128)) bytes)"), "\(message)")
        }
    }

    // MARK: Census tables

    @Test("a population table cut in half, or with a county edited, is refused as incomplete")
    func incompletePopulation() throws {
        let dir = try HostileDir("pop"); defer { dir.remove() }
        let real = try String(contentsOfFile: HostileFixtures.root.path("census/population/co-est2023-alldata.csv"), encoding: .isoLatin1)
        let lines = real.split(separator: "\r\n", omittingEmptySubsequences: false)
        let half = try dir.write("half.csv", Array(lines.prefix(lines.count / 2).joined(separator: "\r\n").utf8))
        let message = try #require(Self.error { _ = try PopulationTable.load(half) })
        #expect(message.hasPrefix("\(half): incomplete table: "), "\(message)")
        // Autauga County, AL (01001) one person larger: Alabama no longer adds up.
        let autauga = try #require(lines.firstIndex { $0.hasPrefix("050,3,6,01,001,") })
        var edited = lines.map(String.init)
        let fields = edited[autauga].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        let col = try #require(header.firstIndex(of: "POPESTIMATE2023"))
        var changed = fields
        changed[col] = String(Int(fields[col])! + 1)
        edited[autauga] = changed.joined(separator: ",")
        let plusOne = try dir.write("plus1.csv", Array(edited.joined(separator: "\r\n").utf8))
        #expect(Self.error { _ = try PopulationTable.load(plusOne) }
                == "\(plusOne): incomplete table: Alabama's counties sum to 5,108,469 people but its state row says 5,108,468 (POPESTIMATE2023)")
        changed[col] = "-5000000"
        edited[autauga] = changed.joined(separator: ",")
        let negative = try dir.write("neg.csv", Array(edited.joined(separator: "\r\n").utf8))
        #expect(Self.error { _ = try PopulationTable.load(negative) }
                == "\(negative): row \(autauga + 1): POPESTIMATE2023 `-5000000` is not a whole number of people")
        // The real table passes and adds up to the README's national figure.
        #expect(try PopulationTable.load(HostileFixtures.root.path("census/population/co-est2023-alldata.csv")).nationalTotal == 334_914_895)
    }
}
