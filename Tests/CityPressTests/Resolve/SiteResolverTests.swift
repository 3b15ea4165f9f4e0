import Testing
@testable import CityPressCore
@testable import CityPressLoad
@testable import CityPressMarkdown
@testable import CityPressSite

@Suite struct SiteResolverTests {
    let config = SiteConfig(title: "T", network: "N", description: "D", language: "en")

    func city(_ slug: String, _ name: String, _ country: String) -> CityRecord {
        CityRecord(slug: slug, name: name, country: Located(country, at: SourceLocation(path: "cities/\(slug).yml", line: 2, column: 10)),
                   subdivision: nil, kind: .city, source: SourceLocation(path: "cities/\(slug).yml"))
    }

    func declaration(_ slug: String, date: String, signatories: [String], draft: Bool = false) -> DeclarationRecord {
        let body = MarkdownParser().parse("1. One\n2. Two\n")
        return DeclarationRecord(
            slug: slug, title: slug.uppercased(), event: "E", venue: "V", location: "L",
            startDate: CalendarDate(iso: date) ?? CalendarDate(iso: "2000-01-01")!, endDate: nil, adopted: nil,
            signatoriesAsOf: CalendarDate(iso: date),
            signatories: signatories.enumerated().map { SignatoryEntry(city: Located($1, at: SourceLocation(path: "declarations/\(slug).md", line: 10 + $0, column: 5))) },
            isDraft: draft, body: body, commitmentsLocation: SourceLocation(path: "d"), source: SourceLocation(path: "d"))
    }

    var cities: [CityRecord] {
        [city("amsterdam", "Amsterdam", "The Netherlands"), city("malmo", "Malmö", "Sweden"),
         city("lodz", "Łódź", "Poland"), city("berlin", "Berlin", "Germany")]
    }

    @Test func linksCitiesCountriesAndDeclarationsInDisplayOrder() throws {
        let content = LoadedContent(config: config, cities: cities, declarations: [
            declaration("old", date: "2020-01-01", signatories: ["malmo", "amsterdam"]),
            declaration("new", date: "2023-01-01", signatories: ["lodz"]),
        ])
        let (site, diagnostics) = SiteResolver().resolve(content, config: config)
        let resolved = try #require(site)
        #expect(diagnostics.map(\.description) == ["cities/berlin.yml: warning: city 'berlin' endorses no published declaration"])
        #expect(resolved.declarations.map(\.slug) == ["new", "old"])
        #expect(resolved.cities.map(\.name) == ["Amsterdam", "Berlin", "Łódź", "Malmö"])
        #expect(resolved.countries.map(\.slug) == ["germany", "poland", "sweden", "the-netherlands"])
        let old = resolved.declarations[1]
        #expect(old.signatories.map { resolved.cities[$0].slug } == ["malmo", "amsterdam"])
        #expect(old.commitments.map(\.number) == [1, 2])
        let amsterdam = try #require(resolved.cities.first { $0.slug == "amsterdam" })
        #expect(amsterdam.endorsements.map { resolved.declarations[$0].slug } == ["old"])
        #expect(resolved.countries[amsterdam.country].name == "The Netherlands")
    }

    @Test func unknownAndRepeatedSignatoriesAreErrorsAtTheirLines() {
        let content = LoadedContent(config: config, cities: cities, declarations: [
            declaration("d", date: "2020-01-01", signatories: ["amstrdam", "malmo", "malmo"]),
        ])
        let (site, diagnostics) = SiteResolver().resolve(content, config: config)
        #expect(site == nil)
        #expect(diagnostics.filter { $0.severity == .error }.map(\.description) == [
            "declarations/d.md:10:5: error: unknown city 'amstrdam' (did you mean 'amsterdam'?)",
            "declarations/d.md:12:5: error: city 'malmo' is listed twice in signatories",
        ])
        // Amsterdam is the city meant: it is not also told that it endorses nothing, nor are the others.
        #expect(!diagnostics.contains { $0.message.contains("endorses no published declaration") })
    }

    /// A declaration file with an error gives no record: who signed it is unknown, so no city is
    /// told that it endorses nothing (before, each of its signatories was, above the file's error).
    @Test func noCityEndorsesNothingWhileADeclarationIsUnreadable() throws {
        var content = LoadedContent(config: config, cities: cities, declarations: [
            declaration("d", date: "2020-01-01", signatories: ["malmo"]),
        ])
        let (_, before) = SiteResolver().resolve(content, config: config)
        #expect(before.filter { $0.message.contains("endorses no published declaration") }.count == 3)
        content.unreadableDeclarationSlugs = ["broken"]
        let (site, diagnostics) = SiteResolver().resolve(content, config: config)
        #expect(site != nil)
        #expect(!diagnostics.contains { $0.message.contains("endorses no published declaration") })
    }

    @Test func draftsAreCheckedButOnlyPublishedOnRequest() throws {
        let content = LoadedContent(config: config, cities: cities, declarations: [
            declaration("d", date: "2020-01-01", signatories: ["malmo"], draft: true),
        ])
        let (hidden, _) = SiteResolver().resolve(content, config: config)
        #expect(try #require(hidden).declarations.isEmpty)
        let (shown, _) = SiteResolver(includesDrafts: true).resolve(content, config: config)
        #expect(try #require(shown).declarations.count == 1)
    }

    @Test func oneCountrySlugMustHaveOneSpelling() {
        let content = LoadedContent(config: config, cities: [
            city("a", "A", "Côte d'Ivoire"), city("b", "B", "Cote d'Ivoire"),
        ], declarations: [])
        let (site, diagnostics) = SiteResolver().resolve(content, config: config)
        #expect(site == nil)
        #expect(diagnostics.first?.message.contains("spelled differently") == true)
    }
}
