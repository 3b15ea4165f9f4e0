import Testing
@testable import CityPressRender

/// The order a build starts its outputs in: the files that gather the whole site first, so that the
/// last file made is a small page, not the search index alone on one core.
@Suite struct StartOrderTests {
    @Test func filesGatheringTheSiteStartFirstOneKindAfterAnother() throws {
        let (site, templates) = try preparedFixtureSite()
        let outputs = SiteRenderer(site: site, templates: templates).outputs
        let order = PlannedOutput.startOrder(of: outputs)
        #expect(order.sorted() == Array(outputs.indices))
        let first = outputs.indices.filter { outputs[$0].isStartedFirst }
        let files = order.map { outputs[$0].route.file }
        #expect(first.count > 10)
        // Every kind's first file before any kind's second: no two threads wait on one kind's tables.
        #expect(Array(files.prefix(5)) == ["sitemap.xml", "feed.xml", "data/declarations.csv", "search-index.js",
                                           "fr/search-index.js"], "\(files.prefix(8))")
        #expect(Set(order.prefix(first.count)) == Set(first))
        // Then every other file in plan order, the Data page (which gives the data files' sizes) last.
        #expect(Array(order.dropFirst(first.count)) == outputs.indices.filter { !outputs[$0].isStartedFirst })
        #expect(files.last == "data/index.html")
    }
}
