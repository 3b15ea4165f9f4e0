import CityPressTemplates

// The values the report templates receive: a city's report, a declaration's implementation update for
// a year, and the parts other pages show of reports.

/// `report`: one city's implementation report.
package struct ReportPage: Sendable, Hashable {
    package let page: PageMeta
    package let cityName: String
    package let cityHref: String
    package let declarationTitle: String
    package let declarationHref: String
    package let year: Int
    package let publishedText: String
    package let publishedISO: String
    /// The text before the actions, as HTML; `nil` when there is none.
    package let summaryHTML: String?
    package let actions: [ReportActionView]
    /// The declaration's implementation update for the year.
    package let updateHref: String
}

/// One action of a report, on the report's page.
package struct ReportActionView: Sendable, Hashable {
    /// Its `id` on the report's page (`action-2`), which other pages link to.
    package let anchor: String
    package let title: String
    package let html: String
    /// A link to each commitment named, labelled `Commitment 2`.
    package let commitments: [NavLinkView]
}

/// `update`: every action reported on one declaration for one year, by commitment, with who reported.
package struct UpdatePage: Sendable, Hashable {
    package let page: PageMeta
    package let declarationTitle: String
    package let declarationHref: String
    package let year: Int
    /// Its print edition.
    package let printHref: String
    /// `Print edition of the 2023 update`.
    package let printText: String
    /// Its PDFs, when the build prints them (`build --pdf`).
    package let pdfs: [PDFLinkView]
    package let commitments: [UpdateCommitmentView]
    /// `12 of the 40 signatories (30 %)`.
    package let statusText: String
    /// Signatories that reported, each linking to its report.
    package let reported: [CityLinkView]
    /// Signatories expected to report for the year (endorsed by its end) that did not.
    package let notYetReported: [CityLinkView]
    package let hasNotYetReported: Bool
}

/// A commitment and the actions reported on it, on an implementation update.
package struct UpdateCommitmentView: Sendable, Hashable {
    package let number: Int
    /// Its text, as HTML.
    package let html: String
    package let href: String
    package let actions: [CityActionView]
    package let hasActions: Bool
}

/// An action as pages other than its report show it: with its city, year and report.
package struct CityActionView: Sendable, Hashable {
    package let cityName: String
    package let cityHref: String
    package let year: Int
    /// The action itself, on its report's page.
    package let href: String
    package let title: String
    /// Its text. The built-in web pages list actions by title (ten thousand cities' actions would make
    /// megabyte pages) and the print editions print the text, so it is relinked only when printed.
    package let html: RelinkedHTML
}

/// A link to an implementation update, on a declaration's page.
package struct UpdateLinkView: Sendable, Hashable {
    package let year: Int
    package let href: String
    /// `Implementation update 2023` (a declaration's page), `2023 report` (a city's).
    package let label: String
    /// `12 reports`.
    package let reportsText: String
}

/// A city's reports on one declaration, on the city's page.
package struct CityReportsView: Sendable, Hashable {
    package let declarationTitle: String
    /// The title's language when it is not the page's (an untranslated declaration in a language's
    /// tree), for `lang` and `hreflang` on its link.
    package let language: String?
    package let declarationHref: String
    /// `Commitments 1, 3 and 5`: those its reports name, over all years.
    package let commitmentsText: String
    package let reports: [UpdateLinkView]
}

extension ReportPage: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("page", \.page), .field("cityName", \.cityName), .field("cityHref", \.cityHref),
        .field("declarationTitle", \.declarationTitle), .field("declarationHref", \.declarationHref),
        .field("year", \.year), .field("publishedText", \.publishedText), .field("publishedISO", \.publishedISO),
        .markup("summaryHTML", \.summaryHTML), .field("actions", \.actions), .field("updateHref", \.updateHref)
    )
}

extension ReportActionView: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("anchor", \.anchor), .field("title", \.title), .markup("html", \.html),
        .field("commitments", \.commitments)
    )
}

extension UpdatePage: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("page", \.page), .field("declarationTitle", \.declarationTitle),
        .field("declarationHref", \.declarationHref), .field("year", \.year), .field("printHref", \.printHref), .field("printText", \.printText), .field("pdfs", \.pdfs),
        .field("commitments", \.commitments),
        .field("statusText", \.statusText), .field("reported", \.reported), .field("notYetReported", \.notYetReported),
        .field("hasNotYetReported", \.hasNotYetReported)
    )
}

extension UpdateCommitmentView: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("number", \.number), .markup("html", \.html), .field("href", \.href), .field("actions", \.actions),
        .field("hasActions", \.hasActions)
    )
}

extension CityActionView: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("cityName", \.cityName), .field("cityHref", \.cityHref), .field("year", \.year),
        .field("href", \.href), .field("title", \.title), .markup("html", \.html.text)
    )
}

extension UpdateLinkView: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("year", \.year), .field("href", \.href), .field("label", \.label), .field("reportsText", \.reportsText)
    )
}

extension CityReportsView: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("declarationTitle", \.declarationTitle), .field("language", \.language),
        .field("declarationHref", \.declarationHref), .field("commitmentsText", \.commitmentsText), .field("reports", \.reports)
    )
}
