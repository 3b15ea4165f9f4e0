/// Every phrase of the interface, by the key its tables (`Templates/i18n/<lang>.yml`, `text:`) and the
/// templates (`{{page.text.<key>}}`) name it with. One case per key: a key missing from this list is
/// no key (the table's warning says so, the template checker rejects it), and Swift code asks for
/// phrases by case, never by string. `TextKeyTests` keeps it in step with `Templates/i18n/en.yml`.
public enum TextKey: Int, Sendable, CaseIterable {
    case skipToMain, mainNavigation, footer, breadcrumb, home, declarations
    case commitments, cities, countries, search, openData, publishedBy
    case shareImageAlt, archiveInNumbers, declarationsNewestFirst, noDeclarationYet, declarationsLead, newestFirstSuffix
    case aToZSuffix, cityFilterLabel, letters, inCountry, totalDeclarations, totalCommitments
    case totalCities, totalCountries, countDeclarations, countCommitments, countCities, countRegions
    case countDistricts, countCountries, countSignatories, countReports, countActions, noDeclarations
    case noCities, listSeparator, listLastSeparator, commitmentsFromDeclarations, actionsReportedByCities, endorsesDeclarations
    case kindCity, kindRegion, kindDistrict, mayoralDeclaration, draft, event
    case venue, location, dates, adopted, printEdition, printEditionTitle
    case textOfTheDeclaration, commitment, commitmentNumber, commitmentNumbers, noCommitment, commitmentOfDeclaration
    case onItsOwnPage, of, implementation, eachYearSignatoriesReport, noImplementationReport, endorsingCities
    case endorsedBy, endorsedByLower, declarationEndorsedBy, asOf, signatoryListNotRecorded, signatoryListNotYetRecorded
    case historyIntro, historySummary, endorsementsOverTime, endorsementsByDate, date, endorsedThatDay
    case inAll, theMeeting, editionOf, backToWebPage, download, allOpenData
    case downloadSignatories, downloadCities, downloadCountries, pdfA4, pdfLetter, from
    case readInFullText, commitmentsOfDeclaration, whatCitiesHaveDone, actionsNewestFirstSuffix, noReportNamesCommitment, citiesCommittedToIt
    case city, country, subdivision, declarationsEndorsed, endorsesNone, endorsed
    case atTheMeeting, commitmentsColon, implementationReports, actionReportedOn, yearReport, publishedOn
    case implementationReport, implementationUpdate, implementationUpdateYear, yearUpdate, declaration, year
    case published, everyReportFor, actions, implements, whatSignatoriesDidIn, updateContextBefore
    case updateContextFor, updateContextAfter, printEditionOfUpdate, whoHasReported, reported, notYetReported
    case reportedColon, notYetReportedColon, actionsByCommitment, noActionReportedFor, reportingStatus, reportTitle
    case updateTitle, searchLead, searchNeedsJavaScript, searchBrowse, declarationsLower, commitmentsLower
    case citiesLower, countriesLower, searchFor, searchHintBefore, searchHintAfter, pageNotFound
    case notFoundLead, homePage, allDeclarations, allCities, declarationDescription, declarationsDescription
    case commitmentsDescription, cityDescription, countriesDescription, countryDescription, printDescription, reportDescription
    case updateDescription, updatePrintDescription, searchDescription, notFoundDescription, pageOfPages

    /// The key as tables and templates write it.
    public var name: String { Self.names[rawValue] }

    /// Names by raw value, made once: `String(describing:)` reads the case's name.
    private static let names = allCases.map { String(describing: $0) }

    /// The key named `name`, if there is one.
    public init?(name: String) {
        guard let key = Self.byName[name] else { return nil }
        self = key
    }

    private static let byName = Dictionary(uniqueKeysWithValues: allCases.map { ($0.name, $0) })
}
