import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import CityPressBuild
@testable import CityPressRender

/// `feed.xml` read with a real XML parser (Foundation's `XMLDocument`, libxml2 on Linux): well-formed,
/// the elements Atom 1.0 requires, one entry per declaration, later endorsement and report.
@Suite struct FeedTests {
    static let atom = "http://www.w3.org/2005/Atom"

    static func feed() throws -> (pages: [String: String], document: XMLDocument) {
        let (pages, _) = try renderInMemory(content: TestPaths.fixtureSite.appendingPathComponent("Content"))
        let text = try #require(pages["feed.xml"])
        return (pages, try XMLDocument(data: Data(text.utf8), options: []))
    }

    /// The children of `element` named `name` in the Atom namespace.
    static func children(_ element: XMLElement, _ name: String) -> [XMLElement] {
        element.elements(forLocalName: name, uri: atom)
    }

    /// The attribute `name` of `element` (by a search: `attribute(forName:)` finds none in a namespaced
    /// element on Linux's FoundationXML).
    static func attribute(_ element: XMLElement, _ name: String) -> String? {
        element.attributes?.first { $0.name == name }?.stringValue
    }

    static func text(_ element: XMLElement, _ name: String) -> String? { children(element, name).first?.stringValue }

    @Test func isWellFormedAtomWithTheRequiredElements() throws {
        let (_, document) = try Self.feed()
        let root = try #require(document.rootElement())
        #expect(root.localName == "feed" && root.uri == Self.atom)
        for name in ["id", "title", "updated", "author"] { #expect(Self.children(root, name).count == 1, "feed/\(name)") }
        #expect(Self.text(root, "id") == "https://example.org/declarations/feed.xml")
        #expect(Self.children(root, "link").contains { Self.attribute($0, "rel") == "self" })
        let entries = Self.children(root, "entry")
        for entry in entries {
            for name in ["id", "title", "updated", "summary"] { #expect(Self.children(entry, name).count == 1, "entry/\(name)") }
            let link = try #require(Self.children(entry, "link").first.flatMap { Self.attribute($0, "href") })
            #expect(link.hasPrefix("https://example.org/declarations/"))
            let updated = try #require(Self.text(entry, "updated"))
            #expect(updated.range(of: #"^\d{4}-\d{2}-\d{2}T00:00:00Z$"#, options: .regularExpression) != nil)
        }
        // The feed's date is its newest entry's, a content date (entries are newest first).
        #expect(Self.text(root, "updated") == entries.first.flatMap { Self.text($0, "updated") })
        #expect(Self.text(root, "updated") == "2024-01-30T00:00:00Z")
    }

    @Test func hasAnEntryPerDeclarationLaterEndorsementAndReport() throws {
        let (_, document) = try Self.feed()
        let entries = Self.children(try #require(document.rootElement()), "entry")
        // 2 published declarations (the draft is left out), 2 endorsements dated after the meeting, 4 reports.
        #expect(entries.count == 8)
        let ids = entries.compactMap { Self.text($0, "id") }
        #expect(Set(ids).count == 8)
        #expect(ids.allSatisfy { $0.hasPrefix("tag:example.org,20") })
        #expect(ids.contains("tag:example.org,2022-05-10:/declarations/declarations/second-accord/endorsements/poznan"))
        let titles = entries.compactMap { Self.text($0, "title") }
        #expect(titles.contains("Greater Leeds & District endorses Second Accord"))
        #expect(titles.contains("Łódź: Second Accord, 2023 report"))
    }

    @Test func everyPageLinksTheFeedAndTheBytesAreStable() throws {
        let (pages, _) = try Self.feed()
        let link = #"<link rel="alternate" type="application/atom+xml" title="Fixture Declarations" href="https://example.org/declarations/feed.xml">"#
        for (path, page) in pages where path.hasSuffix(".html") { #expect(page.contains(link), "\(path)") }
        #expect(try Self.feed().pages["feed.xml"] == pages["feed.xml"])
    }

    @Test func aSiteWithoutBaseURLHasNoFeed() throws {
        let (pages, _) = try renderInMemory(content: TestPaths.content)
        #expect(pages["feed.xml"] == nil)
        #expect(pages["index.html"]?.contains("application/atom+xml") == false)
    }

    @Test func tagURIsNameTheHostAlone() {
        #expect(FeedOutput.authority(of: "https://User@Example.org:8443/x/") == "example.org")
        #expect(FeedOutput.path(of: "https://example.org") == "/")
        #expect(FeedOutput.path(of: "https://example.org/a/b/") == "/a/b/")
    }
}
