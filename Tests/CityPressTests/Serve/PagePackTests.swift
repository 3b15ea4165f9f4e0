import Foundation
import Testing
@testable import CityPressServer

/// The preview keeps its pages' bytes in a temporary file: what goes in comes out, from any thread,
/// and nothing is left in the temporary folder.
@Suite struct PagePackTests {
    static func page(_ number: Int) -> [UInt8] {
        Array("<p>page \(number)</p>".utf8) + [UInt8](repeating: UInt8(number % 251), count: number * 37)
    }

    @Test(arguments: [false, true]) func pagesComeBackAsWrittenFromManyThreads(inMemory: Bool) throws {
        let pack = PagePack(inMemory: inMemory)
        #expect(pack.isFile == !inMemory)
        let sink = PackedFiles(pack: pack)
        DispatchQueue.concurrentPerform(iterations: 200) { number in
            try? sink.write(Self.page(number), to: "p/\(number)")
        }
        let pages = sink.pages
        #expect(pages.count == 200)
        for number in 0..<200 { #expect(pages["p/\(number)"].flatMap(pack.read) == Self.page(number)) }
        // An empty page shares its offset with the next page.
        let empty = try pack.append([]), next = try pack.append([1, 2])
        #expect(pack.read(empty) == [] && pack.read(next) == [1, 2])
        #expect(pack.size == (0..<200).reduce(2) { $0 + Self.page($1).count })
    }

    @Test func theFileIsRemovedFromItsFolderAtOnce() throws {
        try withTemporaryFolder { folder in
            let pack = PagePack(folder: folder.path)
            #expect(pack.isFile)
            _ = try pack.append(Self.page(3))
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        }
    }

    /// Edits append; once replaced pages outweigh the current ones, the current ones are copied to a new
    /// pack in the background, and a later build in the old pack finds its pages there too.
    @Test func compactionCopiesEveryCurrentPage() throws {
        let pack = PagePack()
        let big = [UInt8](repeating: 7, count: 1 << 20)
        var pages: [String: StoredPage] = ["a": try pack.append(Self.page(1)), "b": try pack.append(big)]
        #expect(!PackCompaction.isDue(for: PreviewFiles(pack: pack, rendered: pages), slack: 32 << 20), "little replaced: nothing to copy")
        for _ in 0..<40 { pages["b"] = try pack.append(big) }
        let source = PreviewFiles(pack: pack, rendered: pages)
        #expect(PackCompaction.isDue(for: source, slack: 32 << 20))
        let compaction = PackCompaction(of: source)
        #expect(compaction.copies(pack))

        // A later build, still in the old pack: a page added, one replaced.
        var later = pages
        later["c"] = try pack.append(Self.page(3))
        later["b"] = try pack.append(Self.page(2))
        let laterFiles = PreviewFiles(pack: pack, rendered: later)
        #expect(compaction.result(for: PreviewFiles(pack: PagePack(), rendered: [:])) == nil, "another pack: nothing to take")
        var result: (PagePack, [String: StoredPage])?
        for _ in 0..<500 where result == nil {
            result = compaction.result(for: laterFiles)
            if result == nil { Thread.sleep(forTimeInterval: 0.01) }
        }
        let (fresh, moved) = try #require(result)
        #expect(fresh !== pack)
        #expect(moved.mapValues { fresh.read($0) } == later.mapValues { pack.read($0) })
        // The source's pages, then the two the later build changed.
        #expect(fresh.size == Self.page(1).count + big.count + Self.page(3).count + Self.page(2).count)
    }
}
