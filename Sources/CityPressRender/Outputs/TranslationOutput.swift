import CityPressLoad
import CityPressSite
import CityPressTemplates

/// `<lang>/declarations/<slug>/`: a declaration's translation, with the original's facts and
/// signatories, in its language's interface, labelled as a translation of the authoritative original.
package struct TranslationOutput: OutputKind {
    /// The page of the `language` translation of the declaration `slug`.
    package static func route(_ language: String, _ slug: String) -> Route { Route("\(language)/declarations/\(slug)/") }
    /// How deep every translation page is.
    package static let depth = route("xx", "x").depth

    package func items(in site: Site) -> [Int] { Array(site.translations.indices) }
    package func route(of position: Int, in site: Site) -> Route {
        let translation = site.translations[position]
        return Self.route(translation.language, site.declarations[translation.declaration].slug)
    }
    package func dependencies(of position: Int, in site: Site) -> [Dependency] {
        site.declarations[site.translations[position].declaration].pageDependencies(in: site)
    }
    package func render(_ position: Int, in context: RenderContext) -> [UInt8] {
        context.page(context.renderer.translationPage(position), template: DeclarationOutput.template.template,
                     route: route(of: position, in: context.site))
    }
    package var isListedInSitemap: Bool { true }
    // Rendered with the declaration page's template, which `DeclarationOutput` declares.
    package var template: TemplateEntry? { nil }
}
