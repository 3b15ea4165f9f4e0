/// Re-rendering after city records were edited in place (the preview's fast path).
extension SiteRenderer {
    /// Renders only the pages that editing the records of the cities `slugs` can change, given the
    /// site `previous` that was rendered before the edit: each edited city's page, its country's page
    /// (before and after the edit), the city and country indexes, and every page of each declaration
    /// the city endorses (their signatory lists name it). Every other page of `previous` is unchanged.
    ///
    /// Returns `nil`, rendering nothing, when the edit may have changed more than that: a city added,
    /// removed or renamed to another slug, a country appearing or disappearing, a declaration changed.
    /// A test checks that the pages rendered here, laid over the previous build, equal a full build.
    public func renderPages(afterEditingCities slugs: Set<String>, previous: Site,
                            into sink: some PageSink) throws -> Int? {
        guard site.cities.count == previous.cities.count,
              site.countries.map(\.slug) == previous.countries.map(\.slug),
              site.config == previous.config,
              site.declarations.map(\.slug) == previous.declarations.map(\.slug),
              site.declarations.map(\.signatories.count) == previous.declarations.map(\.signatories.count)
        else { return nil }
        let newIndex = Dictionary(site.cities.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { first, _ in first })
        let oldIndex = Dictionary(previous.cities.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { first, _ in first })
        guard newIndex.count == site.cities.count, Set(newIndex.keys) == Set(oldIndex.keys) else { return nil }

        var countries: Set<Int> = []
        var declarations: Set<Int> = []
        var cities: [Int] = []
        for slug in slugs.sorted() {
            guard let index = newIndex[slug], let old = oldIndex[slug] else { return nil }
            cities.append(index)
            countries.insert(site.cities[index].country)
            countries.insert(previous.cities[old].country)  // same country slugs, so the same index
            guard site.cities[index].endorsements == previous.cities[old].endorsements else { return nil }
            declarations.formUnion(site.cities[index].endorsements)
        }
        var jobs: [Job] = [.citiesIndex, .countriesIndex]
        for index in declarations.sorted() {
            jobs += [.declaration(index), .print(index)]
            jobs += site.declarations[index].commitments.indices.map { .commitment(index, position: $0) }
        }
        jobs += cities.map { .city($0) }
        jobs += countries.sorted().map { .country($0) }

        let fragments = SharedFragments(renderer: self, declarations: declarations)
        let pages = jobs.parallelMap { render($0, fragments: fragments) }
        for (contents, path) in pages { try sink.write(contents, to: path) }
        return pages.count
    }
}
