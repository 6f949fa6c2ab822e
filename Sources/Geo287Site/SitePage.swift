import Geo287Core
import Geo287Maps

/// The HTML of one page (national or state, full or embed). Every visible word comes from
/// `SiteText` by key (`data-t`): the page is written in English and switched by the script.
struct SitePage {
    /// `""` for the national page, `"../"` for pages one folder down.
    let root: String
    /// Nil for the national page.
    let state: (usps: String, name: String)?
    let mapSVG: String
    let embed: Bool
    /// Links to the page's downloads: (text key, relative path).
    let downloads: [(String, String)]
    /// State pages: the counties table (name, people, people under a local Task Force agreement).
    let countyRows: [(name: String, people: Int, local: Int)]
    /// National page: the states list (USPS, name).
    let stateLinks: [(usps: String, name: String)]

    static let policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'"

    func html() -> String {
        var s = "<!doctype html>\n<html lang=\"en\" data-root=\"\(root)\"\(embed ? " data-embed=\"1\"" : "")>\n<head>\n<meta charset=\"utf-8\">\n"
        s += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        s += "<meta http-equiv=\"Content-Security-Policy\" content=\"\(Self.policy)\">\n"
        s += "<meta name=\"referrer\" content=\"no-referrer\">\n"
        let title = state.map { SiteText.en("state.title").replacingOccurrences(of: "{0}", with: $0.name) } ?? SiteText.en("site.title")
        s += "<title>\(esc(title))</title>\n"
        s += "<link rel=\"stylesheet\" href=\"\(root)assets/site.css\">\n"
        // The script first (it defines GEO287), then the words and the data; it starts on DOMContentLoaded.
        for script in ["assets/site.js", "text/en.js", "text/es.js", "data/site.js"] {
            s += "<script defer src=\"\(root)\(script)\"></script>\n"
        }
        s += "</head>\n<body>\n"
        if embed { return s + "<main>\n" + figure() + "</main>\n</body>\n</html>\n" }
        s += header(title) + "<main>\n" + ask() + "<section id=\"answer\" aria-live=\"polite\" hidden></section>\n"
        s += figure() + listing() + models() + policySection() + about() + nextSteps() + downloadsSection()
        s += "</main>\n<footer><p data-t=\"footer\">\(t("footer"))</p></footer>\n</body>\n</html>\n"
        return s
    }

    func t(_ key: String) -> String { esc(SiteText.en(key)) }
    func esc(_ s: String) -> String { SVGText.escape(s) }
    func tag(_ name: String, _ key: String, args: [String] = [], attributes: String = "") -> String {
        var text = SiteText.en(key)
        for (i, a) in args.enumerated() { text = text.replacingOccurrences(of: "{\(i)}", with: a) }
        let data = args.isEmpty ? "" : " data-args=\"\(esc(args.joined(separator: "|")))\""
        return "<\(name)\(attributes) data-t=\"\(key)\"\(data)>\(esc(text))</\(name)>"
    }

    func header(_ title: String) -> String {
        var s = "<header>\n<div class=\"top\"><nav>"
        if state != nil { s += "<a href=\"\(root)index.html\" data-t=\"nav.back\">\(t("nav.back"))</a>" }
        s += "</nav><button type=\"button\" id=\"lang-switch\" data-t=\"lang.switch\" lang=\"es\">\(t("lang.switch"))</button></div>\n"
        if let state {
            s += tag("h1", "state.title", args: [state.name]) + "\n"
        } else {
            s += "<h1 data-t=\"site.title\">\(esc(title))</h1>\n"
        }
        return s + tag("p", "site.lead", attributes: " class=\"lead\"") + "\n</header>\n"
    }

    func ask() -> String {
        """
        <section class="ask">
        <form id="search" role="search" autocomplete="off">
        <label for="q" data-t="search.label">\(t("search.label"))</label>
        <div class="row"><input id="q" name="q" type="search" data-t-placeholder="search.placeholder" placeholder="\(t("search.placeholder"))">
        <button class="primary" type="submit" data-t="search.button">\(t("search.button"))</button>
        <button class="secondary" type="button" id="locate" data-t="locate.button">\(t("locate.button"))</button></div>
        </form>
        <p id="search-message" class="small" aria-live="polite"></p>
        <ul id="suggestions"></ul>
        <p id="locate-message" class="small" aria-live="polite"></p>
        \(tag("p", "locate.privacy", attributes: " class=\"small\""))
        </section>

        """
    }

    func figure() -> String {
        var s = "<figure>\n" + tag("h2", "map.title") + "\n"
        s += "<p class=\"headline\" id=\"headline\"\(state.map { " data-scope=\"\($0.usps)\"" } ?? "")></p>\n"
        s += mapSVG + "\n<div id=\"tip\" hidden></div>\n<figcaption>\n"
        s += tag("p", "map.legend.title", attributes: " class=\"legend-title\"") + "\n<ul class=\"legend\">"
        for (i, step) in Palette.steps.enumerated() {
            s += "<li><span class=\"sw \(step.cssClass)\"></span>" + tag("span", "map.k\(i)") + "</li>"
        }
        s += "</ul>\n<ul class=\"legend\"><li><span class=\"sw hatch\"></span>" + tag("span", "map.legend.statewide") + "</li>"
        s += "<li><span class=\"sw \(Palette.notCounted.cssClass)\"></span>" + tag("span", "map.legend.notcounted") + "</li>"
        if state != nil { s += "<li><span class=\"sw city\"></span>" + tag("span", "map.legend.city") + "</li>" }
        s += "</ul>\n" + tag("p", "map.hint", attributes: " class=\"small\"") + "\n</figcaption>\n</figure>\n"
        return s
    }

    /// The text alternative to the map: states as links (national), counties as a table (state).
    func listing() -> String {
        if state == nil {
            var s = tag("h2", "states.title") + "\n<ul class=\"states\">"
            for link in stateLinks {
                s += "<li><a href=\"states/\(link.usps).html\">\(esc(link.name))</a> <span class=\"small\" data-people=\"\(link.usps)\"></span></li>"
            }
            return s + "</ul>\n"
        }
        var s = tag("h2", "table.title") + "\n<div class=\"table-wrap\"><table><thead><tr>" + tag("th", "table.county")
            + tag("th", "table.people", attributes: " class=\"n\"") + tag("th", "table.local", attributes: " class=\"n\"") + "</tr></thead><tbody>"
        for row in countyRows {
            let share = row.people > 0 ? NumberText.percent(Double(row.local) / Double(row.people)) : "–"
            s += "<tr><td>\(esc(row.name))</td><td class=\"n\">\(NumberText.grouped(row.people))</td><td class=\"n\">\(share)</td></tr>"
        }
        return s + "</tbody></table></div>\n"
    }

    func models() -> String {
        var s = tag("h2", "models.title") + "\n<div class=\"models\">"
        for code in ["tfm", "wso", "jem"] {
            s += "<div>" + tag("span", "model.\(code)", attributes: " class=\"badge m-\(code)\"") + tag("p", "model.\(code).plain") + "</div>"
        }
        return s + "</div>\n"
    }

    func policySection() -> String {
        func names(_ list: [String]) -> String { list.compactMap { USState.usps($0)?.name }.joined(separator: ", ") }
        return tag("h2", "policy.title") + "\n<p>" + tag("span", "policy.restrict") + " " + esc(names(SitePolicy.restricting)) + "</p>\n<p>"
            + tag("span", "policy.expand") + " " + esc(names(SitePolicy.expanding)) + "</p>\n"
            + tag("p", "policy.source", attributes: " class=\"small\"") + "\n"
    }

    func about() -> String {
        tag("h2", "sheet.title") + "\n<p id=\"sheet-age\"></p>\n" + tag("p", "sheet.method") + "\n"
    }

    func nextSteps() -> String {
        tag("h2", "next.title") + "\n<ul>" + ["next.ask", "next.withdraw", "next.rights"].map { tag("li", $0) }.joined() + "</ul>\n"
    }

    func downloadsSection() -> String {
        var s = tag("h2", "downloads.title") + "\n<ul>"
        for (key, path) in downloads { s += "<li><a href=\"\(root)\(path)\" download>" + tag("span", key) + "</a></li>" }
        s += "</ul>\n" + tag("h3", "embed.title") + "\n" + tag("p", "embed.text") + "\n"
        let page = "embed/\(state?.usps ?? "US").html"
        let line = "<iframe src=\"https://example.org/geo287/\(page)\" width=\"100%\" height=\"560\" style=\"border:0\" "
            + "title=\"\(SiteText.en("map.title"))\" loading=\"lazy\"></iframe>"
        return s + "<code class=\"embed\">\(esc(line))</code>\n"
    }
}
