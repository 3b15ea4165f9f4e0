import Foundation
import Testing
@testable import CityPressBuild
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
        for number in 0..<200 { #expect(pages["p/\(number)"].flatMap { try? pack.read($0) } == Self.page(number)) }
        // An empty page shares its offset with the next page.
        let empty = try pack.append([]), next = try pack.append([1, 2])
        #expect(try pack.read(empty) == [] && pack.read(next) == [1, 2])
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
        #expect(moved.mapValues { try? fresh.read($0) } == later.mapValues { try? pack.read($0) })
        // The source's pages, then the two the later build changed.
        #expect(fresh.size == Self.page(1).count + big.count + Self.page(3).count + Self.page(2).count)
    }

    /// A page whose bytes cannot be read back is an error that says why, not a missing page.
    @Test(arguments: [false, true]) func aPageThatCannotBeReadBackIsAnError(inMemory: Bool) throws {
        try withTemporaryFolder { folder in
            let pack = PagePack(inMemory: inMemory, folder: folder.path)
            _ = try pack.append([1, 2, 3])
            let cut = StoredPage(offset: 1, count: 10)
            #expect(throws: PagePackError.endedEarly) { try pack.read(cut) }
            let files = PreviewFiles(pack: pack, rendered: ["a.html": cut])
            guard case .unreadable(.endedEarly) = files.lookup("a.html") else { Issue.record("read as \(files.lookup("a.html"))"); return }
            guard case .missing = files.lookup("b.html") else { Issue.record("b.html found"); return }
            #expect(!PagePackError.endedEarly.description.isEmpty && !PagePackError.wroteNothing.description.contains("Success"))
        }
    }

    #if os(Linux)
    /// The file is opened close-on-exec, so a program the preview starts (the browser) does not inherit
    /// it, and it has no name left: the kernel's own view of the process's open files says so.
    @Test func theFileIsClosedOnExecAndHasNoName() throws {
        try withTemporaryFolder { folder in
            let pack = PagePack(folder: folder.path)
            #expect(pack.isFile && pack.whyInMemory == nil && pack.leftBehind == nil)
            let descriptors = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").filter { name in
                let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + name)) ?? ""
                return target.hasPrefix(folder.path + "/citypress-preview-")
            }
            #expect(descriptors.count == 1)
            for name in descriptors {
                let target = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + name)
                #expect(target.hasSuffix(" (deleted)"), "\(target)")
                // `flags:` is octal; O_CLOEXEC is 02000000 on Linux.
                let info = try String(contentsOfFile: "/proc/self/fdinfo/" + name, encoding: .utf8)
                let flags = info.split(separator: "\n").first { $0.hasPrefix("flags:") }
                    .flatMap { Int($0.dropFirst("flags:".count).trimmingCharacters(in: .whitespaces), radix: 8) }
                #expect(flags.map { $0 & 0o2000000 != 0 } == true, "\(info)")
            }
            withExtendedLifetime(pack) {}
        }
    }
    #endif

    /// Where no file can be made, pages are kept in memory, and the preview says so on its first build
    /// only (the server's memory then grows with the site).
    @Test func withoutATemporaryFileThePreviewSaysOnceThatItKeepsPagesInMemory() throws {
        try withTemporaryFolder { root in
            let notAFolder = root.appendingPathComponent("file")
            try writeText("", to: notAFolder)
            let pack = PagePack(folder: notAFolder.path)
            #expect(!pack.isFile)
            #expect(pack.whyInMemory?.contains("no temporary file could be made in \(notAFolder.path)") == true)
            #expect(try pack.read(try pack.append([4, 5])) == [4, 5])
            #expect(PagePack(inMemory: true).whyInMemory == nil, "asked for: nothing to say")

            let (content, templates) = try copyFixtureSite(to: root)
            let builder = PreviewBuilder(options: BuildOptions(contentPath: content.path, templatesPath: templates.path),
                                         compactionSlack: 0, packFolder: notAFolder.path)
            func inMemoryWarnings(_ outcome: PreviewBuilder.Outcome) -> Int {
                outcome.diagnostics.filter { $0.severity == .warning && $0.message.contains("keeps its pages in memory") }.count
            }
            let first = builder.build()
            #expect(inMemoryWarnings(first) == 1, "\(first.diagnostics)")
            guard case .built(let files) = first.content else { Issue.record("no build"); return }
            #expect(files["index.html"] != nil)
            #expect(inMemoryWarnings(builder.build()) == 0, "said once")
        }
    }
}
