import Geo287Census
import Geo287Core
import Geo287Jurisdictions
import Geo287Sheets

/// A lookup's answer in the order a person asks: is my police department in 287(g), my
/// sheriff, a statewide agency; then each agreement with its model in one plain sentence; then
/// the requests not yet signed. Data only: `LookupText` renders it in English, and a web page
/// can render the same fields.
public struct LookupAnswer: Sendable {
    public enum Who: String, Sendable, CaseIterable {
        /// The city or town police (or township police) of the location.
        case police
        /// The sheriff and other county-wide agencies.
        case sheriff
        /// State agencies whose powers reach the whole state.
        case statewide
    }

    public enum Verdict: String, Sendable {
        case yes, no
        /// The question does not apply (no city government here; a whole county was asked about).
        case notApplicable = "not-applicable"
    }

    public struct Question: Sendable {
        public let who: Who
        public let verdict: Verdict
        /// The agreements behind a yes.
        public let agreements: [Item]
        /// Why a question does not apply, or who was asked about.
        public let detail: String?
    }

    public struct Item: Sendable {
        public let agency: String
        public let model: SupportModel?
        /// One plain sentence on what the model lets officers do.
        public let modelSentence: String
        /// Where it applies, in plain words (`all of Florida`, `Hillsborough County`, `Tampa`).
        public let area: String
        public let signed: String?
        public let document: String?
        public let pending: Bool
        public let note: String?
    }

    /// `Tampa, Florida`.
    public let placeName: String
    /// A whole county was asked about (the police question is then about its cities and towns).
    public let isCounty: Bool
    /// `in Hillsborough County`, `in Allegheny County (a township whose boundary is not mapped)`.
    public let setting: String?
    public let sheetDate: String?
    /// Nil when the location is in no US county (then there is nothing to ask).
    public let questions: [Question]
    /// Every signed agreement covering the location.
    public let agreements: [Item]
    /// Requests not yet signed covering the location; nil when the pending sheet was not read.
    public let pending: [Item]?
    /// Other agreements of the county that do not cover the location itself.
    public let nearby: [Item]
    /// Jails, campuses, airports, prosecutors: agreements that are not policing of residents.
    public let facilities: [Item]
    public let notes: [String]
    /// County and city lines near a point.
    public let nearLines: [NearLine]
    /// Signed agreements anywhere in the state (for an honest "none here").
    public let stateAgreements: Int
    public let stateName: String?

    /// One plain sentence per model.
    public static func sentence(_ m: SupportModel?) -> String {
        switch m {
        case .jailEnforcement?: "Jail model: officers check whether people booked into the agency's jail may be deportable and can hold them for ICE."
        case .warrantService?: "Warrant model: officers can serve ICE's immigration warrants on people already held in the agency's jail."
        case .taskForce?: "Task force model: officers can question and arrest people over immigration status during everyday police work, outside the jail too."
        case nil: "ICE's list does not say which model this agreement follows."
        }
    }
}
