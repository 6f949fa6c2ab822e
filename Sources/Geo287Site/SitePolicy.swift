/// The state policy picture the brief gives, as of June 2025 (labelled with that date and its
/// source on every page that shows it).
enum SitePolicy {
    static let restricting = ["CA", "OR", "WA", "IL", "NJ", "CO"]
    static let expanding = ["FL", "GA", "TX", "WI", "VA"]

    /// `restrict`, `expand` or nil.
    static func stance(_ usps: String) -> String? {
        restricting.contains(usps) ? "restrict" : expanding.contains(usps) ? "expand" : nil
    }
}
