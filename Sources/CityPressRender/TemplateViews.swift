import CityPressTemplates

/// The templates a build renders directly, each with the view it receives (as `SiteRenderer`,
/// `SharedFragments` and `Chrome` render them): the template checker starts from these, so every
/// name a template uses is resolved against the right view before any page is rendered.
///
/// `layout` is no entry: the page templates extend it, and it is checked as each page's parent.
/// `print` neither: `print-layout` includes it. Partials (`declaration-card`, `title-block`) are
/// checked where they are included. A test keeps every required template reachable from here.
package enum TemplateViews {
    package static let entries: [TemplateEntry] = [
        TemplateEntry("home", view: HomePage.self, as: "the home page"),
        TemplateEntry("declarations", view: DeclarationsIndexPage.self, as: "the declarations index"),
        TemplateEntry("declaration", view: DeclarationPage.self, as: "a declaration page"),
        TemplateEntry("commitment", view: CommitmentPage.self, as: "a commitment page"),
        TemplateEntry("print-layout", view: PrintPage.self, as: "a print page"),
        TemplateEntry("cities", view: CitiesIndexPage.self, as: "the cities index"),
        TemplateEntry("city", view: CityPage.self, as: "a city page"),
        TemplateEntry("countries", view: CountriesIndexPage.self, as: "the countries index"),
        TemplateEntry("country", view: CountryPage.self, as: "a country page"),
        TemplateEntry("commitments", view: CommitmentsIndexPage.self, as: "the commitments index"),
        TemplateEntry("404", view: NotFoundPage.self, as: "the not-found page"),
        TemplateEntry("site-header", view: Chrome.View.self, as: "the site header"),
        TemplateEntry("site-footer", view: Chrome.View.self, as: "the site footer"),
        TemplateEntry("signatories", view: SignatoriesFragment.self, as: "a declaration's signatory list"),
        TemplateEntry("print-signatories", view: SignatoriesFragment.self, as: "a print edition's signatory list"),
        TemplateEntry("signatory-entry", view: CityLinkView.self, as: "a signatory entry"),
        TemplateEntry("print-signatory-entry", view: CityLinkView.self, as: "a print signatory entry"),
        TemplateEntry("city-endorsement", view: EndorsementView.self, as: "a city page's endorsement entry"),
    ]
}
