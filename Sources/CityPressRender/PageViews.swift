import CityPressCore
import CityPressLoad
import CityPressMarkdown
import CityPressSite
import CityPressTemplates

// The values the Mustache templates read. Each page template gets one of the `…Page`
// structs; field names are the names templates use (documented in docs/templates.md).

package struct DeclarationSummaryView: Sendable, Hashable {
    package let title: String
    package let href: String
    package let dateText: String
    /// The date as `YYYY-MM-DD`, for `<time datetime>`.
    package let dateISO: String
    package let event: String
    package let location: String
    /// `8 commitments`.
    package let commitmentsText: String
    /// `38 cities, 1 region and 1 district`.
    package let signatoriesText: String
    package let hasSignatories: Bool
    package let isDraft: Bool
    /// The level of the card's heading: 2 where it follows the page's `h1`, 3 under an `h2`.
    package let headingLevel: Int
    /// The language of the title when it is not the page's (a declaration shown in a language tree
    /// without a translation into it): `lang` and `hreflang` on its link. `nil` otherwise.
    package var language: String? = nil
}

package struct CommitmentItemView: Sendable, Hashable {
    package let number: Int
    package let anchor: String
    package let html: String
    package let href: String
}

package struct DeclarationView: Sendable, Hashable {
    package let title: String
    package let event: String
    package let venue: String
    package let location: String
    package let dateSpan: String
    package let adoptedText: String?
    package let preambleHTML: String
    package let closingHTML: String
    package let commitments: [CommitmentItemView]
    package let firstNumber: Int
    package let href: String
    package let printHref: String
    package let signatoriesHTML: String
    /// `38 cities, 1 region and 1 district`.
    package let signatoriesText: String
    package let hasSignatories: Bool
    package let asOfText: String?
    package let isDraft: Bool
    package let pdfs: [PDFLinkView]
    /// The title as a CSS string literal, quotes included, for `@page` margin boxes.
    package let titleCSSString: String
    /// How the list grew after the meeting; `nil` when every signatory endorsed at the meeting.
    package let history: EndorsementHistoryView?
    /// Its implementation updates, newest year first.
    package let updates: [UpdateLinkView]
    package let hasUpdates: Bool
    /// Its signatories as CSV and JSON.
    package let download: DownloadView
}

/// A declaration's endorsements over time: counts, a chart and the same numbers as a table.
package struct EndorsementHistoryView: Sendable, Hashable {
    /// `38 signatories`.
    package let atTheMeetingText: String
    /// `2`.
    package let since: Int
    /// `38 signatories endorsed it at the meeting, 2 more since.`
    package let introText: String
    /// `38 at the meeting on 15 November 2022, 40 by 1 March 2024`: the chart's text alternative.
    package let summary: String
    /// The chart, an inline `<svg>` element.
    package let chartSVG: String
    /// One row per day the list grew, the meeting first.
    package let rows: [EndorsementStepView]
}

/// One row of the endorsements table.
package struct EndorsementStepView: Sendable, Hashable {
    package let dateText: String
    package let dateISO: String
    /// Whether the row is the meeting itself.
    package let isTheMeeting: Bool
    package let added: Int
    package let total: Int
}

package struct PDFLinkView: Sendable, Hashable {
    package let label: String
    package let href: String
}

package struct CityLinkView: Sendable, Hashable {
    package let name: String
    package let href: String
    package let detail: String?
}

package struct SignatoryGroupView: Sendable, Hashable {
    package let country: String
    package let countryHref: String
    package let count: Int
    /// The group's rendered `signatory-entry` (or `print-signatory-entry`) items.
    package let entriesHTML: String
}

package struct SignatoriesFragment: Sendable, Hashable {
    package let groups: [SignatoryGroupView]
}

package struct NavLinkView: Sendable, Hashable {
    package let label: String
    package let href: String
}

/// One number of the home page's totals, with its noun in the right form (`Declarations`, `Declaration`).
package struct TotalView: Sendable, Hashable {
    package let label: String
    package let count: Int
}

package struct HomePage: Sendable, Hashable {
    package let page: PageMeta
    package let description: String
    package let declarations: [DeclarationSummaryView]
    package let hasDeclarations: Bool
    /// The four totals, labelled.
    package let totals: [TotalView]
}

package struct DeclarationsIndexPage: Sendable, Hashable {
    package let page: PageMeta
    package let declarations: [DeclarationSummaryView]
    package let hasDeclarations: Bool
}

package struct DeclarationPage: Sendable, Hashable {
    package let page: PageMeta
    package let declaration: DeclarationView
}

package struct CommitmentPage: Sendable, Hashable {
    package let page: PageMeta
    package let declaration: DeclarationView
    package let number: Int
    package let html: String
    package let declarationAnchorHref: String
    package let previous: NavLinkView?
    package let next: NavLinkView?
    /// What cities have done for it: the actions of reports naming it, newest year first.
    package let actions: [CityActionView]
    package let hasActions: Bool
    /// `12 actions reported by 9 cities`.
    package let actionsText: String
}

