import CityPressLoad
import CityPressSite

/// What the search page searches: every country, city, declaration, commitment, implementation
/// update and report of a site, as a JavaScript file that assigns one global (`CityPressSearch`).
///
/// A script, not a JSON file, because a page opened from a folder (`file://`) may load a script
/// but Chromium forbids it to `fetch()` a file beside it. The format (documented in
/// docs/search.md) is kept small for sites of ten thousand cities:
///
/// - Texts are searched in their A–Z folded form (`TextFolding.fold`). A text that is all ASCII is
///   written as a string (its folded form is its lower case, which the script makes); any other
///   as `[text, folded]`, so the script never has to fold a name the way Swift would.
/// - City and country addresses are route patterns with the slug put in; a slug that is what
///   `Slug.make` makes of the name is left out (`""`), since the script makes it from the folded name.
/// - Cities refer to their country, commitments and updates to their declaration, reports to their
///   update and city, by position, not by repeating names; a report's address is its update's and
///   its city's slug (when that is what its route is).
package struct SearchIndex: Sendable {
    /// The version of the format, raised when a reader of an older one would misread the file.
    package static let format = 1

    private let site: Site

    /// The index of `site`; with `tree` (`fr/`), the index of that site language's tree: cities and
    /// countries are its pages, a declaration is its translation into the language (title, commitments,
    /// page) where `translations` (declaration index → position in `site.translations`) has one, and the
    /// original otherwise. With `order`, cities and countries are listed in that language's A–Z, as the
    /// tree's own lists are (results that rank alike come in list order).
    package init(site: Site, interface: Interface = InterfaceTables.english, tree: String = "", translations: [Int: Int] = [:],
                 order: PlaceOrder? = nil) {
        self.site = site
        self.interface = interface
        self.tree = tree
        self.translations = translations
        self.order = order
    }

    /// The language of the dates and kinds the index shows.
    let interface: Interface
    let tree: String
    let translations: [Int: Int]
    let order: PlaceOrder?

    /// The script's text: the same bytes for the same site.
    package var javaScript: String {
        var out = "/* CityPress search index, format \(Self.format): read by assets/search.js (see docs/search.md). */\n"
        out += "window.CityPressSearch = {\"format\":\(Self.format),\n"
        out += "\"routes\":{\"city\":\(Self.string(tree + CityOutput.route(Self.slot).path)),"
        out += "\"country\":\(Self.string(tree + CountryOutput.route(Self.slot).path)),"
        // In a tree a declaration's page is its translation's or the original's: the index gives each path whole.
        out += "\"declaration\":\(Self.string(tree.isEmpty ? DeclarationOutput.route(Self.slot).path : Self.slot))},\n"
        // In a tree, what is shown in the originals' language is marked so (`lang`) in the results: the
        // untranslated declarations (a 1 after their date), their commitments, and every report.
        if !tree.isEmpty { out += "\"original\":\(Self.string(site.config.language)),\n" }
        // Positions in the lists as written: a city's country and a report's city are named by them.
        let countries = order?.countries ?? Array(site.countries.indices)
        var countryPosition = [Int](repeating: 0, count: countries.count)
        for (position, country) in countries.enumerated() { countryPosition[country] = position }
        let cityPosition = order?.rank ?? Array(site.cities.indices)
        out += list("countries", countries.map { site.countries[$0] }) { country in
            let folded = TextFolding.fold(country.name)
            return [Self.text(country.name, folded: folded),
                    Self.string(Self.slug(ofFolded: folded) == country.slug ? "" : country.slug)]
        }
        out += list("cities", (order?.cities ?? Array(site.cities.indices)).map { site.cities[$0] }) { city in
            // Folded once already, for the A–Z order: ten thousand names are not folded again.
            let folded = city.sortKey.folded
            return [Self.text(city.name, folded: folded), Self.string(Self.slug(ofFolded: folded) == city.slug ? "" : city.slug),
                    String(countryPosition[city.country]), city.detail(in: interface).map { Self.text($0) } ?? "\"\""]
        }
        out += list("declarations", Array(site.declarations.indices)) { index in
            let declaration = site.declarations[index]
            let translation = translations[index].map { site.translations[$0] }
            let path = tree.isEmpty ? declaration.slug
                : translation.map { TranslationOutput.route($0.language, declaration.slug).path } ?? DeclarationOutput.route(declaration.slug).path
            return [Self.text(translation?.title ?? declaration.title), Self.string(path), Self.string(interface.date(declaration.date))]
                + (!tree.isEmpty && translation == nil ? ["1"] : [])
        }
        let commitments = site.declarations.indices.flatMap { index in
            (translations[index].map { site.translations[$0].commitments } ?? site.declarations[index].commitments).map { (index, $0) }
        }
        out += list("commitments", commitments) { index, commitment in
            [String(index), String(commitment.number), Self.text(commitment.plainText),
             Self.string(CommitmentOutput.route(site.declarations[index].slug, commitment.number).path)]
        }
        // Reports come by declaration and year, as `UpdateOutput` finds its pages.
        var updates: [(declaration: Int, year: Int)] = [], updateOf: [Int] = []
        for report in site.reports {
            if updates.last.map({ $0 != (report.declaration, report.year) }) ?? true {
                updates.append((report.declaration, report.year))
            }
            updateOf.append(updates.count - 1)
        }
        out += list("updates", updates) { update in
            [String(update.declaration), String(update.year),
             Self.string(UpdateOutput.route(site.declarations[update.declaration].slug, update.year).path)]
        }
        out += list("reports", Array(site.reports.indices), last: true) { position in
            let report = site.reports[position], slug = site.declarations[report.declaration].slug
            let citySlug = site.cities[report.city].slug
            let path = ReportOutput.route(slug, report.year, citySlug).path
            // A site of ten thousand cities has tens of thousands of reports: the address is left out
            // when it is the update's followed by the city's slug, as the script makes it.
            let derived = UpdateOutput.route(slug, report.year).path + citySlug + "/"
            // The action titles are the words a report is found by; their texts stay on its page.
            return [String(updateOf[position]), String(cityPosition[report.city]),
                    Self.text(report.actions.map(\.title).joined(separator: "; ")), Self.string(path == derived ? "" : path)]
        }
        out += "};\n"
        return out
    }

    /// Where route patterns take the slug.
    static let slot = "{}"

    /// `"name":[` then one array per element on a line of its own, then `],`.
    private func list<Element>(_ name: String, _ elements: [Element], last: Bool = false,
                               _ fields: (Element) -> [String]) -> String {
        var out = "\"\(name)\":["
        for (position, element) in elements.enumerated() {
            out += (position == 0 ? "\n[" : ",\n[") + fields(element).joined(separator: ",") + "]"
        }
        return out + (last ? "]\n" : "],\n")
    }

    /// What the script makes of a folded name when the index leaves a slug out: each run of characters
    /// outside `a–z` and `0–9` turned into one `-`, dashes trimmed (`Slug.make` after folding).
    static func slug(ofFolded folded: String) -> String {
        var slug: [UInt8] = []
        var pendingDash = false
        for byte in folded.utf8 {
            guard (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else {
                pendingDash = true
                continue
            }
            if pendingDash && !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
            pendingDash = false
            slug.append(byte)
        }
        return String(decoding: slug, as: UTF8.self)
    }

    /// A searchable text: a string when it is ASCII, else `[text, folded]` (`folded` when the caller
    /// has it, else `TextFolding.fold(text)`).
    static func text(_ text: String, folded: String? = nil) -> String {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return string(text) }
        return "[" + string(text) + "," + string(folded ?? TextFolding.fold(text)) + "]"
    }

    /// `text` as a JSON string literal (also a JavaScript one: U+2028 and U+2029 are escaped).
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar == "\u{2028}" || scalar == "\u{2029}":
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
