import Foundation
@testable import Geo287Fetch
import Geo287Core
import Testing

@Suite struct CDXParsingTests {
    static let answer = """
    [["urlkey","timestamp","original","mimetype","statuscode","digest","length"],
     ["gov,ice)/doclib/about/offices/ero/287g/pendingagencies.xlsx","20250301180751","https://www.ice.gov/doclib/about/offices/ero/287g/pendingAgencies.xlsx","application/vnd.openxmlformats-officedocument.spreadsheetml.sheet","200","AAAA","17000"],
     ["gov,ice)/doclib/about/offices/ero/287g/participatingagencies.xlsx","20250221214937","https://www.ice.gov/doclib/about/offices/ero/287g/participatingAgencies.xlsx","application/vnd.openxmlformats-officedocument.spreadsheetml.sheet","200","BBBB","29728"],
     ["gov,ice)/doclib/about/offices/ero/287g/287gmoa.pdf","20250301000000","https://www.ice.gov/doclib/about/offices/ero/287g/287gMOA.pdf","application/pdf","200","CCCC","100"],
     ["gov,ice)/doclib/about/offices/ero/287g/templates.xlsx","20250301000000","https://www.ice.gov/doclib/about/offices/ero/287g/templates.xlsx","application/octet-stream","200","DDDD","100"],
     ["gov,ice)/doclib/about/offices/ero/287g/participatingagencies.xlsx","2025022","https://www.ice.gov/doclib/about/offices/ero/287g/participatingAgencies.xlsx","x","200","EEEE","1"],
     ["gov,ice)/doclib/about/offices/ero/287g/participatingagencies05182026am.xlsx","20260518153016","http://ice.gov:80/doclib/about/offices/ero/287g/participatingAgencies05182026am.xlsx?x=1","text/html","200","FFFF","500"],
     ["short row"]]
    """

    @Test func keepsSheetCapturesOldestFirst() throws {
        let captures = try WaybackCDX.sheetCaptures(Data(Self.answer.utf8), source: "cdx")
        #expect(captures.map(\.timestamp) == ["20250221214937", "20250301180751", "20260518153016"])
        #expect(captures.map(\.kind) == [.participating, .pending, .participating])
        #expect(captures.map(\.fileName) == ["participatingAgencies.xlsx", "pendingAgencies.xlsx",
                                             "participatingAgencies05182026am.xlsx"])
        #expect(captures.map(\.digest) == ["BBBB", "AAAA", "FFFF"])
        #expect(captures.last?.rawURL?.absoluteString
            == "https://web.archive.org/web/20260518153016id_/http://ice.gov:80/doclib/about/offices/ero/287g/participatingAgencies05182026am.xlsx?x=1")
    }

    @Test func emptyAndBrokenAnswers() throws {
        #expect(try WaybackCDX.sheetCaptures(Data(), source: "cdx").isEmpty)
        #expect(try WaybackCDX.sheetCaptures(Data("[]".utf8), source: "cdx").isEmpty)
        #expect(try WaybackCDX.sheetCaptures(Data("[[\"urlkey\",\"timestamp\",\"original\"]]".utf8), source: "cdx").isEmpty)
        #expect(throws: DataError("cdx", "CDX answer is not a JSON array")) {
            try WaybackCDX.sheetCaptures(Data("{\"a\":1}".utf8), source: "cdx")
        }
        #expect(throws: DataError.self) { try WaybackCDX.sheetCaptures(Data("<html>502</html>".utf8), source: "cdx") }
        #expect(throws: DataError.self) { try WaybackCDX.sheetCaptures(Data("[[\"a\",\"b\"],[\"1\",\"2\"]]".utf8), source: "cdx") }
    }

    @Test func fileNamesCannotEscapeTheFolder() {
        #expect(WaybackCDX.fileName(of: "https://www.ice.gov/doclib/x/..%2F..%2FparticipatingAgencies.xlsx")
            == ".._.._participatingAgencies.xlsx")
        #expect(WaybackCDX.fileName(of: "https://www.ice.gov/doclib/x/pendingAgencies.xlsx#top") == "pendingAgencies.xlsx")
    }
}
