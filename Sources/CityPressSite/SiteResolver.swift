import CityPressCore
import CityPressLoad
import CityPressMarkdown

/// The resolve stage: links loaded records into one `Site`, reporting every broken reference.
public struct SiteResolver: Sendable {
    /// Whether declarations marked `draft: true` are published.
    public var includesDrafts: Bool

    /// Creates a resolver.
    public init(includesDrafts: Bool = false) {
        self.includesDrafts = includesDrafts
    }

    /// Resolves `content` with `config`; `nil` when an error was found (all of them are returned).
    public func resolve(_ content: LoadedContent, config: SiteConfig) -> (Site?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []

        // Cities A–Z, and their slugs for lookups.
        // Keys are made when the files are read (`CityRecord.sortKey`); indexes are sorted, not records.
        let keys = content.cities.map(\.sortKey)
        let cityRecords = keys.indices.sorted { keys[$0] < keys[$1] }.map { content.cities[$0] }
        var cityIndex: [String: Int] = [:]
        cityIndex.reserveCapacity(cityRecords.count)
        for (index, city) in cityRecords.enumerated() { cityIndex[city.slug] = index }

        // Countries from the cities' country names.
        // Each country's first city record (by index): its spelling is the country's name.
        var firstSpelling: [String: Int] = [:]
        for (index, city) in content.cities.enumerated() {
            let slug = city.countrySlug
            if let first = firstSpelling[slug] {
                if content.cities[first].countryName != city.countryName {
                    let spelling = content.cities[first].country
                    diagnostics.append(.error(
                        "country '\(city.countryName)' is spelled differently from '\(spelling.value)', which has the same address countries/\(slug)/",
                        at: city.country.location, notes: ["first spelled '\(spelling.value)' at \(spelling.location)"]))
                }
            } else {
                firstSpelling[slug] = index
            }
        }
        let countryNames = firstSpelling.mapValues { content.cities[$0].country }
        let countrySlugs = countryNames.keys.map { (CollationKey(countryNames[$0]?.value ?? $0, tieBreaker: $0), $0) }
            .sorted { $0.0 < $1.0 }.map(\.1)
        var countryIndex: [String: Int] = [:]
        for (index, slug) in countrySlugs.enumerated() { countryIndex[slug] = index }

        // Declarations, newest first, with signatories checked.
        let published = content.declarations
            .filter { includesDrafts || !$0.isDraft }
            .sorted { ($0.date, $1.slug) > ($1.date, $0.slug) }
        // Each declaration's list on its own core (looking up tens of thousands of slugs is most of
        // resolving a large site), its problems reported in the order of resolving one after another.
        let drafts = content.declarations.filter { !(includesDrafts || !$0.isDraft) }
        let slugs = cityIndex
        // Files with errors are not published, but their lists are checked too: their unknown and repeated
        // cities are reported with the files' other errors, not in the next run.
        let entries = (drafts + published).map(\.signatories) + content.signatoriesOfUnreadableDeclarations
        let lists = entries.parallelMap { entries in
            var problems: [Diagnostic] = []
            let signatories = resolveSignatories(entries, cityIndex: slugs, content: content, &problems)
            return (signatories: signatories, problems: problems)
        }
        diagnostics += lists.flatMap(\.problems)
        let declarations = zip(published, lists.dropFirst(drafts.count)).map { record, list in
            makeDeclaration(record, signatories: list.signatories)
        }

        // Each city's endorsements in declaration order, counted first and then filled into one flat list:
        // each city's list is then made once, at its size (ten thousand lists grown by appending took ~20 ms).
        var firstEndorsement = [Int](repeating: 0, count: cityRecords.count + 1)
        for declaration in declarations {
            for city in declaration.signatories { firstEndorsement[city + 1] += 1 }
        }
        for index in cityRecords.indices { firstEndorsement[index + 1] += firstEndorsement[index] }
        var endorsed = [Int](repeating: 0, count: firstEndorsement[cityRecords.count])
        var endorsedOn = [CalendarDate?](repeating: nil, count: endorsed.count)
        var nextEndorsement = firstEndorsement
        for (declarationIndex, declaration) in declarations.enumerated() {
            for (city, date) in zip(declaration.signatories, declaration.endorsed) {
                endorsed[nextEndorsement[city]] = declarationIndex
                endorsedOn[nextEndorsement[city]] = date
                nextEndorsement[city] += 1
            }
        }
        var countryCities = [[Int]](repeating: [], count: countrySlugs.count)
        var cities: [City] = []
        cities.reserveCapacity(cityRecords.count)
        for (index, record) in cityRecords.enumerated() {
            let country = countryIndex[record.countrySlug] ?? 0
            countryCities[country].append(index)
            cities.append(City(slug: record.slug, name: record.name, kind: record.kind, subdivision: record.subdivision,
                               sortKey: record.sortKey,
                               country: country,
                               endorsements: Array(endorsed[firstEndorsement[index]..<firstEndorsement[index + 1]]),
                               endorsementDates: Array(endorsedOn[firstEndorsement[index]..<firstEndorsement[index + 1]])))
        }
        let countries = countrySlugs.enumerated().map { index, slug in
            Country(slug: slug, name: countryNames[slug]?.value ?? slug, cities: countryCities[index])
        }
        // Which cities endorse nothing is known only when every declaration was read and every signatory
        // found: after a misspelt signatory, its city would be told it endorses nothing, beside the error.
        let signatoriesKnown = !content.hasUnreadableDeclarations && lists.allSatisfy { !$0.problems.containsErrors }
        let unlisted = !signatoriesKnown ? []
            : cityRecords.indices.filter { firstEndorsement[$0] == firstEndorsement[$0 + 1] }.map { cityRecords[$0] }
        diagnostics += ContentWarnings(content: content, published: published, countryNames: countryNames,
                                       unlistedCities: unlisted).diagnostics()
        diagnostics += PlaceholderCheck(published: published, cities: content.cities).diagnostics()
        let reports = ReportResolver(
            declarations: declarations, cities: cities, cityIndex: cityIndex,
            unpublished: unpublished(in: content),
            unreadableCities: content.unreadableCitySlugs, skippedCities: content.skippedCityFiles
        ).resolve(content.records(of: ReportFile.self), &diagnostics)
        let translations = TranslationResolver(
            declarations: declarations, language: config.language,
            unpublished: unpublished(in: content),
            drafts: Set(content.declarations.map(\.slug))
        ).resolve(content.records(of: TranslationFile.self), &diagnostics)
        guard !diagnostics.containsErrors else { return (nil, diagnostics) }
        return (Site(config: config, declarations: declarations, cities: cities, countries: countries, reports: reports,
                     translations: translations),
                diagnostics)
    }

