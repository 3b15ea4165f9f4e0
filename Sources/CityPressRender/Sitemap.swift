import CityPressCore
import CityPressLoad
import CityPressMarkdown
import CityPressSite
import CityPressTemplates

/// `sitemap.xml`: the absolute URL of every HTML page but the 404 page.
package struct Sitemap: Sendable {
    package let site: Site

    /// The sitemap for a site published at `baseURL` (ending in `/`).
    package func xml(baseURL: String) -> String {
        var paths = ["", "declarations/", "cities/", "countries/", "commitments/"]
        for declaration in site.declarations {
            paths.append("declarations/\(declaration.slug)/")
            paths.append("declarations/\(declaration.slug)/print/")
            for commitment in declaration.commitments {
                paths.append("declarations/\(declaration.slug)/commitments/\(commitment.number)/")
            }
        }
        paths += site.cities.map { "cities/\($0.slug)/" }
        paths += site.countries.map { "countries/\($0.slug)/" }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths.sorted() {
            xml += "  <url><loc>\(MarkupEscaping.escape(baseURL + path))</loc></url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }
}
