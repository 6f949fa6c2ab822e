import Geo287Sheets

/// Share classes and their colours: a light grey for counties with nobody covered, then five
/// steps of viridis (colour-blind safe, readable in greyscale), darker for more people covered.
/// Two marks go over a class: stripes where a statewide agreement covers people no local one
/// does, dots (on the grey) where an agency holds an agreement whose residents are not counted.
/// This is the one palette of geo287's maps, charts and pages: each model has one colour
/// everywhere (`modelColour`).
public enum Palette {
    public struct Step: Sendable, Equatable {
        public let cssClass: String
        public let colour: String
        public let label: String
    }

    public static let steps: [Step] = [
        Step(cssClass: "k0", colour: "#d9d9d9", label: "none"),
        Step(cssClass: "k1", colour: "#fde725", label: "under 10%"),
        Step(cssClass: "k2", colour: "#5ec962", label: "10–49%"),
        Step(cssClass: "k3", colour: "#21918c", label: "50–89%"),
        Step(cssClass: "k4", colour: "#3b528b", label: "90–99%"),
        Step(cssClass: "k5", colour: "#440154", label: "all (100%)"),
    ]

    /// The colour of each model on every map, chart and page (Okabe–Ito blue, orange and
    /// vermillion: distinct for colour-blind readers).
    public static func modelColour(_ model: SupportModel) -> String {
        switch model {
        case .jailEnforcement: return "#0072b2"
        case .warrantService: return "#e69f00"
        case .taskForce: return "#d55e00"
        }
    }

    /// Model classes (`Shading.model`), in the models' colours.
    public static let modelSteps: [Step] = [
        Step(cssClass: "m0", colour: "#d9d9d9", label: "none"),
        Step(cssClass: "m1", colour: modelColour(.jailEnforcement), label: "Jail Enforcement only"),
        Step(cssClass: "m2", colour: modelColour(.warrantService), label: "Warrant Service (no Task Force)"),
        Step(cssClass: "m3", colour: modelColour(.taskForce), label: "Task Force"),
    ]

    /// Counties where nobody is covered but a police agency holds an agreement whose residents
    /// are not counted (township, borough and regional police with no polygon; see
    /// `Shading.residentsNotCounted`): the grey of "none" with dark dots.
    public static let notCounted = Step(cssClass: "kn", colour: "#d9d9d9", label: "agreement here, residents not counted")

    /// What the stripes say in the legend.
    public static let statewideLabel = "stripes: a statewide agency's agreement covers people no local agreement does"
    public static let notCountedLabel = "dots: an agency holds an agreement, but its residents are not counted (township, borough or regional police, constables)"

    /// The class of a county: 0 when nobody is covered, 5 when everyone is.
    public static func step(covered: Int, population: Int) -> Int {
        guard covered > 0, population > 0 else { return 0 }
        if covered >= population { return 5 }
        let share = Double(covered) / Double(population)
        if share >= 0.9 { return 4 }
        if share >= 0.5 { return 3 }
        if share >= 0.1 { return 2 }
        return 1
    }

    /// Colour of places that hold their own agreement (state maps): white veil, dark outline.
    public static let placeFill = "#ffffff"
    public static let placeStroke = "#1a1a1a"
    public static let text = "#1a1a1a"
    public static let mutedText = "#555555"
    public static let stateBorder = "#ffffff"
    public static let outline = "#737373"

    /// Dark marks on light colours, white marks on dark ones (by relative luminance).
    public static func markColour(on colour: String) -> String {
        let hex = colour.dropFirst()
        guard hex.count == 6, let v = Int(hex, radix: 16) else { return text }
        let r = Double((v >> 16) & 0xff), g = Double((v >> 8) & 0xff), b = Double(v & 0xff)
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 > 0.45 ? "#1a1a1a" : "#ffffff"
    }

    /// The pattern id of a class drawn with statewide stripes.
    public static func stripedClass(_ step: Step) -> String { step.cssClass + "s" }

    /// `<defs>`: for every class, its statewide-striped variant, and the not-counted dots.
    public static func patterns(_ classes: [Step]) -> String {
        var s = "<defs>"
        for step in classes {
            let mark = markColour(on: step.colour)
            s += "<pattern id=\"\(stripedClass(step))\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
                + "<rect width=\"5\" height=\"5\" fill=\"\(step.colour)\"/><rect width=\"1.6\" height=\"5\" fill=\"\(mark)\"/></pattern>"
        }
        s += "<pattern id=\"\(notCounted.cssClass)\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\">"
            + "<rect width=\"4\" height=\"4\" fill=\"\(notCounted.colour)\"/><circle cx=\"2\" cy=\"2\" r=\"0.9\" fill=\"#3a3a3a\"/></pattern>"
        return s + "</defs>\n"
    }

    /// The stylesheet shared by every map.
    public static var css: String {
        var s = "path{stroke-linejoin:round}"
        for step in steps + modelSteps {
            s += ".\(step.cssClass){fill:\(step.colour)}.\(stripedClass(step)){fill:url(#\(stripedClass(step)))}"
        }
        s += ".\(notCounted.cssClass){fill:url(#\(notCounted.cssClass))}"
        s += "#counties path{stroke:#ffffff;stroke-width:0.15}"
        s += "#state-borders{fill:none;stroke:\(stateBorder);stroke-width:1}"
        s += "#outline{fill:none;stroke:\(outline);stroke-width:0.5}"
        s += "#places path{fill:\(placeFill);fill-opacity:0.35;stroke:\(placeStroke);stroke-width:0.6}"
        s += "#insets{fill:none;stroke:#b3b3b3;stroke-width:0.6}"
        s += "text{font-family:'DejaVu Sans',Helvetica,Arial,sans-serif;fill:\(text)}"
        s += ".title{font-size:20px;font-weight:bold}.sub{font-size:13px}.small{font-size:10.5px;fill:\(mutedText)}"
        s += ".legend{font-size:11px}"
        s += ".label{font-size:10px;font-weight:bold;fill:#1a1a1a;stroke:#ffffff;stroke-width:2.5px;paint-order:stroke;stroke-linejoin:round}"
        s += ".label-city{font-size:9px;font-weight:bold;fill:#1a1a1a;stroke:#ffffff;stroke-width:2.2px;paint-order:stroke;stroke-linejoin:round}"
        s += ".label-sm{font-size:9px;fill:#333333;stroke:#ffffff;stroke-width:2.2px;paint-order:stroke;stroke-linejoin:round}"
        return s
    }
}
