import Testing
@testable import CityPressRender

/// Links to city and country pages are made in one string; they must be the links to those outputs' routes.
@Suite struct LinksTests {
    @Test(arguments: [0, 1, 2, 3])
    func cityAndCountryLinksAreTheLinksToTheirRoutes(depth: Int) {
        for style in LinkStyle.allCases {
            for tree in ["", "fr/", "pt-br/"] {
                let links = Links(depth: depth, style: style, tree: tree)
                for slug in ["amsterdam", "łódź", "a", "new-york-city"] {
                    #expect(links.city(slug) == links.inTree(CityOutput.route(slug)), "\(depth) \(style) '\(tree)' \(slug)")
                    #expect(links.country(slug) == links.inTree(CountryOutput.route(slug)), "\(depth) \(style) '\(tree)' \(slug)")
                }
            }
        }
        let absolute = Links(absoluteRoot: "https://example.org/network/")
        #expect(absolute.city("oslo") == "https://example.org/network/cities/oslo/")
        #expect(Links(depth: 2, style: .indexFiles, tree: "fr/").country("norway") == "../../fr/countries/norway/index.html")
    }
}
