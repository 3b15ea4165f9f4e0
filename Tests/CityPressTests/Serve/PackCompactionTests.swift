import Foundation
import Testing
@testable import CityPressBuild
@testable import CityPressServer

/// The copy of the preview's pack made in the background: once a build has started from it, the old
/// pack is let go; a copy that cannot be made says so and leaves the pack as it is.
@Suite struct PackCompactionTests {
    /// The pack `outcome`'s pages are in.
    func pack(of outcome: PreviewBuilder.Outcome) -> PagePack? {
        guard case .built(let files) = outcome.content else { return nil }
        return files.pack
    }

    @Test func theOldPackIsClosedOnceABuildStartsFromItsCopy() throws {
        try withTemporaryFolder { root in
            let (content, templates) = try copyFixtureSite(to: root)
            let builder = PreviewBuilder(options: BuildOptions(contentPath: content.path, templatesPath: templates.path),
                                         compactionSlack: 0)
            var served = pack(of: builder.build())
            let city = content.appendingPathComponent("cities/lodz.yml")
            var copiesTaken = 0
            for step in 0..<8 {
                try writeText("name: Łódź \(step)\ncountry: Poland\n", to: city)
                builder.compaction?.waitUntilOver()
                weak let previous = served
                served = nil
                let fullRenders = builder.fullRenderCount
                served = pack(of: builder.build(changed: [city.path]))
                #expect(served != nil && builder.fullRenderCount == fullRenders, "step \(step): an edit's build")
                guard previous !== served else { continue }
                copiesTaken += 1
                // The copy's own thread may let go of it a moment after it signalled that it was over.
                for _ in 0..<200 where previous != nil { Thread.sleep(forTimeInterval: 0.01) }
                #expect(previous == nil, "step \(step): the pack the build started from the copy of is still open")
            }
            #expect(copiesTaken > 0, "no build started from a copy")
        }
    }

    /// A pack in a file is not copied onto the heap when no new file can be made: the copy says why, once.
    @Test func aCopyWithoutANewFileSaysSoAndLeavesThePack() throws {
        try withTemporaryFolder { root in
            let pack = PagePack(folder: root.path)
            let pages = ["a": try pack.append([1, 2, 3]), "b": try pack.append([4])]
            let source = PreviewFiles(pack: pack, rendered: pages)
            let notAFolder = root.appendingPathComponent("file")
            try writeText("", to: notAFolder)
            let compaction = PackCompaction(of: source, folder: notAFolder.path)
            compaction.waitUntilOver()
            #expect(compaction.result(for: source) == nil)
            let notices = compaction.takeNotices()
            #expect(notices.count == 1)
            #expect(notices.first?.contains("no temporary file could be made in \(notAFolder.path)") == true, "\(notices)")
            #expect(notices.first?.contains("keeps growing") == true, "\(notices)")
            #expect(compaction.takeNotices().isEmpty, "said once")
            #expect(compaction.copies(pack), "not tried again for the same pack")
        }
    }
}
