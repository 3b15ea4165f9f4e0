import CityPressTemplates

// Each view's fields, declared once: the table answers templates' lookups while pages render and
// tells the template checker (TemplateViews) each field's kind, taken from the property's type.
// Keep each table in the order of its struct's stored properties: TemplateFieldTests checks that
// every property is in its table and nothing else is, and that docs/templates.md lists the same.

extension DeclarationSummaryView: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("title", \.title), .field("href", \.href), .field("dateText", \.dateText),
        .field("dateISO", \.dateISO), .field("event", \.event), .field("location", \.location),
        .field("commitmentsText", \.commitmentsText),
        .field("signatoriesText", \.signatoriesText),
        .field("hasSignatories", \.hasSignatories), .field("isDraft", \.isDraft),
        .field("headingLevel", \.headingLevel), .field("language", \.language)
    )
}

extension CommitmentItemView: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("number", \.number), .field("anchor", \.anchor), .markup("html", \.html), .field("href", \.href)
    )
}

extension DeclarationView: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("title", \.title), .field("event", \.event), .field("venue", \.venue), .field("location", \.location),
        .field("dateSpan", \.dateSpan), .field("adoptedText", \.adoptedText), .markup("preambleHTML", \.preambleHTML),
        .markup("closingHTML", \.closingHTML), .field("commitments", \.commitments),
        .field("firstNumber", \.firstNumber), .field("href", \.href),
        .field("printHref", \.printHref), .markup("signatoriesHTML", \.signatoriesHTML),
        .field("signatoriesText", \.signatoriesText),
        .field("hasSignatories", \.hasSignatories), .field("asOfText", \.asOfText), .field("isDraft", \.isDraft),
        .field("pdfs", \.pdfs), .markup("titleCSSString", \.titleCSSString), .field("history", \.history),
        .field("updates", \.updates), .field("hasUpdates", \.hasUpdates), .field("download", \.download)
    )
}

extension EndorsementHistoryView: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("atTheMeetingText", \.atTheMeetingText), .field("since", \.since), .field("introText", \.introText), .field("summary", \.summary),
        .markup("chartSVG", \.chartSVG), .field("rows", \.rows)
    )
}

extension EndorsementStepView: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("dateText", \.dateText), .field("dateISO", \.dateISO), .field("isTheMeeting", \.isTheMeeting),
        .field("added", \.added), .field("total", \.total)
    )
}

extension PDFLinkView: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("label", \.label), .field("href", \.href)
    )
}

extension CityLinkView: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("name", \.name), .field("href", \.href), .field("detail", \.detail)
    )
}

extension SignatoryGroupView: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("country", \.country), .field("countryHref", \.countryHref), .field("count", \.count),
        .markup("entriesHTML", \.entriesHTML)
    )
}

extension SignatoriesFragment: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("groups", \.groups)
    )
}

extension NavLinkView: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("label", \.label), .field("href", \.href)
    )
}

extension TotalView: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("label", \.label), .field("count", \.count)
    )
}

extension HomePage: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("page", \.page), .field("description", \.description), .field("declarations", \.declarations),
        .field("hasDeclarations", \.hasDeclarations),
        .field("totals", \.totals)
    )
}

extension DeclarationsIndexPage: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("page", \.page), .field("declarations", \.declarations), .field("hasDeclarations", \.hasDeclarations)
    )
}

extension DeclarationPage: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("page", \.page), .field("declaration", \.declaration)
    )
}

extension CommitmentPage: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("page", \.page), .field("declaration", \.declaration), .field("number", \.number),
        .markup("html", \.html), .field("declarationAnchorHref", \.declarationAnchorHref),
        .field("previous", \.previous), .field("next", \.next), .field("actions", \.actions),
        .field("hasActions", \.hasActions), .field("actionsText", \.actionsText)
    )
}

extension CityEntryView: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("name", \.name), .field("href", \.href), .field("countryName", \.countryName),
        .field("countryHref", \.countryHref), .field("detail", \.detail), .field("searchKey", \.searchKey)
    )
}

extension LetterGroupView: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("letter", \.letter), .field("anchor", \.anchor), .field("cities", \.cities)
    )
}

extension CitiesIndexPage: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("page", \.page), .field("letters", \.letters),
        .field("placesText", \.placesText), .field("download", \.download), .field("scriptText", \.scriptText)
    )
}

extension EndorsementView: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("title", \.title), .field("href", \.href), .field("dateText", \.dateText),
        .field("dateISO", \.dateISO), .field("endorsedText", \.endorsedText), .field("endorsedISO", \.endorsedISO), .field("text", \.text),
        .field("commitments", \.commitments), .field("language", \.language), .field("siteLanguage", \.siteLanguage)
    )
}

