import CityPressLoad
import CityPressSite

/// The registry: every kind of file a build writes. A new page kind or data file is one new file
/// declaring an `OutputKind` (and its template and test), plus its line here.
package enum SiteOutputs {
    /// Every output kind, in the order their files are listed and rendered. The Data page is last:
    /// it gives the data files' sizes, which are known once those files are made.
    package static let kinds: [any OutputKind] = [
        HomeOutput(), DeclarationsIndexOutput(), CitiesIndexOutput(), CountriesIndexOutput(), CommitmentsIndexOutput(),
        NotFoundOutput(), SitemapOutput(), FeedOutput(), RobotsOutput(), OpenDataOutput(), DeclarationDataOutput(),
        DeclarationOutput(), TranslationOutput(), TranslationPrintOutput(), PrintOutput(), CommitmentOutput(), CityOutput(),
        CountryOutput(), UpdateOutput(), UpdatePrintOutput(), ReportOutput(), SearchOutput(), SearchIndexOutput(),
        // The same pages in each of the site's other languages (`languages:`), below `<lang>/`.
        LanguageTreeOutput(HomeOutput()), LanguageTreeOutput(DeclarationsIndexOutput()), LanguageTreeOutput(CitiesIndexOutput()),
        LanguageTreeOutput(CountriesIndexOutput()), LanguageTreeOutput(CommitmentsIndexOutput()), LanguageTreeOutput(CityOutput()),
        LanguageTreeOutput(CountryOutput()), LanguageTreeOutput(SearchOutput()), LanguageTreeOutput(SearchIndexOutput()),
        DataPageOutput(),
    ]

    /// Every file of `site`, in a fixed order.
    package static func plan(for site: Site) -> [PlannedOutput] {
        kinds.flatMap { $0.planned(in: site) }
    }
}
