/// Share classes and their colours: a light grey for counties with nobody covered, then five
/// steps of viridis (colour-blind safe, readable in greyscale), darker for more people covered.
public enum Palette {
    public struct Step: Sendable {
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

    /// Model classes (`Shading.model`): Okabe–Ito blue, orange and vermillion.
    public static let modelSteps: [Step] = [
        Step(cssClass: "m0", colour: "#d9d9d9", label: "none"),
        Step(cssClass: "m1", colour: "#0072b2", label: "Jail Enforcement only"),
        Step(cssClass: "m2", colour: "#e69f00", label: "Warrant Service (no Task Force)"),
        Step(cssClass: "m3", colour: "#d55e00", label: "Task Force"),
    ]

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

    /// The stylesheet shared by every map.
    public static var css: String {
        var s = "path{stroke-linejoin:round}"
        for step in steps + modelSteps { s += ".\(step.cssClass){fill:\(step.colour)}" }
        s += "#counties path{stroke:#ffffff;stroke-width:0.15}"
        s += "#state-borders{fill:none;stroke:\(stateBorder);stroke-width:1}"
        s += "#outline{fill:none;stroke:\(outline);stroke-width:0.5}"
        s += "#places path{fill:\(placeFill);fill-opacity:0.35;stroke:\(placeStroke);stroke-width:0.6}"
        s += "#insets{fill:none;stroke:#b3b3b3;stroke-width:0.6}"
        s += "text{font-family:'DejaVu Sans',Helvetica,Arial,sans-serif;fill:\(text)}"
        s += ".title{font-size:20px;font-weight:bold}.sub{font-size:13px}.small{font-size:10.5px;fill:\(mutedText)}"
        s += ".legend{font-size:11px}"
        return s
    }
}
