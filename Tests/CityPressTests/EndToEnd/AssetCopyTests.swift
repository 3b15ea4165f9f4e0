import CityPressCore
import Foundation
import Testing

/// `Templates/assets/` is copied into the output, without what editors leave beside the files they save.
@Suite struct AssetCopyTests {
    @Test func editorsLeftoversAreKnownByName() {
        for name in [".site.css.swp", ".DS_Store", "site.css~", "#site.css#", "4913", "site.css.orig", "site.css.rej",
                     "logo.png.bak", "site.css.swo", ".#site.css"] {
            #expect(EditorLeftovers.isLeftover(name), "\(name)")
        }
        for name in ["site.css", "logo-4913.png", "#", "fonts", "print.css", "notes#1.txt", "backup.css"] {
            #expect(!EditorLeftovers.isLeftover(name), "\(name)")
        }
    }

    @Test func assetsAreCopiedWithoutEditorsLeftovers() throws {
        try withTemporaryFolder { root in
            let site = try makeFixtureSite(in: root)
            let assets = site.appendingPathComponent("Templates/assets")
            for name in ["site.css~", "#site.css#", "4913", "site.css.orig", "fonts/.font.woff2.swp", "old.bak/logo.png"] {
                try writeText("leftover", to: assets.appendingPathComponent(name))
            }
            try writeText("woff2", to: assets.appendingPathComponent("fonts/font.woff2"))
            let result = try runCityPress(["build", "--quiet", "--content", "Content", "--templates", "Templates", "--output", "out"], in: site)
            #expect(result.status == 0, "\(result.stderr)")
            let copied = Set(FileManager.default.subpaths(atPath: site.appendingPathComponent("out/assets").path) ?? [])
            #expect(copied.contains("fonts/font.woff2") && copied.contains("site.css"))
            for name in ["site.css~", "#site.css#", "4913", "site.css.orig", "fonts/.font.woff2.swp", "old.bak", "old.bak/logo.png"] {
                #expect(!copied.contains(name), "\(name) was published")
            }
        }
    }

    /// `café.txt` written once with `é` and once with `e` and a combining accent: two files here, one
    /// name to a Mac, a web server or an object store, and to the change list. The build says so.
    @Test func twoAssetsWithOneNameInTwoEncodingsAreAnError() throws {
        try withTemporaryFolder { root in
            let site = try makeFixtureSite(in: root)
            let assets = site.appendingPathComponent("Templates/assets").path
            let composed = "caf\u{E9}.txt", decomposed = "cafe\u{301}.txt"
            for (name, text) in [(composed, "nfc"), (decomposed, "nfd")] {
                #expect(FileManager.default.createFile(atPath: assets + "/" + name, contents: Data(text.utf8)))
            }
            guard Set(try FileManager.default.contentsOfDirectory(atPath: assets).filter { $0.hasPrefix("caf") }.map { Array($0.utf8) }).count == 2 else {
                return  // a file system that stores one name for both (macOS) cannot hold the two files
            }
            let result = try runCityPress(["build", "--content", "Content", "--templates", "Templates", "--output", "out"], in: site)
            #expect(result.status == 1)
            #expect(result.stderr.contains("its characters encoded otherwise (Unicode NFC and NFD)"), "\(result.stderr)")
        }
    }
}
