import CityPressCore
import CityPressLoad

/// The phrases `assets/search.js` shows (result counts, kinds of results, what it says when nothing
/// is found), as a JSON object for a `data-text` attribute of the search form and the cities filter:
/// the script is one file for every language, and its words come from the interface tables like the
/// pages'. Phrases with plural forms are objects by CLDR category; the script picks the form with the
/// browser's `Intl.PluralRules` for the page's `lang` (the same CLDR rules as the tables').
package enum ScriptText {
    /// The keys the script reads, by the name it reads them with.
    static let phrases: [(name: String, key: TextKey)] = [
        ("country", .country), ("city", .city), ("declaration", .declaration), ("commitment", .commitment),
        ("update", .implementationUpdate), ("report", .searchKindReport),
        ("commitmentOf", .commitmentOfDeclaration), ("updateOf", .implementationUpdateYear), ("reportOf", .searchReportLabel),
        ("indexMissing", .searchIndexMissing), ("noResults", .searchNoResults), ("results", .searchResults),
        ("firstShown", .searchFirstShown), ("showMore", .searchShowMore), ("noCity", .filterNoCity),
        ("citiesShown", .filterCitiesShown),
    ]

    /// The JSON object of `interface`'s phrases for the script.
    package static func json(in interface: Interface) -> String {
        var json: [UInt8] = Array("{".utf8)
        for (position, phrase) in phrases.enumerated() {
            if position > 0 { json.append(UInt8(ascii: ",")) }
            JSONText.appendString(phrase.name, to: &json)
            json.append(UInt8(ascii: ":"))
            let forms = interface.forms(phrase.key)
            if forms.count == 1, let only = forms.first {
                JSONText.appendString(only.text, to: &json)
                continue
            }
            json.append(UInt8(ascii: "{"))
            for (index, form) in forms.enumerated() {
                if index > 0 { json.append(UInt8(ascii: ",")) }
                JSONText.appendString(form.category.rawValue, to: &json)
                json.append(UInt8(ascii: ":"))
                JSONText.appendString(form.text, to: &json)
            }
            json.append(UInt8(ascii: "}"))
        }
        json.append(UInt8(ascii: "}"))
        return String(decoding: json, as: UTF8.self)
    }
}
