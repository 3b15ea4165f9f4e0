import Foundation
import Testing
import CityPressCore
@testable import CityPressWrite

@Suite struct BuildManifestTests {
    @Test func writesSortedLinesAndReadsThemBack() throws {
        let manifest = BuildManifest(tool: "9.9", files: [
            "b/index.html": .init(size: 3, hash: ContentHash.hex(of: [1, 2, 3])),
            "a \"quoted\"\\name.css": .init(size: 0, hash: ContentHash.hex(of: [])),
        ])
        let text = String(decoding: manifest.bytes, as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines[2].hasPrefix("{\"path\": \"a \\\"quoted\\\"\\\\name.css\""))
        #expect(lines[3].hasPrefix("{\"path\": \"b/index.html\", \"size\": 3"))
        #expect(BuildManifest.parse(manifest.bytes) == manifest)
    }

    @Test func refusesWhatIsNotAManifestOfThisVersion() {
        #expect(BuildManifest.parse(Array(OutputFolder.markerText.utf8)) == nil)
        #expect(BuildManifest.parse(Array("{\"format\": \"citypress-build-manifest\", \"version\": 3, \"tool\": \"x\", \"files\": []}".utf8)) == nil)
        #expect(BuildManifest.parse(Array("{\"format\": \"other\", \"version\": 1, \"tool\": \"x\", \"files\": []}".utf8)) == nil)
        #expect(BuildManifest.parse(Array("{\"format\": \"citypress-build-manifest\", \"version\": 2, \"tool\": \"x\", \"files\": [{\"path\": 1}]}".utf8)) == nil)
        #expect(BuildManifest.parse([0xFF, 0x00]) == nil)
    }

    @Test func fingerprintsDependOnEveryByteAndTheLength() {
        let page = Array("<!DOCTYPE html><title>x</title><p>Łódź</p>".utf8)
        let hash = ContentHash.of(page)
        #expect(ContentHash.of(page) == hash)
        for position in page.indices {
            var changed = page
            changed[position] ^= 0x01
            #expect(ContentHash.of(changed) != hash, "byte \(position)")
        }
        #expect(ContentHash.of(page + [0]) != hash)
        #expect(ContentHash.of([]) != ContentHash.of([0]))
        #expect(ContentHash.hex(of: page).count == 16)
    }
}
