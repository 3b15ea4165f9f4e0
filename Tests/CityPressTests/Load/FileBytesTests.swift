import Foundation
import Testing
@testable import CityPressCore

/// Files read whole with POSIX calls, as content files are.
@Suite struct FileBytesTests {
    @Test func readsWholeFilesAndNothingElse() throws {
        try withTemporaryFolder { folder in
            let big = folder.appendingPathComponent("big.md"), empty = folder.appendingPathComponent("empty.md")
            let text = String(repeating: "Łódź, Malmö — 10 000 cities.\n", count: 5_000)
            try writeText(text, to: big)
            try writeText("", to: empty)
            #expect(FileBytes.read(big.path) == Array(text.utf8))
            #expect(FileBytes.read(empty.path) == [])
            #expect(FileBytes.read(folder.path) == nil)
            #expect(FileBytes.read(folder.appendingPathComponent("missing.md").path) == nil)
            // A FIFO is no file: refused at once, never waited on.
            let fifo = folder.appendingPathComponent("fifo.yml")
            #expect(mkfifo(fifo.path, 0o644) == 0)
            #expect(FileBytes.read(fifo.path) == nil)
        }
    }
}
