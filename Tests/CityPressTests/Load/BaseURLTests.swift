import Testing
@testable import CityPressLoad

/// `base_url` and `--base-url`: every page's address is the base URL followed by its path.
@Suite struct BaseURLTests {
    @Test func aBaseURLIsAnAbsoluteHTTPAddressWithAHost() {
        for valid in ["https://example.org", "https://example.org/", "http://example.org/declarations/",
                      "https://example.org:8443/a/b", "https://xn--dsseldorf-q9a.de/"] {
            #expect(SiteConfig.isValidBaseURL(valid), "\(valid)")
        }
        // A query or fragment would come before every page's path (`https://example.org/?x=1/cities/`).
        for invalid in ["https://example.org/?x=1", "https://example.org/#top", "https://", "https:///path", "ftp://example.org/",
                        "example.org", "/declarations/", "https://exa mple.org/", "https://example.org/\"a", "https://a.org/\u{7}",
                        "https://a.org/<b>", "https://a.org\\b", ""] {
            #expect(!SiteConfig.isValidBaseURL(invalid), "\(invalid)")
            #expect(SiteConfig.baseURLProblem(invalid) != nil, "\(invalid)")
        }
        #expect(SiteConfig.baseURLProblem("https://example.org/") == nil)
        // Each rejection says what is wrong.
        #expect(SiteConfig.baseURLProblem("https://example.org/a b/") == "it has a space: write it as %20")
        #expect(SiteConfig.baseURLProblem("example.org") == "it does not start with https:// or http://")
        #expect(SiteConfig.baseURLProblem("https:///path") == "it names no host after https://")
        #expect(SiteConfig.baseURLProblem("https://example.org/?x=1") == "it has a query (?): page addresses would come after it")
        #expect(SiteConfig.baseURLProblem("https://example.org/#x") == "it has a fragment (#): page addresses would come after it")
    }
}
