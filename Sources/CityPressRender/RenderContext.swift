import CityPressSite
import CityPressTemplates

/// What an output kind renders with: the renderer (site, templates, link style, header and footer)
/// and the fragments shared by many pages of this build.
package struct RenderContext: Sendable {
    /// The site, its templates and how links are written.
    package private(set) var renderer: SiteRenderer
    /// What many pages share, rendered once per build.
    package private(set) var fragments: SharedFragments
    /// The open-data files, made once for the build when first needed.
    package let openData: OpenDataFiles
    /// The routes of every output the sitemap lists.
    package var sitemapRoutes: [Route] { renderer.outputs.filter(\.isListedInSitemap).map(\.route) }

    /// A context for one render of `renderer`'s site; `rendersEveryOutput` when the render makes every
    /// data file (not one now and then, as the preview does).
    package init(renderer: SiteRenderer, fragments: SharedFragments, rendersEveryOutput: Bool = true) {
        self.renderer = renderer
        self.fragments = fragments
        openData = OpenDataFiles(site: renderer.site, keepsSignatoryRows: rendersEveryOutput)
    }

    /// This context for pages in `language`'s tree (a site language) or a translation's language.
    package func speaking(_ language: String) -> RenderContext {
        var context = self
        context.renderer = renderer.speaking(language)
        if let endorsements = fragments.endorsementsInLanguages[language] { context.fragments.endorsements = endorsements }
        return context
    }

    /// The site being rendered.
    package var site: Site { renderer.site }

    /// The bytes of a page: `view` rendered with `template`.
    package func page(_ view: some TemplateFields & Hashable & Sendable, template: String, route: Route) -> [UInt8] {
        renderer.templates.renderBytes(view, with: template)
    }
}
