import CityPressLoad
import CityPressSite
import CityPressTemplates

/// One kind of file the build writes (city pages, the sitemap…), declared once: which items of a site
/// it has, where each one's file goes, what each one is made from, and how its bytes are produced.
/// Every kind is listed in `SiteOutputs.kinds`; links, the sitemap, the header and footer variants
/// and the preview's incremental rebuilds are derived from the kinds, never spelled again.
package protocol OutputKind: Sendable {
    /// What one output of this kind is made from: an index into the site's arrays, or nothing.
    associatedtype Item: Sendable

    /// Every output of this kind that `site` has, in a fixed order.
    func items(in site: Site) -> [Item]
    /// Where `item`'s file goes.
    func route(of item: Item, in site: Site) -> Route
    /// What `item`'s bytes are made from, besides the templates and `site.yml`.
    func dependencies(of item: Item, in site: Site) -> [Dependency]
    /// `item`'s bytes.
    func render(_ item: Item, in context: RenderContext) -> [UInt8]
    /// Whether the sitemap lists outputs of this kind (HTML pages a search engine should index).
    var isListedInSitemap: Bool { get }
    /// Whether the preview renders this kind's files only when a browser asks for one: files that gather
    /// the whole site (the open data, the search index, the feed) cost more than the pages an edit
    /// changes, and are rarely looked at while editing.
    var isRenderedWhenAskedInPreview: Bool { get }
    /// Whether a build starts this kind's files before the pages: each gathers the whole site into
    /// one large file (the search index, the open data), and one started last is still being made on
    /// one core after every page is written, while the other cores wait.
    var isStartedFirst: Bool { get }
    /// The template a page kind renders, with its view (checked before anything is rendered); `nil`
    /// for outputs made without a template (the sitemap, data files).
    var template: TemplateEntry? { get }
    /// The name of the template this kind's pages are rendered with: `template`'s, or that of the kind
    /// whose template it borrows (a translation's page is rendered as a declaration page). The preview
    /// re-renders a kind's pages after an edit of a template this one reaches; `nil` (none declared)
    /// after any template edit.
    var pageTemplate: String? { get }
    /// The fragments many pages share (`TemplateViews`: the header, the footer, signatory lists…) that
    /// this kind's outputs include. An `--incremental` build renders a kind's outputs again after an edit
    /// of a template that these, or `pageTemplate`, reach; `nil` (unless given): after an edit of any of them.
    var sharedFragments: [TemplateEntry]? { get }
    /// Whether this kind's outputs are made without any template (data files, the sitemap): a template
    /// edit changes none of them (an interface table's still may). `false` unless given.
    var isMadeWithoutTemplates: Bool { get }
}

extension OutputKind {
    package var template: TemplateEntry? { nil }
    package var pageTemplate: String? { template?.template }
    package var isRenderedWhenAskedInPreview: Bool { false }
    package var isStartedFirst: Bool { false }
    package var sharedFragments: [TemplateEntry]? { nil }
    package var isMadeWithoutTemplates: Bool { false }

    /// How many outputs of this kind `site` has.
    package func plannedCount(in site: Site) -> Int { items(in: site).count }

    /// Every output of this kind in `site`, each with its route.
    func planned(in site: Site) -> [PlannedOutput] {
        let plan = KindPlan(kind: self, site: site, items: items(in: site))
        return plan.items.indices.map { position in
            PlannedOutput(route: route(of: plan.items[position], in: site), isListedInSitemap: isListedInSitemap,
                          isRenderedWhenAskedInPreview: isRenderedWhenAskedInPreview, isStartedFirst: isStartedFirst,
                          template: pageTemplate, plan: plan, position: position)
        }
    }
}

