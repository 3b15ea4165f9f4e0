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
}
