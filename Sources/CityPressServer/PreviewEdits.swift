import CityPressCore
import CityPressRender
import CityPressSite

/// The preview's fast path after an edit: only the outputs that depend on what changed are rendered
/// again, laid over the previous build's files. What an output depends on is declared by its kind
/// in the output registry (`OutputKind.dependencies`); a test compares the result with a full build.
enum PreviewEdits {
    /// Renders into `sink` the outputs of `renderer.site` that depend on what differs from `previous`
    /// (built before with the same templates into the files `sink` starts with, its outputs described
    /// by `index`), and returns how many, with the index of this build's outputs (`index` itself,
    /// updated, when the routes kept their order). Returns `nil`, rendering nothing, when the two sites
    /// differ in shape (`site.yml`, records added or removed, other routes): then everything must be
    /// rendered.
    ///
    /// With `memo` holding the previous build's signatory entries, only changed cities' entries are
    /// rendered again (the memo then holds this build's). Outputs the preview renders when asked
    /// (`isRenderedWhenAskedInPreview`) are not rendered: their files are returned in `later`, to be
    /// made again when asked for. Nor are the pages of a template of which more than `limit` changed
    /// (a declaration's title on each of its 3,000 signatories' pages): they are returned in `deferred`,
    /// to be made when asked for too.
    static func render(with renderer: SiteRenderer, previous: Site, index: DependencyIndex, memo: RenderMemo,
                       deferringBeyond limit: Int, into sink: some PageSink) throws
        -> (count: Int, index: DependencyIndex, later: Set<String>, deferred: Set<String>)? {
        let site = renderer.site
        guard let changes = SiteChanges.between(previous, site) else { return nil }
        let affected: [PlannedOutput], newIndex: DependencyIndex
        if index.hasSameRoutes(as: renderer.outputs) {
            guard !changes.isEmpty else { return (0, index, [], []) }
            let positions = index.positions(affectedBy: changes)
            index.update(positions, from: renderer.outputs)
            affected = positions.map { renderer.outputs[$0] }
            newIndex = index
        } else {
            // A record moved in the A–Z order: positions shifted, so outputs are matched by route.
            guard RouteSetDigest(index.routes) == RouteSetDigest(renderer.outputs.lazy.map(\.route)) else { return nil }
            newIndex = DependencyIndex(renderer.outputs)
            let before = Set(index.positions(affectedBy: changes).map { index.routes[$0] })
            let now = Set(newIndex.positions(affectedBy: changes))
            affected = renderer.outputs.indices.filter { now.contains($0) || before.contains(renderer.outputs[$0].route) }
                .map { renderer.outputs[$0] }
        }
        let (count, later, deferred) = try render(affected, with: renderer, previous: previous, changes: changes, memo: memo,
                                                  deferringBeyond: limit, into: sink)
        return (count, newIndex, later, deferred)
    }

    /// Renders into `sink` the outputs of `renderer` that `edit` (of the templates the previous build,
    /// of the same site, was rendered with) can change, laid over that build's files, and returns how
    /// many, with the files among them that are rendered when asked for (`later`). Returns `nil`,
    /// rendering nothing, when every page must be rendered: the site differs from `previous`, `outputs`
    /// (the previous build's plan) from this build's, or `edit` can change every page, or most pages
    /// (then a new pack is better than replacing most of this one).
    static func render(_ edit: TemplateEdit, with renderer: SiteRenderer, previous: Site, outputs: [PlannedOutput],
                       memo: RenderMemo, into sink: some PageSink) throws -> (count: Int, later: Set<String>)? {
        guard let changes = SiteChanges.between(previous, renderer.site), changes.isEmpty,
              outputs.count == renderer.outputs.count,
              zip(outputs, renderer.outputs).allSatisfy({ $0.route == $1.route }),
              let positions = edit.positions(in: renderer.outputs, templates: renderer.templates),
              positions.count * 2 <= renderer.outputs.count else { return nil }
        // Entries rendered with the old templates are no entries of the new ones.
        if edit.changesSignatoryEntries(in: renderer.templates) { memo.signatoryEntries = nil }
        let (count, later, _) = try render(positions.map { renderer.outputs[$0] }, with: renderer, previous: previous,
                                           changes: changes, memo: memo, deferringBeyond: .max, into: sink)
        return (count, later)
    }

    /// Renders the `affected` outputs of `renderer` (a site that `changes` tell from `previous`) that
    /// are not rendered when asked for, nor pages of a template more than `limit` of which are
    /// affected, and returns how many, with the files of those that are (`later`) and of those pages
    /// (`deferred`).
    private static func render(_ affected: [PlannedOutput], with renderer: SiteRenderer, previous: Site,
                               changes: SiteChanges, memo: RenderMemo, deferringBeyond limit: Int,
                               into sink: some PageSink) throws -> (count: Int, later: Set<String>, deferred: Set<String>) {
        let later = Set(affected.filter(\.isRenderedWhenAskedInPreview).map(\.route.file))
        var outputs = affected.filter { !$0.isRenderedWhenAskedInPreview }
        let deferred = manyOfATemplate(outputs, beyond: limit)
        if !deferred.isEmpty { outputs.removeAll { deferred.contains($0.route.file) } }
        // Signatory lists are made only for the declarations whose pages are rendered again.
        let declarations = renderer.declarationsListingSignatories(in: outputs)
        let entries = keptEntries(memo.signatoryEntries, previous: previous, renderer: renderer, changes: changes)
        memo.signatoryEntries = entries
        return (try renderer.render(outputs, into: sink, declarations: declarations, entries: entries), later, deferred)
    }

    /// The files of `outputs` rendered with a template that more than `limit` of them are rendered with.
    private static func manyOfATemplate(_ outputs: [PlannedOutput], beyond limit: Int) -> Set<String> {
        guard outputs.count > limit else { return [] }
        var counts: [String: Int] = [:]
        for case let template? in outputs.lazy.map(\.template) { counts[template, default: 0] += 1 }
        let many = Set(counts.filter { $0.value > limit }.keys)
        guard !many.isEmpty else { return [] }
        return Set(outputs.filter { $0.template.map(many.contains) ?? false }.map(\.route.file))
    }

    /// This site's signatory entries: the previous build's for every city that did not change (an
    /// entry depends on its city alone), rendered for the others; all rendered without `kept`.
    private static func keptEntries(_ kept: SignatoryEntries?, previous: Site, renderer: SiteRenderer,
                                    changes: SiteChanges) -> SignatoryEntries {
        guard let kept, kept.slugs.count == previous.cities.count,
              previous.cities.indices.allSatisfy({ kept.slugs[$0] == previous.cities[$0].slug }) else {
            return SignatoryEntries(renderer: renderer)
        }
        return SignatoryEntries(renderer: renderer, reusing: kept, previousIndexes: changes.formerIndexesOfUnchangedCities)
    }
}

/// Whether two builds write the same set of routes, in any order, without building two sets of
/// ten thousand paths on every edit: two order-independent folds of the paths' hashes, and the count.
private struct RouteSetDigest: Equatable {
    var count = 0
    var xor = 0
    var sum = 0

    init(_ routes: some Sequence<Route>) {
        for route in routes {
            let hash = route.path.hashValue
            count += 1
            xor ^= hash
            sum &+= hash &* 0x9E37_79B9
        }
    }
}