    /// The slugs of `content`'s declarations this build leaves out (drafts, unless it includes them, and
    /// files with errors, reported at their place): their reports and translations are left out without a word.
    package func unpublished(in content: LoadedContent) -> Set<String> {
        Set(content.declarations.lazy.filter { !(includesDrafts || !$0.isDraft) }.map(\.slug)).union(content.unreadableDeclarationSlugs)
    }

    /// The cities a declaration's `signatories` list (indexes into the A–Z cities) with their endorsement
    /// dates; an unknown or repeated city is reported and left out.
    private func resolveSignatories(_ signatories: [SignatoryEntry], cityIndex: [String: Int], content: LoadedContent,
                                    _ diagnostics: inout [Diagnostic]) -> [(city: Int, endorsed: CalendarDate?)] {
        // Where each known city was first listed (by city index), and each unknown name.
        var firstPosition = [Int](repeating: -1, count: cityIndex.count)
        var seenUnknown: [String: SourceLocation] = [:]
        var result: [(city: Int, endorsed: CalendarDate?)] = []
        result.reserveCapacity(signatories.count)
        for (position, signatory) in signatories.enumerated() {
            let entry = signatory.city
            let known = cityIndex[entry.value]
            let first = known.flatMap { firstPosition[$0] >= 0 ? signatories[firstPosition[$0]].city.location : nil }
                ?? (known == nil ? seenUnknown[entry.value] : nil)
            if let first {
                diagnostics.append(.error("city '\(entry.value)' is listed twice in signatories", at: entry.location,
                                          notes: ["first listed at \(first)"]))
                continue
            }
            guard let index = known else {
                seenUnknown[entry.value] = entry.location
                if content.unreadableCitySlugs.contains(entry.value) { continue }  // its file's own error is reported
                var message = "unknown city '\(entry.value)'"
                if let guess = Suggestion.closest(to: entry.value, among: cityIndex.keys) {
                    message += " (did you mean '\(guess)'?)"
                }
                var notes = ["signatories name cities by the file name of their record in cities/"]
                if let skipped = content.skippedCityFiles[entry.value] {
                    // The record exists under a name the loader skips (a warning said so); say it here, where it bites.
                    notes.append("'\(skipped)' was skipped: only .yml files are read; rename it to '\(entry.value).yml'")
                }
                diagnostics.append(.error(message, at: entry.location, notes: notes))
                continue
            }
            firstPosition[index] = position
            result.append((index, signatory.endorsed?.value))
        }
        return result
    }

    private func makeDeclaration(_ record: DeclarationRecord, signatories: [(city: Int, endorsed: CalendarDate?)]) -> Declaration {
        var preamble = "", closing = "", commitments: [Commitment] = []
        var seenList = false
        for block in record.body.blocks {
            switch block {
            case .orderedList(let list) where !seenList:
                seenList = true
                commitments = list.items.enumerated().map { offset, item in
                    Commitment(number: list.start + offset, html: item.html, plainText: item.plainText, markdown: item.markdown)
                }
            case .orderedList:
                break
            case .html(let html):
                if seenList { closing += html } else { preamble += html }
            }
        }
        return Declaration(
            slug: record.slug, title: record.title, event: record.event, venue: record.venue,
            location: record.location, startDate: record.startDate, endDate: record.endDate, adopted: record.adopted,
            signatoriesAsOf: record.signatoriesAsOf, preambleHTML: preamble, commitments: commitments,
            closingHTML: closing, signatories: signatories.map(\.city), endorsed: signatories.map(\.endorsed),
            isDraft: record.isDraft,
            links: record.body.links.map { link in
                Located(link.destination, at: SourceLocation(path: record.source.path, line: link.line + record.bodyLineOffset,
                                                             column: link.column, lineText: link.lineText))
            })
    }
}
