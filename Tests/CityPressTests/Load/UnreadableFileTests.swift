import Foundation
import Testing
@testable import CityPressCore
@testable import CityPressLoad

/// What CityPress cannot read is reported at its place, with what to do, never crashed on or put
/// on the wrong line.
@Suite struct UnreadableFileTests {
    static func decode(_ bytes: [UInt8]) -> Diagnostic? {
        guard case .failure(let error) = SourceFileReader.decode(bytes, displayPath: "c.yml") else { return nil }
        return error.diagnostic
    }

    static func utf16(_ text: String, bigEndian: Bool, mark: Bool) -> [UInt8] {
        var bytes: [UInt8] = mark ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
        for unit in text.utf16 {
            let high = UInt8(unit >> 8), low = UInt8(unit & 0xFF)
            bytes += bigEndian ? [high, low] : [low, high]
        }
        return bytes
    }

    @Test(arguments: [true, false])
    func utf16WithAByteOrderMarkIsToldToSaveAsUTF8(bigEndian: Bool) throws {
        let diagnostic = try #require(Self.decode(Self.utf16("name: Łódź\r\n", bigEndian: bigEndian, mark: true)))
        #expect(diagnostic.message == "file is UTF-16 encoded, not UTF-8")
        #expect(diagnostic.notes.first?.hasPrefix("save the file as UTF-8") == true)
        #expect(diagnostic.location?.description == "c.yml:1:1")
    }

    /// A file that cannot be read says why: a folder named like a record, a pipe, a missing file.
    @Test func whatCannotBeReadSaysWhy() throws {
        try withTemporaryFolder { root in
            func message(_ path: String) -> String? {
                guard case .failure(let error) = SourceFileReader.read(path: root.appendingPathComponent(path).path, displayPath: path)
                else { return nil }
                return error.diagnostic.message
            }
            try FileManager.default.createDirectory(at: root.appendingPathComponent("oslo.yml"), withIntermediateDirectories: true)
            #expect(message("oslo.yml") == "cannot read file: it is a folder")
            #expect(mkfifo(root.appendingPathComponent("pipe.yml").path, 0o644) == 0)
            #expect(message("pipe.yml") == "cannot read file: it is not a regular file (a pipe, socket or device)")
            #expect(message("missing.yml") == "cannot read file: No such file or directory")
            // A content or templates folder given as a file.
            try writeText("title: x\n", to: root.appendingPathComponent("site.yml"))
            let (_, diagnostics) = ContentLoader(contentPath: root.appendingPathComponent("site.yml").path).load()
            #expect(diagnostics.map(\.message) == ["content folder '\(root.appendingPathComponent("site.yml").path)' is a file, not a folder"])
        }
    }

    @Test func utf32IsNamedAsSuch() throws {
        let diagnostic = try #require(Self.decode([0xFF, 0xFE, 0x00, 0x00, 0x61, 0, 0, 0]))
        #expect(diagnostic.message == "file is UTF-32 encoded, not UTF-8")
    }

    @Test func utf16WithoutAMarkIsRecognisedByItsNULBytes() throws {
        let diagnostic = try #require(Self.decode(Self.utf16("name: Oslo\n", bigEndian: false, mark: false)))
        #expect(diagnostic.message == "file looks UTF-16 encoded: its letters alternate with NUL bytes")
        #expect(diagnostic.notes.first?.hasPrefix("save the file as UTF-8") == true)
    }

    @Test func aNULByteIsReportedWhereItIs() throws {
        let bytes = Array("name: Oslo\r\ncountry: Nor".utf8) + [0] + Array("way\r\n".utf8)
        let diagnostic = try #require(Self.decode(bytes))
        #expect(diagnostic.message == "file contains a NUL byte")
        #expect(diagnostic.location?.description == "c.yml:2:13")
        #expect(diagnostic.location?.lineText == "country: Nor\u{2400}way")
        let printed = DiagnosticFormatter().format(diagnostic).split(separator: "\n").map(String.init)
        #expect(printed.dropFirst(2).first == "            ^")
    }

    @Test func controlCharactersAndLineSeparatorsAreReportedWhereTheyAre() throws {
        let vertical = try #require(Self.decode(Array("name: Oslo\rcountry: No\u{0B}rway\r".utf8)))
        #expect(vertical.message == "file contains the invisible control character U+000B")
        #expect(vertical.location?.description == "c.yml:2:12")
        let separator = try #require(Self.decode(Array("\u{FEFF}name: Os\u{2028}lo\n".utf8)))
        #expect(separator.message == "file contains the Unicode line separator U+2028")
        #expect(separator.location?.description == "c.yml:1:9")
    }

    @Test func invalidUTF8IsLocatedInAnOldMacFile() throws {
        let diagnostic = try #require(Self.decode(Array("name: Oslo\rcountry: ".utf8) + [0xE9] + Array("\r".utf8)))
        #expect(diagnostic.message.hasPrefix("file is not valid UTF-8"))
        #expect(diagnostic.location?.description == "c.yml:2:10")
        #expect(diagnostic.location?.lineText == "country: \u{FFFD}")
    }

    @Test func aByteOrderMarkAndCRLFAreRemoved() throws {
        let text = try SourceFileReader.decode([0xEF, 0xBB, 0xBF] + Array("a\r\nb\rc".utf8), displayPath: "x").get()
        #expect(text == "a\nb\nc")
    }
}