extension CityPage: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("page", \.page), .field("name", \.name), .field("kind", \.kind), .field("subdivision", \.subdivision),
        .field("countryName", \.countryName), .field("countryHref", \.countryHref),
        .markup("endorsementsHTML", \.endorsementsHTML), .field("hasEndorsements", \.hasEndorsements),
        .field("reports", \.reports), .field("hasReports", \.hasReports)
    )
}

extension CountryEntryView: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("name", \.name), .field("href", \.href),
        .field("placesText", \.placesText)
    )
}

extension CountriesIndexPage: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("page", \.page), .field("countries", \.countries),
        .field("countriesText", \.countriesText), .field("download", \.download)
    )
}

extension CountryCityView: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("name", \.name), .field("href", \.href), .field("detail", \.detail),
        .field("endorsementsText", \.endorsementsText)
    )
}

extension CountryPage: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("page", \.page), .field("name", \.name), .field("cities", \.cities),
        .field("placesText", \.placesText)
    )
}

extension CommitmentGroupView: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("title", \.title), .field("href", \.href), .field("dateText", \.dateText),
        .field("dateISO", \.dateISO), .field("commitments", \.commitments), .field("language", \.language)
    )
}

extension CommitmentsIndexPage: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("page", \.page), .field("declarations", \.declarations),
        .field("summaryText", \.summaryText)
    )
}

extension NotFoundPage: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("page", \.page)
    )
}

extension SearchPage: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("page", \.page), .field("indexHref", \.indexHref), .field("root", \.root),
        .field("pageSuffix", \.pageSuffix), .field("declarationsHref", \.declarationsHref),
        .field("commitmentsHref", \.commitmentsHref), .field("citiesHref", \.citiesHref),
        .field("countriesHref", \.countriesHref), .markup("browseHTML", \.browseHTML), .field("scriptText", \.scriptText)
    )
}

extension PrintPage: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("page", \.page), .field("declaration", \.declaration), .field("network", \.network),
        .field("sourceURL", \.sourceURL),
        .field("editionText", \.editionText), .field("paperSize", \.paperSize)
    )
}

extension LanguageVersionView: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("language", \.language), .field("name", \.name), .field("direction", \.direction),
        .field("href", \.href), .field("isCurrent", \.isCurrent)
    )
}

extension PageMeta.Crumb: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("label", \.label), .field("href", \.href)
    )
}

extension PageMeta: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("language", \.language), .field("direction", \.direction), .field("text", \.text),
        .field("title", \.title), .field("description", \.description),
        .field("assets", \.assets), .field("siteTitle", \.siteTitle),
        .field("network", \.network), .field("siteLanguage", \.siteLanguage), .field("breadcrumbs", \.breadcrumbs),
        .field("hasBreadcrumbs", \.hasBreadcrumbs), .field("canonicalURL", \.canonicalURL), .field("feedURL", \.feedURL),
        .field("siteURL", \.siteURL), .markup("pageNumbersCSS", \.pageNumbersCSS), .field("shareTitle", \.shareTitle), .field("shareType", \.shareType),
        .field("robots", \.robots), .markup("structuredData", \.structuredData),


        .field("versions", \.versions), .field("hasVersions", \.hasVersions), .field("alternates", \.alternates),
        .field("versionNote", \.versionNote),
        .field("homeHref", \.homeHref), .field("declarationsHref", \.declarationsHref),
        .field("citiesHref", \.citiesHref),
        .markup("headerHTML", \.headerHTML),
        .markup("footerHTML", \.footerHTML)
    )
}

extension Chrome.View: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        .field("siteTitle", \.siteTitle), .field("network", \.network), .field("siteLanguage", \.siteLanguage),
        .field("assets", \.assets), .field("homeHref", \.homeHref),
        .field("declarationsHref", \.declarationsHref), .field("citiesHref", \.citiesHref),
        .field("countriesHref", \.countriesHref), .field("commitmentsHref", \.commitmentsHref),
        .field("dataHref", \.dataHref), .field("searchHref", \.searchHref),
        .field("publishedByText", \.publishedByText), .markup("publishedByHTML", \.publishedByHTML), .field("text", \.text),
        .field("inDeclarations", \.inDeclarations), .field("inCities", \.inCities),
        .field("inCountries", \.inCountries), .field("inCommitments", \.inCommitments),
        .field("inSearch", \.inSearch)
    )
}
