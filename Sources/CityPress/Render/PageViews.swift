// The values the Mustache templates read. Each page template gets one of the `…Page`
// structs; field names are the names templates use (documented in docs/templates.md).

struct DeclarationSummaryView: Sendable {
    let title: String
    let href: String
    let dateText: String
    let event: String
    let location: String
    let commitmentCount: Int
    let signatoryCount: Int
    let hasSignatories: Bool
    let isDraft: Bool
}

struct CommitmentItemView: Sendable {
    let number: Int
    let anchor: String
    let html: String
    let href: String
    let excerpt: String
}

struct DeclarationView: Sendable {
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
    let hasSignatories: Bool
    let asOfText: String?
    let isDraft: Bool
    let pdfs: [PDFLinkView]
    /// The title as a CSS string literal, quotes included, for `@page` margin boxes.
    let titleCSSString: String
}

struct PDFLinkView: Sendable {
    let label: String
    let href: String
}

struct CityLinkView: Sendable {
    let name: String
    let href: String
    let detail: String?
}

struct SignatoryGroupView: Sendable {
    let country: String
    let countryHref: String
    let count: Int
    /// The group's rendered `signatory-entry` (or `print-signatory-entry`) items.
    let entriesHTML: String
}

struct SignatoriesFragment: Sendable {
    let groups: [SignatoryGroupView]
    let count: Int
}

struct NavLinkView: Sendable {
    let label: String
    let href: String
}

struct HomePage: Sendable {
    let page: PageMeta
    let description: String
    let declarations: [DeclarationSummaryView]
    let hasDeclarations: Bool
    let declarationCount: Int
    let commitmentCount: Int
    let cityCount: Int
    let countryCount: Int
}

struct DeclarationsIndexPage: Sendable {
    let page: PageMeta
    let declarations: [DeclarationSummaryView]
    let hasDeclarations: Bool
}

struct DeclarationPage: Sendable {
    let page: PageMeta
    let declaration: DeclarationView
}

struct CommitmentPage: Sendable {
    let page: PageMeta
    let declaration: DeclarationView
    let number: Int
    let html: String
    let declarationAnchorHref: String
    let previous: NavLinkView?
    let next: NavLinkView?
}

struct CityEntryView: Sendable {
    let name: String
    let href: String
    let countryName: String
    let countryHref: String
    let detail: String?
}

struct LetterGroupView: Sendable {
    let letter: String
    let anchor: String
    let cities: [CityEntryView]
}

struct CitiesIndexPage: Sendable {
    let page: PageMeta
    let letters: [LetterGroupView]
    let cityCount: Int
}

struct EndorsementView: Sendable {
    let title: String
    let href: String
    let dateText: String
    let commitments: [NavLinkView]
}

struct CityPage: Sendable {
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

struct CountryEntryView: Sendable {
    let name: String
    let href: String
    let cityCount: Int
}

struct CountriesIndexPage: Sendable {
    let page: PageMeta
    let countries: [CountryEntryView]
    let countryCount: Int
}

struct CountryCityView: Sendable {
    let name: String
    let href: String
    let detail: String?
    let endorsementCount: Int
}

struct CountryPage: Sendable {
    let page: PageMeta
    let name: String
    let cities: [CountryCityView]
    let cityCount: Int
}

struct CommitmentGroupView: Sendable {
    let title: String
    let href: String
    let dateText: String
    let commitments: [CommitmentItemView]
}

struct CommitmentsIndexPage: Sendable {
    let page: PageMeta
    let declarations: [CommitmentGroupView]
    let commitmentCount: Int
}

struct NotFoundPage: Sendable {
    let page: PageMeta
}

struct PrintPage: Sendable {
    let page: PageMeta
    let declaration: DeclarationView
    let network: String
    let signatoriesHTML: String
    let sourceURL: String?
    let editionText: String?
}
