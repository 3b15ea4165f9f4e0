import CityPressCore
import CityPressLoad
import CityPressMarkdown
import CityPressSite
import CityPressTemplates

/// Re-rendering after city records were edited in place (the preview's fast path).
extension SiteRenderer {
    /// Renders only the pages that editing the records of the cities `slugs` can change, given the
    /// site `previous` that was rendered before the edit: each edited city's page, its country's page
    /// (before and after the edit), the city and country indexes, the home page and the declarations
    /// index (they count signatories by kind), and every page of each declaration
    /// the city endorses (their signatory lists name it). Every other page of `previous` is unchanged.
    ///
    /// Returns `nil`, rendering nothing, when the edit may have changed more than that: a city added,
    /// removed or renamed to another slug, a country appearing or disappearing, a declaration changed.
    /// A test checks that the pages rendered here, laid over the previous build, equal a full build.
    /// With a `memo` holding the previous build's signatory entries, only the edited cities' entries
    /// are rendered again (the memo then holds this build's).
    public func renderPages(afterEditingCities slugs: Set<String>, previous: Site, memo: RenderMemo? = nil,
                            into sink: some PageSink) throws -> Int? {
        guard site.cities.count == previous.cities.count,
              site.countries.map(\.slug) == previous.countries.map(\.slug),
              site.config == previous.config,
              site.declarations.map(\.slug) == previous.declarations.map(\.slug),
              site.declarations.map(\.signatories.count) == previous.declarations.map(\.signatories.count)
        else { return nil }
        // Where each edited city is, now and before (a scan: slugs are compared, not hashed).
        var edited: [(new: Int, old: Int)] = []
        for slug in slugs.sorted() {
            guard let new = site.cities.firstIndex(where: { $0.slug == slug }),
                  let old = previous.cities.firstIndex(where: { $0.slug == slug }) else { return nil }
            edited.append((new, old))
        }
        // Every other city is where it was relative to the others: the same slugs, the same order.
        let newEdited = Set(edited.map(\.new)), oldEdited = Set(edited.map(\.old))
        var previousIndexes = [Int?](repeating: nil, count: site.cities.count)
        var old = 0
        for index in site.cities.indices where !newEdited.contains(index) {
            while oldEdited.contains(old) { old += 1 }
            guard old < previous.cities.count, previous.cities[old].slug == site.cities[index].slug else { return nil }
            previousIndexes[index] = old
            old += 1
        }

        var countries: Set<Int> = []
        var declarations: Set<Int> = []
        var cities: [Int] = []
        for (index, old) in edited {
            cities.append(index)
            countries.insert(site.cities[index].country)
            countries.insert(previous.cities[old].country)  // same country slugs, so the same index
            guard site.cities[index].endorsements == previous.cities[old].endorsements else { return nil }
            declarations.formUnion(site.cities[index].endorsements)
        }
        // The previous build's entries, if the memo holds those of `previous`.
        let keptEntries = memo?.signatoryEntries.flatMap { $0.slugs.elementsEqual(previous.cities.lazy.map(\.slug)) ? $0 : nil }
        // The home page and the declarations index count each declaration's signatories by kind.
        var jobs: [Job] = [.home, .declarationsIndex, .citiesIndex, .countriesIndex]
        for index in declarations.sorted() {
            jobs += [.declaration(index), .print(index)]
            jobs += site.declarations[index].commitments.indices.map { .commitment(index, position: $0) }
        }
        jobs += cities.map { .city($0) }
        jobs += countries.sorted().map { .country($0) }

        let fragments = SharedFragments(renderer: self, declarations: declarations, entries: keptEntries.map {
            SignatoryEntries(renderer: self, reusing: $0, previousIndexes: previousIndexes)
        })
        memo?.signatoryEntries = fragments.entries
        let pages = jobs.parallelMap { render($0, fragments: fragments) }
        for (contents, path) in pages { try sink.write(contents, to: path) }
        return pages.count
    }
}
