/// Every word the site shows, one table per language (`SiteText+English`, `SiteText+Spanish`),
/// keyed alike: the pages are written in English with each text's key (`data-t`), and the page
/// switches language from the same tables (`text/en.js`, `text/es.js`). `{0}`, `{1}` are filled in
/// by the page. A test checks that both tables have exactly the same keys.
public enum SiteText {
    public static let languages: [(code: String, table: [(String, String)])] = [("en", english), ("es", spanish)]

    /// The English text of `key` (the pages' initial text); the key itself when missing.
    static func en(_ key: String) -> String { englishByKey[key] ?? key }

    static let englishByKey = Dictionary(english, uniquingKeysWith: { a, _ in a })
}
