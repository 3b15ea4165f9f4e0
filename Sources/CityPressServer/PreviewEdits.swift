import CityPressCore
import CityPressRender
import CityPressSite

/// The preview's fast path after an edit: only the outputs that depend on what changed are rendered
/// again, laid over the previous build's files. What an output depends on is declared by its kind
/// in the output registry (`OutputKind.dependencies`); a test compares the result with a full build.
enum PreviewEdits {
    /// Renders into `sink` the outputs of `renderer.site` that depend on what differs from `previous`
    /// (built before with the same templates into the files `sink` starts with), and returns how many.
    /// Returns `nil`, rendering nothing, when the two sites differ in shape (`site.yml`, records added
    /// or removed, other routes): then everything must be rendered.
    ///
    /// With `memo` holding the previous build's signatory entries, only changed cities' entries are
    /// rendered again (the memo then holds this build's).
    static func render(with renderer: SiteRenderer, previous: Site, previousOutputs: [PlannedOutput],
                       memo: RenderMemo, into sink: some PageSink) throws -> Int? {
        let site = renderer.site
        guard let changes = SiteChanges.between(previous, site),
              previousOutputs.count == renderer.outputs.count,
              RouteSetDigest(previousOutputs) == RouteSetDigest(renderer.outputs) else { return nil }
        guard !changes.isEmpty else { return 0 }

        var affected = Set(previousOutputs.lazy.filter { $0.dependencies().contains { $0.isAffected(by: changes) } }.map(\.route))
        let outputs = renderer.outputs.filter { output in
            affected.contains(output.route) || output.dependencies().contains { $0.isAffected(by: changes) }
        }
        affected = Set(outputs.map(\.route))
        // Signatory lists are made only for the declarations whose pages are rendered again.
        let declarations = Set(site.declarations.indices.filter { index in
            affected.contains(DeclarationOutput.route(site.declarations[index].slug))
                || affected.contains(PrintOutput.route(site.declarations[index].slug))
                || site.declarations[index].commitments.contains {
                    affected.contains(CommitmentOutput.route(site.declarations[index].slug, $0.number))
                }
        })
        let entries = keptEntries(memo.signatoryEntries, previous: previous, renderer: renderer, changes: changes)
        memo.signatoryEntries = entries
        return try renderer.render(outputs, into: sink, declarations: declarations, entries: entries)
    }

    /// This site's signatory entries: the previous build's for every city that did not change (an
    /// entry depends on its city alone), rendered for the others; all rendered without `kept`.
    private static func keptEntries(_ kept: SignatoryEntries?, previous: Site, renderer: SiteRenderer,
                                    changes: SiteChanges) -> SignatoryEntries {
        guard let kept, kept.slugs.elementsEqual(previous.cities.lazy.map(\.slug)) else {
            return SignatoryEntries(renderer: renderer)
        }
        var oldIndex: [String: Int] = [:]
        oldIndex.reserveCapacity(previous.cities.count)
        for (index, city) in previous.cities.enumerated() { oldIndex[city.slug] = index }
        let previousIndexes = renderer.site.cities.map { city in
            changes.cities.contains(city.slug) ? nil : oldIndex[city.slug]
        }
        return SignatoryEntries(renderer: renderer, reusing: kept, previousIndexes: previousIndexes)
    }
}

/// Whether two builds write the same set of routes, in any order, without building two sets of
/// ten thousand paths on every edit: two order-independent folds of the paths' hashes, and the count.
private struct RouteSetDigest: Equatable {
    var count = 0
    var xor = 0
    var sum = 0

    init(_ outputs: [PlannedOutput]) {
        for output in outputs {
            let hash = output.route.path.hashValue
            count += 1
            xor ^= hash
            sum &+= hash &* 0x9E37_79B9
        }
    }
}
