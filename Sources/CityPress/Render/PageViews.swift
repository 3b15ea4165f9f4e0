// The values the Mustache templates read. Each page template gets one of the `…Page`
// structs; field names are the names templates use (documented in docs/templates.md).

struct DeclarationSummaryView: Sendable, Hashable {
    let title: String
    let href: String
    let dateText: String
    /// The date as `YYYY-MM-DD`, for `<time datetime>`.
    let dateISO: String
    let event: String
    let location: String
    let commitmentCount: Int
    /// `8 commitments`.
    let commitmentsText: String
    let signatoryCount: Int
    /// `38 cities, 1 region and 1 district`.
    let signatoriesText: String
    let hasSignatories: Bool
    let isDraft: Bool
    /// The level of the card's heading: 2 where it follows the page's `h1`, 3 under an `h2`.
    let headingLevel: Int
}

struct CommitmentItemView: Sendable, Hashable {
    let number: Int
    let anchor: String
    let html: String
    let href: String
    let excerpt: String
}

struct DeclarationView: Sendable, Hashable {
    let title: String
    let event: String
    let venue: String
    let location: String
    let dateSpan: String
    let adoptedText: String?
    let preambleHTML: String
    let closingHTML: String
    let commitments: [CommitmentItemView]
    let commitmentCount: Int
    let firstNumber: Int
    let href: String
    let printHref: String
    let signatoriesHTML: String
    let signatoryCount: Int
    /// `38 cities, 1 region and 1 district`.
    let signatoriesText: String
    let hasSignatories: Bool
    let asOfText: String?
    let isDraft: Bool
    let pdfs: [PDFLinkView]
    /// The title as a CSS string literal, quotes included, for `@page` margin boxes.
    let titleCSSString: String
}

struct PDFLinkView: Sendable, Hashable {
    let label: String
    let href: String
}

struct CityLinkView: Sendable, Hashable {
    let name: String
    let href: String
    let detail: String?
}

struct SignatoryGroupView: Sendable, Hashable {
    let country: String
    let countryHref: String
    let count: Int
    /// The group's rendered `signatory-entry` (or `print-signatory-entry`) items.
    let entriesHTML: String
}

struct SignatoriesFragment: Sendable, Hashable {
    let groups: [SignatoryGroupView]
    let count: Int
}

struct NavLinkView: Sendable, Hashable {
    let label: String
    let href: String
}

/// One number of the home page's totals, with its noun in the right form (`Declarations`, `Declaration`).
struct TotalView: Sendable, Hashable {
    let label: String
    let count: Int
}

struct HomePage: Sendable, Hashable {
    let page: PageMeta
    let description: String
    let declarations: [DeclarationSummaryView]
    let hasDeclarations: Bool
    let declarationCount: Int
    let commitmentCount: Int
    let cityCount: Int
    let countryCount: Int
    /// The four totals, labelled.
    let totals: [TotalView]
}

struct DeclarationsIndexPage: Sendable, Hashable {
    let page: PageMeta
    let declarations: [DeclarationSummaryView]
    let hasDeclarations: Bool
}

struct DeclarationPage: Sendable, Hashable {
    let page: PageMeta
    let declaration: DeclarationView
}

struct CommitmentPage: Sendable, Hashable {
    let page: PageMeta
    let declaration: DeclarationView
    let number: Int
    let html: String
    let declarationAnchorHref: String
    let previous: NavLinkView?
    let next: NavLinkView?
}

struct CityEntryView: Sendable, Hashable {
    let name: String
    let href: String
    let countryName: String
    let countryHref: String
    let detail: String?
}

struct LetterGroupView: Sendable, Hashable {
    let letter: String
    let anchor: String
    let cities: [CityEntryView]
}

struct CitiesIndexPage: Sendable, Hashable {
    let page: PageMeta
    let letters: [LetterGroupView]
    let cityCount: Int
    /// `38 cities, 1 region and 1 district`.
    let placesText: String
}

struct EndorsementView: Sendable, Hashable {
    let title: String
    let href: String
    let dateText: String
    let dateISO: String
    let commitments: [NavLinkView]
}

struct CityPage: Sendable, Hashable {
    let page: PageMeta
    let name: String
    let kind: String
    let subdivision: String?
    let countryName: String
    let countryHref: String
    /// The rendered `city-endorsement` entries, newest declaration first.
    let endorsementsHTML: String
    let hasEndorsements: Bool
    let endorsementCount: Int
}

struct CountryEntryView: Sendable, Hashable {
    let name: String
    let href: String
    let cityCount: Int
    /// `12 cities`.
    let placesText: String
}

struct CountriesIndexPage: Sendable, Hashable {
    let page: PageMeta
    let countries: [CountryEntryView]
    let countryCount: Int
    /// `14 countries`.
    let countriesText: String
}

struct CountryCityView: Sendable, Hashable {
    let name: String
    let href: String
    let detail: String?
    let endorsementCount: Int
    /// `endorses 2 declarations`, `endorses no declarations`.
    let endorsementsText: String
}

struct CountryPage: Sendable, Hashable {
    let page: PageMeta
    let name: String
    let cities: [CountryCityView]
    let cityCount: Int
    /// `3 cities and 1 region`.
    let placesText: String
}

struct CommitmentGroupView: Sendable, Hashable {
    let title: String
    let href: String
    let dateText: String
    let dateISO: String
    let commitments: [CommitmentItemView]
}

struct CommitmentsIndexPage: Sendable, Hashable {
    let page: PageMeta
    let declarations: [CommitmentGroupView]
    let commitmentCount: Int
    /// `14 commitments from 2 declarations`.
    let summaryText: String
}

struct NotFoundPage: Sendable, Hashable {
    let page: PageMeta
}

struct PrintPage: Sendable, Hashable {
    let page: PageMeta
    let declaration: DeclarationView
    let network: String
    let signatoriesHTML: String
    let sourceURL: String?
    let editionText: String?
}
