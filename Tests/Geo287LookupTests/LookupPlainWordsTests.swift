import Foundation
import Geo287Geometry
import Geo287Lookup
import Geo287Sheets
import Testing

/// `lookup` in plain words: yes or no for the police, the sheriff and state agencies; everyday
/// names; suggestions for misspellings; townships by name; a point near a county line says so.
@Suite("Lookup in plain words")
struct LookupPlainWordsTests {
    static let jargon = ["CDP", "balance", "metropolitan government", "metro government", "Census", "unified government", "GEOID", "FIPS"]

    @Test("a dozen answers carry no Census jargon and always answer the three questions")
    func noJargon() throws {
        let s = try LookupFixtures.session(pending: true)
        let results = [
            try s.lookup(place: "Tampa, FL"), try s.lookup(place: "Brandon, FL"), try s.lookup(place: "Nashville"),
            try s.lookup(place: "Honolulu"), try s.lookup(place: "Louisville, KY"), try s.lookup(place: "Indianapolis, IN"),
            try s.lookup(place: "Stowe Township, PA"), try s.lookup(place: "Pittsburgh, PA"), try s.lookup(place: "Hickory, NC"),
            try s.lookup(county: "Collier County, FL"), try s.lookup(point: Coordinate(-81.25, 26.05)),
            try s.lookup(point: Coordinate(-82.4572, 28.1730)),
        ]
        for r in results {
            let text = LookupText.render(r)
            for word in Self.jargon { #expect(!text.contains(word), "`\(word)` in:\n\(text)") }
            let answer = LookupAnswer(r)
            #expect(answer.questions.map(\.who) == [.police, .sheriff, .statewide], "\(answer.placeName)")
            #expect(text.contains("Your sheriff ("), "\(answer.placeName)")
        }
    }

    @Test("common names: Nashville is Nashville, Tennessee; Honolulu is in Hawaii")
    func commonNames() throws {
        let s = try LookupFixtures.session()
        let nashville = try s.lookup(place: "Nashville")
        #expect(nashville.location.place?.geoid == "4752006" && nashville.location.state?.usps == "TN")
        #expect(nashville.location.notes.first?.hasPrefix("`Nashville` read as Nashville, Tennessee; 8 other places of that name") == true)
        #expect(LookupText.render(nashville).hasPrefix("Nashville, Tennessee (in Davidson County)\n"))
        // No city or county agreement; one state agency (Tennessee Department of Safety and Homeland Security).
        let a = LookupAnswer(nashville)
        #expect(a.questions.map(\.verdict) == [.no, .no, .yes])
        let honolulu = try s.lookup(place: "Honolulu")
        #expect(honolulu.location.state?.usps == "HI" && honolulu.location.counties.map(\.geoid) == ["15003"])
        #expect(LookupText.render(honolulu).contains("Hawaii has no agreements on this list."))
        #expect(try s.lookup(place: "Nashville, TN").location.place?.geoid == "4752006")
    }

    @Test("misspellings get suggestions: Hillsboro County, FL → Hillsborough; Nashvile → Nashville, TN")
    func misspellings() throws {
        let s = try LookupFixtures.session()
        let county = try #require(throws: LookupError.self) { try s.lookup(county: "Hillsboro County, FL") }
        #expect(county.suggestions.first == "Hillsborough County, FL")
        // The same typed as a place: pointed to the county.
        let asPlace = try #require(throws: LookupError.self) { try s.lookup(place: "Hillsboro County, FL") }
        #expect(asPlace.suggestions.first == "Hillsborough County, FL (a county: use --county)")
        let place = try #require(throws: LookupError.self) { try s.lookup(place: "Nashvile") }
        #expect(place.suggestions.first == "Nashville, TN (Davidson County)")
        #expect(!place.description.contains("CDP") && !place.description.contains("Census"))
    }

    @Test("Pennsylvania townships by name: Stowe Township's own police answer yes")
    func townships() throws {
        let s = try LookupFixtures.session()
        let stowe = try s.lookup(place: "Stowe Township, PA")
        #expect(stowe.location.subdivision == "Stowe Township" && stowe.location.counties.map(\.geoid) == ["42003"])
        let a = LookupAnswer(stowe)
        let police = try #require(a.questions.first)
        #expect(police.verdict == .yes && police.agreements.map(\.agency) == ["Stowe Township Police Department"])
        #expect(a.agreements.map(\.agency).contains("Stowe Township Police Department"))
        // The JSON carries the same answer, words included, for a web page.
        let json = try #require(try JSONSerialization.jsonObject(with: Data(LookupJSON.render(stowe).utf8)) as? [String: Any])
        let answer = try #require(json["answer"] as? [String: Any])
        let first = try #require((answer["questions"] as? [[String: Any]])?.first)
        #expect(first["who"] as? String == "police" && first["verdict"] as? String == "yes")
        #expect(answer["text"] as? String == LookupText.render(stowe))
        #expect((json["location"] as? [String: Any])?["subdivision"] as? String == "Stowe Township")
        let nashville = try #require(try JSONSerialization.jsonObject(with: Data(LookupJSON.render(try s.lookup(place: "Nashville, TN")).utf8)) as? [String: Any])
        let place = try #require((nashville["location"] as? [String: Any])?["place"] as? [String: Any])
        #expect(place["plain_name"] as? String == "Nashville" && place["name"] as? String == "Nashville-Davidson metropolitan government (balance)")
        #expect(!a.nearby.contains { $0.agency == "Stowe Township Police Department" })
        #expect(LookupText.render(stowe).contains("Your police department (Stowe Township): YES: Stowe Township Police Department (task force model)."))
        let chippewa = LookupAnswer(try s.lookup(place: "Chippewa Township, PA"))
        #expect(chippewa.questions.first?.agreements.map(\.agency) == ["Chippewa Township Police Department"])
    }

    /// Same-named towns are told apart by their county: `Name, County, ST`, the form every
    /// suggestion of the ambiguous answer takes, so any of them can be pasted back.
    @Test("`Name, County, ST` picks the town or place of that name in that county")
    func nameInCounty() throws {
        let s = try LookupFixtures.session()
        let ambiguous = try #require(throws: LookupError.self) { try s.lookup(place: "Washington Township, PA") }
        #expect(ambiguous.kind == .ambiguous && ambiguous.suggestions.count == 22)
        #expect(ambiguous.suggestions.contains("Washington Township, Westmoreland County, PA"))
        for suggestion in ambiguous.suggestions {
            let r = try s.lookup(place: suggestion)
            #expect(r.location.subdivision == "Washington Township", "\(suggestion)")
            #expect(r.location.counties.count == 1 && suggestion.contains(r.location.counties[0].name), "\(suggestion)")
        }
        #expect(try s.lookup(place: "Stowe Township, Allegheny County, PA").location.counties.map(\.geoid) == ["42003"])
        // A place of several counties is found by any of them; by another county it is not.
        let tampa = try s.lookup(place: "Tampa, Hillsborough County, FL")
        #expect(LookupAnswer(tampa).questions.first?.agreements.map(\.agency) == ["Tampa Police Department"])
        #expect(try s.lookup(place: "Kansas City, Clay County, MO").location.counties.map(\.geoid).contains("29047"))
        let wrong = try #require(throws: LookupError.self) { try s.lookup(place: "Tampa, Pinellas County, FL") }
        #expect(wrong.kind == .unknownName && wrong.suggestions == ["Tampa, FL (Hillsborough County)"])
    }

    @Test("a point 140 m from the Pasco–Hillsborough line says so; downtown Tampa does not")
    func nearCountyLine() throws {
        let s = try LookupFixtures.session()
        let near = try s.lookup(point: Coordinate(-82.4572, 28.1730))
        #expect(near.location.nearLines == [NearLine(kind: .county, metres: 140, inside: "Pasco County", across: "Hillsborough County")])
        #expect(LookupText.render(near).contains("Near a county line: this point is about 140 m from the line between Pasco County and Hillsborough County."))
        // Downtown Tampa is 1.6 km from the county's shore, which is no county line.
        #expect(try s.lookup(point: Coordinate(-82.4572, 27.9506)).location.nearLines.isEmpty)
    }

    @Test("each model is explained in one plain sentence")
    func sentences() {
        for m in SupportModel.allCases {
            let sentence = LookupAnswer.sentence(m)
            #expect(sentence.hasSuffix(".") && sentence.filter { $0 == "." }.count == 1, "\(sentence)")
        }
    }
}
