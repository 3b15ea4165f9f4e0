import Testing
@testable import CityPressRender

/// A report save in the preview takes the last build's plan for the patched site instead of planning
/// 45,000 outputs again: the plan taken over must be the one planning gives.
@Suite struct ReplanningTests {
    @Test func aPlanTakenOverIsThePlanThatPlanningGives() throws {
        let (site, templates) = try preparedFixtureSite()
        let planned = SiteRenderer(site: site, templates: templates).outputs
        let renderer = SiteRenderer(site: site, templates: templates, plan: planned)
        let replanned = renderer.outputs
        #expect(planned.contains { $0.route.path.contains("/updates/") })
        #expect(replanned.map(\.route) == planned.map(\.route))
        // Each output keeps its flags and its own item: its dependencies, and its bytes now and then.
        let context = renderer.laterContext(entries: nil)
        let unlike = planned.indices.filter { position in
            let old = planned[position], new = replanned[position]
            return old.isListedInSitemap != new.isListedInSitemap || old.isStartedFirst != new.isStartedFirst
                || old.isRenderedWhenAskedInPreview != new.isRenderedWhenAskedInPreview || old.template != new.template
                || old.dependencies() != new.dependencies()
                || position % 7 == 0 && old.render(context) != new.render(context)
        }.map { planned[$0].route.path }
        #expect(unlike.isEmpty, "\(unlike.count) outputs differ, first \(unlike.prefix(3))")
    }
}
