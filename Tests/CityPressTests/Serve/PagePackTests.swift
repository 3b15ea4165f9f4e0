import Foundation
import Testing
@testable import CityPressServer

/// The preview keeps its pages' bytes in a temporary file: what goes in comes out, from any thread,
/// and nothing is left in the temporary folder.
@Suite struct PagePackTests {
    static func page(_ number: Int) -> [UInt8] { Array("<p>page \(number)</p>".utf8) + [UInt8](repeating: UInt8(number % 251), count: number * 37) }

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

    /// Edits append; once replaced pages outweigh the current ones, the current ones move to a new pack.
    @Test func compactionKeepsEveryCurrentPage() throws {
        let pack = PagePack()
        let big = [UInt8](repeating: 7, count: 1 << 20)
        var pages: [String: StoredPage] = ["a": try pack.append(Self.page(1)), "b": try pack.append(big)]
        var (kept, same) = try PackedFiles.compacted(pages, in: pack)
        #expect(kept === pack && same == pages, "little replaced: nothing copied")
        for _ in 0..<40 { pages["b"] = try pack.append(big) }
        (kept, same) = try PackedFiles.compacted(pages, in: pack)
        #expect(kept !== pack)
        #expect(kept.size == Self.page(1).count + big.count)
        #expect(same["a"].flatMap(kept.read) == Self.page(1) && same["b"].flatMap(kept.read) == big)
    }
}
