import CityPressLoad
import CityPressSite
import CityPressTemplates

/// `<lang>/declarations/<slug>/`: a declaration's translation, with the original's facts and
/// signatories, in its language's interface, labelled as a translation of the authoritative original.
package struct TranslationOutput: OutputKind {
    /// The page of the `language` translation of the declaration `slug`.
    package static func route(_ language: String, _ slug: String) -> Route { Route("\(language)/declarations/\(slug)/") }
    /// The print edition of the `language` translation of the declaration `slug`.
    package static func printRoute(_ language: String, _ slug: String) -> Route { Route("\(language)/declarations/\(slug)/print/") }
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
    package var pageTemplate: String? { DeclarationOutput.template.template }
    package var sharedFragments: [TemplateEntry]? { TemplateViews.chrome + TemplateViews.signatoryList }
}

/// `<lang>/declarations/<slug>/print/`: a translation's print edition, in its language.
package struct TranslationPrintOutput: OutputKind {
    package func items(in site: Site) -> [Int] { Array(site.translations.indices) }
    package func route(of position: Int, in site: Site) -> Route {
        let translation = site.translations[position]
        return TranslationOutput.printRoute(translation.language, site.declarations[translation.declaration].slug)
    }
    package func dependencies(of position: Int, in site: Site) -> [Dependency] {
        site.declarations[site.translations[position].declaration].pageDependencies(in: site)
    }
    package func render(_ position: Int, in context: RenderContext) -> [UInt8] {
        let translation = context.site.translations[position]
        let names = context.renderer.translationPrintSignatories(position)
        let page = context.renderer.printPage(translation.declaration, signatoriesHTML: names, translation: translation)
        return context.page(page, template: PrintOutput.template.template, route: route(of: position, in: context.site))
    }
    // Like the declarations' print editions: asking not to be indexed, and not listed.
    package var isListedInSitemap: Bool { false }
    package var template: TemplateEntry? { nil }
    package var pageTemplate: String? { PrintOutput.template.template }
    package var sharedFragments: [TemplateEntry]? { TemplateViews.chrome + TemplateViews.printSignatoryList }
}
