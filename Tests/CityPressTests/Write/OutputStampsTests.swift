import Foundation
import Testing
@testable import CityPressWrite

@Suite struct OutputStampsTests {
    static let tool = ToolIdentity(path: "/opt/citypress\twith tab", device: 2049, inode: UInt64.max - 3, size: 72_072_952,
                                   modified: 1_795_719_330_579_940_893)
    static let stamps = OutputStamps(output: "/srv/site/Public", tool: tool, files: [
        "index.html": FileStamp(device: 2049, inode: 12, size: 3188, modified: 1_795_719_337_087_941_090, changed: 1_795_719_337_719_941_109),
        "a b/ü.html": FileStamp(device: 2049, inode: 13, size: 0, modified: -5, changed: 7),
        "line\nbreak.html": FileStamp(device: 1, inode: 1, size: 1, modified: 1, changed: 1),
    ])

    @Test func readsBackWhatItWritesButPathsWithALineBreak() {
        var expected = Self.stamps
        expected.files["line\nbreak.html"] = nil
        #expect(OutputStamps.parse(Self.stamps.bytes) == expected)
    }

    @Test func anythingDamagedIsNoRecord() {
        let bytes = Self.stamps.bytes
        #expect(OutputStamps.parse(Array(bytes.dropLast())) == nil)
        #expect(OutputStamps.parse(Array(bytes.dropLast(20))) == nil)
        #expect(OutputStamps.parse(Array(bytes.dropFirst())) == nil)
        #expect(OutputStamps.parse([]) == nil)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(OutputStamps.parse(Array(text.replacingOccurrences(of: "\t3188\t", with: "\t31x8\t").utf8)) == nil)
        #expect(OutputStamps.parse(Array(text.replacingOccurrences(of: "\t3188\t", with: "\t99999999999999999999\t").utf8)) == nil)
    }

    @Test func livesInTheUsersCacheFolderNamedByTheOutput() throws {
        let xdg = try #require(OutputStamps.location(for: "/srv/site/Public", environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"]))
        #expect(xdg.hasPrefix("/c/citypress/") && xdg.hasSuffix(".stamps"))
        let home = try #require(OutputStamps.location(for: "/srv/site/Public", environment: ["XDG_CACHE_HOME": "relative", "HOME": "/h/"]))
        #expect(home.hasPrefix("/h/.cache/citypress/"))
        #expect(OutputStamps.location(for: "/srv/site/Other", environment: ["HOME": "/h"]) != OutputStamps.location(for: "/srv/site/Public", environment: ["HOME": "/h"]))
        #expect(OutputStamps.location(for: "/srv/site/Public", environment: [:]) == nil)
    }

    @Test func trustsOnlyARecordOfTheSameFolderByTheSameBinary() throws {
        try withTemporaryFolder { root in
            let file = root.appendingPathComponent("record.stamps").path
            #expect(OutputStamps.recorded(at: file, for: "/srv/site/Public", tool: Self.tool) == .missing)
            try Self.stamps.write(to: file)
            let read = OutputStamps.recorded(at: file, for: "/srv/site/Public", tool: Self.tool)
            guard case .found(let found) = read else { Issue.record("\(read)"); return }
            #expect(found.files["index.html"] == Self.stamps.files["index.html"])
            #expect(OutputStamps.recorded(at: file, for: "/srv/site/Other", tool: Self.tool) == .otherOutput)
            var rebuilt = Self.tool
            rebuilt.modified += 1
            #expect(OutputStamps.recorded(at: file, for: "/srv/site/Public", tool: rebuilt) == .otherTool)
            #expect(OutputStamps.recorded(at: file, for: "/srv/site/Public", tool: nil) == .otherTool)
            try Data("citypress-output-stamps 2\n".utf8).write(to: URL(fileURLWithPath: file))
            #expect(OutputStamps.recorded(at: file, for: "/srv/site/Public", tool: Self.tool) == .unreadable)
        }
    }

    @Test func theRunningBinaryHasAnIdentity() throws {
        let identity = try #require(ToolIdentity.current())
        #expect(identity.path.hasPrefix("/") && identity.size > 0 && identity.inode > 0)
        #expect(ToolIdentity.current() == identity)
    }
}
