import CityPressTemplates

/// The templates a build renders directly, each with the view it receives: the template checker
/// starts from these, so every name a template uses is resolved against the right view before any
/// page is rendered. Page templates come from the output registry (each page kind declares its
/// `template`); the fragments that many pages share are declared here, where their renderers find them.
///
/// `layout` is no entry: the page templates extend it, and it is checked as each page's parent.
/// `print` neither: `print-layout` includes it. Partials (`declaration-card`, `title-block`) are
/// checked where they are included. A test keeps every required template reachable from here.
package enum TemplateViews {
    package static let siteHeader = TemplateEntry("site-header", view: Chrome.View.self, as: "the site header")
    package static let siteFooter = TemplateEntry("site-footer", view: Chrome.View.self, as: "the site footer")
    package static let signatories = TemplateEntry("signatories", view: SignatoriesFragment.self, as: "a declaration's signatory list")
    package static let printSignatories = TemplateEntry("print-signatories", view: SignatoriesFragment.self,
                                                        as: "a print edition's signatory list")
    package static let signatoryEntry = TemplateEntry("signatory-entry", view: CityLinkView.self, as: "a signatory entry")
    package static let printSignatoryEntry = TemplateEntry("print-signatory-entry", view: CityLinkView.self,
                                                           as: "a print signatory entry")
    package static let cityEndorsement = TemplateEntry("city-endorsement", view: EndorsementView.self,
                                                       as: "a city page's endorsement entry")

    /// The header and footer, which every page includes (`OutputKind.sharedFragments`).
    package static let chrome = [siteHeader, siteFooter]
    /// A signatory list on a page, and its entries.
    package static let signatoryList = [signatories, signatoryEntry]
    /// A signatory list in a print edition, and its entries.
    package static let printSignatoryList = [printSignatories, printSignatoryEntry]

    /// Every entry: the page kinds' templates, then the shared fragments'.
    package static let entries: [TemplateEntry] = SiteOutputs.kinds.compactMap(\.template) + [
        siteHeader, siteFooter, signatories, printSignatories, signatoryEntry, printSignatoryEntry, cityEndorsement,
    ]
}
