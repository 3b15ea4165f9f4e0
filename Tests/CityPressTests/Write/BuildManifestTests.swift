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

    @Test func readsItsOwnLinesWithoutAJSONParserAndAnythingElseWithOne() {
        let manifest = BuildManifest(tool: "9.9", files: [
            "cities/łódź/index.html": .init(size: 12, hash: ContentHash.hex(of: [1]), inputs: ContentHash.hex(42)),
            "assets/site.css": .init(size: 0, hash: ContentHash.hex(of: [])),
        ])
        #expect(ManifestLines.parse(manifest.bytes)?.files == manifest.files)
        #expect(BuildManifest.parse(manifest.bytes) == manifest)
        // Laid out by another tool (one line): not this layout, but still a manifest.
        let oneLine = Array(String(decoding: manifest.bytes, as: UTF8.self).replacingOccurrences(of: "\n", with: " ").utf8)
        #expect(ManifestLines.parse(oneLine) == nil)
        #expect(BuildManifest.parse(oneLine) == manifest)
        // Cut short anywhere: never a manifest.
        for length in stride(from: 0, to: manifest.bytes.count - 1, by: 7) {
            #expect(BuildManifest.parse(Array(manifest.bytes.prefix(length))) == nil, "\(length) bytes")
        }
    }

    /// The fast reader takes only the exact layout: a file line without its comma, or the last with one, is not
    /// what `bytes` writes.
    @Test func aMissingOrExtraCommaIsNotAManifest() {
        let manifest = BuildManifest(tool: "9.9", files: [
            "a.html": .init(size: 1, hash: ContentHash.hex(of: [1])), "b.html": .init(size: 2, hash: ContentHash.hex(of: [2])),
            "c.html": .init(size: 3, hash: ContentHash.hex(of: [3])),
        ])
        let text = String(decoding: manifest.bytes, as: UTF8.self)
        #expect(ManifestLines.parse(manifest.bytes) != nil)
        let withoutComma = text.replacingOccurrences(of: "},\n{\"path\": \"b.html\"", with: "}\n{\"path\": \"b.html\"")
        let extraComma = text.replacingOccurrences(of: "}\n]}", with: "},\n]}")
        for damaged in [withoutComma, extraComma] {
            #expect(damaged != text)
            #expect(ManifestLines.parse(Array(damaged.utf8)) == nil, "\(damaged)")
        }
        // Not JSON either (Foundation's parser forgives the extra comma, which leaves nothing unclear).
        #expect(BuildManifest.parse(Array(withoutComma.utf8)) == nil)
    }

    /// A manifest of a later format version is a newer CityPress's, not a damaged one; an earlier one an older's.
    @Test func aManifestOfAnotherVersionIsNotDamage() throws {
        try withTemporaryFolder { folder in
            let marker = folder.appendingPathComponent(OutputFolder.markerName)
            try Data("{\"format\": \"citypress-build-manifest\", \"version\": 3, \"tool\": \"9.0\", \"files\": []}".utf8).write(to: marker)
            #expect(BuildManifest.previous(in: folder.path) == .newer(version: 3))
            try Data("{\"format\": \"citypress-build-manifest\", \"version\": 1, \"tool\": \"0.0.9\", \"files\": []}".utf8).write(to: marker)
            #expect(BuildManifest.previous(in: folder.path) == .older)
            try Data("{\"format\": \"citypress-build-manifest\", \"version\": 3, \"tool\": ".utf8).write(to: marker)
            #expect(BuildManifest.previous(in: folder.path) == .unreadable)
        }
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