/// One file of one build: its route, and how to find its dependencies and bytes.
package struct PlannedOutput: Sendable {
    /// Where the file goes.
    package let route: Route
    /// Whether the sitemap lists it.
    package let isListedInSitemap: Bool
    /// Whether the preview renders it only when it is asked for.
    package let isRenderedWhenAskedInPreview: Bool
    /// Whether a build starts it before the pages.
    package let isStartedFirst: Bool
    /// The template its kind's pages are rendered with (`OutputKind.pageTemplate`); `nil` for a kind
    /// that declares none, which may render with any template or with none.
    package let template: String?
    /// Its kind's outputs in the site it was planned for (one object per kind, not one per output:
    /// a site of ten thousand cities is planned again after every edit in the preview).
    fileprivate let plan: any OutputsOfKind
    /// Its place among them.
    fileprivate let position: Int

    /// What it is made from, in the site it was planned for.
    package func dependencies() -> [Dependency] { plan.dependencies(at: position) }
    /// The shared fragments its kind's outputs include (`OutputKind.sharedFragments`), by template name.
    package var sharedFragments: [String]? { plan.sharedFragments }
    /// Whether its kind's outputs are made without templates (`OutputKind.isMadeWithoutTemplates`).
    package var isMadeWithoutTemplates: Bool { plan.isMadeWithoutTemplates }
    /// Its bytes, rendered with a context of the site it was planned for.
    package func render(_ context: RenderContext) -> [UInt8] { plan.render(at: position, in: context) }

    /// The positions of `outputs` in the order a build starts them: the files started first, one of
    /// each kind in turn (so that no two threads wait on the same kind's shared tables at once), then
    /// the others in plan order.
    package static func startOrder(of outputs: [PlannedOutput]) -> [Int] {
        var firstByKind: [ObjectIdentifier: [Int]] = [:], kinds: [ObjectIdentifier] = []
        var rest: [Int] = []
        rest.reserveCapacity(outputs.count)
        for (position, output) in outputs.enumerated() {
            guard output.isStartedFirst else {
                rest.append(position)
                continue
            }
            let kind = ObjectIdentifier(output.plan)
            if firstByKind[kind] == nil { kinds.append(kind) }
            firstByKind[kind, default: []].append(position)
        }
        var first: [Int] = []
        for round in 0..<(firstByKind.values.map(\.count).max() ?? 0) {
            for kind in kinds where round < firstByKind[kind, default: []].count { first.append(firstByKind[kind, default: []][round]) }
        }
        return first + rest
    }
}

extension PlannedOutput {
    /// `outputs`, the plan of another site with the same records in the same places (one that
    /// `ReportPatch` made a new site from: only the reports' contents differ), planned for `site`:
    /// the same routes and items, without working them out again (45,000 routes at 10,000 cities
    /// with reports cost a report save in the preview more than rendering the pages it changed).
    package static func replanning(_ outputs: [PlannedOutput], for site: Site) -> [PlannedOutput] {
        var replanned: [ObjectIdentifier: any OutputsOfKind] = [:]
        var last: (old: ObjectIdentifier, new: any OutputsOfKind)?
        return outputs.map { output in
            let old = ObjectIdentifier(output.plan)
            let plan: any OutputsOfKind
            if let last, last.old == old {
                plan = last.new
            } else {
                plan = replanned[old] ?? output.plan.replanned(for: site)
                replanned[old] = plan
                last = (old, plan)
            }
            return PlannedOutput(route: output.route, isListedInSitemap: output.isListedInSitemap,
                                 isRenderedWhenAskedInPreview: output.isRenderedWhenAskedInPreview,
                                 isStartedFirst: output.isStartedFirst, template: output.template,
                                 plan: plan, position: output.position)
        }
    }
}

/// The outputs of one kind in one site, with their items.
private protocol OutputsOfKind: AnyObject, Sendable {
    func dependencies(at position: Int) -> [Dependency]
    func render(at position: Int, in context: RenderContext) -> [UInt8]
    /// The same items of the same kind in `site`, which has the same records in the same places.
    func replanned(for site: Site) -> any OutputsOfKind
    var sharedFragments: [String]? { get }
    var isMadeWithoutTemplates: Bool { get }
}

private final class KindPlan<Kind: OutputKind>: OutputsOfKind {
    let kind: Kind
    let site: Site
    let items: [Kind.Item]

    init(kind: Kind, site: Site, items: [Kind.Item]) {
        self.kind = kind
        self.site = site
        self.items = items
    }

    func dependencies(at position: Int) -> [Dependency] { kind.dependencies(of: items[position], in: site) }
    func render(at position: Int, in context: RenderContext) -> [UInt8] { kind.render(items[position], in: context) }
    func replanned(for site: Site) -> any OutputsOfKind { KindPlan(kind: kind, site: site, items: items) }
    var sharedFragments: [String]? { kind.sharedFragments?.map(\.template) }
    var isMadeWithoutTemplates: Bool { kind.isMadeWithoutTemplates }
}