package struct CityEntryView: Sendable, Hashable {
    package let name: String
    package let href: String
    package let countryName: String
    package let countryHref: String
    package let detail: String?
    /// The name folded as in the A–Z order (`lodz` for `Łódź`), for the filter box; `nil` when the
    /// name is all ASCII, whose folded form is its lower case.
    package let searchKey: String?
}

package struct LetterGroupView: Sendable, Hashable {
    package let letter: String
    package let anchor: String
    package let cities: [CityEntryView]
}

package struct CitiesIndexPage: Sendable, Hashable {
    package let page: PageMeta
    package let letters: [LetterGroupView]
    /// `38 cities, 1 region and 1 district`.
    package let placesText: String
    /// Every city as CSV and JSON.
    package let download: DownloadView
    /// The filter script's phrases in the page's language (`ScriptText`), for its `data-text`.
    package let scriptText: String
}

package struct EndorsementView: Sendable, Hashable {
    package let title: String
    package let href: String
    /// The declaration's date (the meeting's).
    package let dateText: String
    package let dateISO: String
    /// When the city endorsed, if after the meeting; `nil` when it endorsed at the meeting.
    package let endorsedText: String?
    package let endorsedISO: String?
    /// The interface's words: `{{text.endorsed}}`.
    package let text: InterfaceText
    package let commitments: [NavLinkView]
    /// The language of the title when it is not the page's (a declaration shown in a language tree
    /// without a translation into it): `lang` and `hreflang` on its link. `nil` otherwise.
    package var language: String? = nil
    /// The site's language in another language's tree: the commitments' pages are only in it, which
    /// `hreflang` on their links says. `nil` on the site's own pages.
    package var siteLanguage: String? = nil
}

package struct CityPage: Sendable, Hashable {
    package let page: PageMeta
    package let name: String
    package let kind: String
    package let subdivision: String?
    package let countryName: String
    package let countryHref: String
    /// The rendered `city-endorsement` entries, newest declaration first.
    package let endorsementsHTML: String
    package let hasEndorsements: Bool
    /// Its implementation reports, by declaration.
    package let reports: [CityReportsView]
    package let hasReports: Bool
}

package struct CountryEntryView: Sendable, Hashable {
    package let name: String
    package let href: String
    /// `12 cities`.
    package let placesText: String
}

package struct CountriesIndexPage: Sendable, Hashable {
    package let page: PageMeta
    package let countries: [CountryEntryView]
    /// `14 countries`.
    package let countriesText: String
    /// Every country as CSV and JSON.
    package let download: DownloadView
}

package struct CountryCityView: Sendable, Hashable {
    package let name: String
    package let href: String
    package let detail: String?
    /// `endorses 2 declarations`, `endorses no declarations`.
    package let endorsementsText: String
}

package struct CountryPage: Sendable, Hashable {
    package let page: PageMeta
    package let name: String
    package let cities: [CountryCityView]
    /// `3 cities and 1 region`.
    package let placesText: String
}

package struct CommitmentGroupView: Sendable, Hashable {
    package let title: String
    package let href: String
    package let dateText: String
    package let dateISO: String
    package let commitments: [CommitmentItemView]
    /// The language of the title and the commitments when it is not the page's (a declaration shown in
    /// a language tree without a translation into it); `nil` otherwise.
    package var language: String? = nil
}

package struct CommitmentsIndexPage: Sendable, Hashable {
    package let page: PageMeta
    package let declarations: [CommitmentGroupView]
    /// `14 commitments from 2 declarations`.
    package let summaryText: String
}

package struct NotFoundPage: Sendable, Hashable {
    package let page: PageMeta
}

package struct SearchPage: Sendable, Hashable {
    package let page: PageMeta
    /// The search index script, from this page.
    package let indexHref: String
    /// The way back to the site root, which the index's addresses start from (`../`).
    package let root: String
    /// What follows a page's folder in a link: empty, or `index.html` in a `--portable` build.
    package let pageSuffix: String
    package let declarationsHref: String
    package let commitmentsHref: String
    package let citiesHref: String
    package let countriesHref: String
    /// The sentence that links every index, for readers without JavaScript (HTML made here, escaped).
    package let browseHTML: String
    /// The search script's phrases in the page's language (`ScriptText`), for its `data-text`.
    package let scriptText: String
}

package struct PrintPage: Sendable, Hashable {
    package let page: PageMeta
    package let declaration: DeclarationView
    package let network: String
    package let sourceURL: String?
    package let editionText: String?
    /// The paper a PDF is printed on, as CSS names it (`A4`, `letter`); none for the web page,
    /// which prints on the reader's paper.
    package let paperSize: String?
}
