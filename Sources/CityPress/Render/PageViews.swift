// The values the Mustache templates read. Each page template gets one of the `…Page`
// structs; field names are the names templates use (documented in docs/templates.md).

struct DeclarationSummaryView: Sendable, Hashable {
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

struct HomePage: Sendable, Hashable {
    let page: PageMeta
    let description: String
    let declarations: [DeclarationSummaryView]
    let hasDeclarations: Bool
    let declarationCount: Int
    let commitmentCount: Int
    let cityCount: Int
    let countryCount: Int
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
}

struct EndorsementView: Sendable, Hashable {
    let title: String
    let href: String
    let dateText: String
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
}

struct CountriesIndexPage: Sendable, Hashable {
    let page: PageMeta
    let countries: [CountryEntryView]
    let countryCount: Int
}

struct CountryCityView: Sendable, Hashable {
    let name: String
    let href: String
    let detail: String?
    let endorsementCount: Int
}

struct CountryPage: Sendable, Hashable {
    let page: PageMeta
    let name: String
    let cities: [CountryCityView]
    let cityCount: Int
}

struct CommitmentGroupView: Sendable, Hashable {
    let title: String
    let href: String
    let dateText: String
    let commitments: [CommitmentItemView]
}

struct CommitmentsIndexPage: Sendable, Hashable {
    let page: PageMeta
    let declarations: [CommitmentGroupView]
    let commitmentCount: Int
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
