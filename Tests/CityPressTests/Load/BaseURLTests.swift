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
        }
    }
}
