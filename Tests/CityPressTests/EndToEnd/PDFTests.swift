import Foundation
import Testing
@testable import CityPressCore
@testable import CityPressPrint
@testable import CityPressScaffold
@testable import CityPressSite

private let hasBrowserAndPoppler: Bool = {
    guard case .success = Browser.locate(explicitPath: nil) else { return false }
    let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
    return ["pdftotext", "pdfinfo"].allSatisfy { tool in folders.contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") } }
}()

/// Runs a tool and returns its standard output.
private func run(_ tool: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [tool] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}

/// Text without white space or hyphens: pdftotext joins words hyphenated at a line end.
private func squeezed(_ text: String) -> String { text.filter { !$0.isWhitespace && $0 != "-" } }

/// Prints both seed declarations to PDF with the real binary and reads the PDFs back with poppler.
@Suite(.serialized,
       .enabled(if: hasBrowserAndPoppler,
                "SKIPPED LOUDLY: no Chromium (chromium, chromium-browser, google-chrome) or no pdftotext/pdfinfo on PATH; `WITH_BROWSER=1 scripts/ensure-deps.sh` installs them"))
struct PDFTests {
    static let seeds: [(slug: String, seed: String, commitments: Int)] = [
        ("the-hague-mayoral-declaration-2022", "the-hague-mayoral-declaration-2022.txt", 8),
        ("new-york-city-mayoral-declaration-2023", "new-york-city-mayoral-declaration-2023.txt", 6),
    ]

    @Test func printsBothSeedsOnA4AndLetter() throws {
        try withTemporaryFolder { root in
            let output = root.appendingPathComponent("pdf")
            let result = try runCityPress(["pdf", "--content", TestPaths.content.path, "--templates", TestPaths.templates.path,
                                           "--output", output.path], in: root)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.hasPrefix("Printed 4 PDFs"))
            let hagueCities = try readText(TestPaths.content.appendingPathComponent("declarations/the-hague-mayoral-declaration-2022.md"))
                .split(separator: "\n").filter { $0.hasPrefix("  - ") }.map { String($0.dropFirst(4)) }
            #expect(hagueCities.count == 40)
            let hagueNames = try hagueCities.map { slug in
                try readText(TestPaths.content.appendingPathComponent("cities/\(slug).yml")).split(separator: "\n")
                    .first { $0.hasPrefix("name:") }.map { String($0.dropFirst(5)).trimmingWhitespace().replacingOccurrences(of: "\"", with: "") } ?? slug
            }

            for seed in Self.seeds {
                let commitments = try readText(TestPaths.seeds.appendingPathComponent(seed.seed)).split(separator: "\n")
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { $0.range(of: #"^\d+\. "#, options: .regularExpression) != nil }
                    .map { String($0[$0.index(after: $0.firstIndex(of: " ") ?? $0.startIndex)...]) }
                #expect(commitments.count == seed.commitments)
                for paper in Paper.allCases {
                    let pdf = output.appendingPathComponent(paper.fileName(for: seed.slug)).path
                    let info = try run("pdfinfo", [pdf])
                    let size = paper.points
                    #expect(info.contains(paper == .a4 ? "(A4)" : "(letter)"), "\(pdf): \(info)")
                    #expect(info.contains("x \(size.height)") || info.contains("x 841.92"), "\(pdf): \(info)")
                    let pages = Int(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }?
                        .split(separator: " ").last ?? "") ?? 0
                    #expect(pages >= 1)
                    if seed.slug.hasPrefix("the-hague") { #expect(pages <= 3, "\(pdf) has \(pages) pages") }
                    #expect(info.contains("Title:") && info.contains(seed.slug.hasPrefix("the-hague") ? "The Hague Mayoral Declaration" : "New York City Mayoral Declaration"))
                    let raw = String(decoding: try Data(contentsOf: URL(fileURLWithPath: pdf)), as: UTF8.self)
                    #expect(raw.contains("/Lang (en)"), "\(pdf) has no language")

                    let text = squeezed(try run("pdftotext", ["-enc", "UTF-8", pdf, "-"]))
                    for (index, commitment) in commitments.enumerated() {
                        let found = text.contains(squeezed(commitment))
                        #expect(found, "\(pdf) lacks commitment \(index + 1)")
                    }
                    if seed.slug.hasPrefix("the-hague") {
                        let missing = hagueNames.filter { !text.contains(squeezed($0)) }
                        #expect(missing.isEmpty, "\(pdf) lacks \(missing)")
                    }
                    let first = try run("pdftotext", ["-f", "1", "-l", "1", "-enc", "UTF-8", pdf, "-"])
                    #expect(first.contains("Page 1 of \(pages)"), "\(pdf) page 1 footer")
                }
            }
        }
    }

    @Test func buildWithPDFOffersThemOnTheDeclarationPage() throws {
        try withTemporaryFolder { root in
            try copyFolder(TestPaths.fixtureSite.appendingPathComponent("Content"), to: root.appendingPathComponent("Content"))
            try copyFolder(TestPaths.templates, to: root.appendingPathComponent("Templates"))
            let result = try runCityPress(["build", "--pdf"], in: root)
            #expect(result.status == 0, "\(result.stderr)")
            // The PDFs were printed by this build, not kept from another.
            #expect(result.stdout.hasPrefix("Built "))
            #expect(!result.stdout.contains("kept"), "\(result.stdout)")
            for paper in Paper.allCases {
                let pdf = root.appendingPathComponent("Public/declarations/second-accord/" + paper.fileName(for: "second-accord"))
                #expect(FileManager.default.fileExists(atPath: pdf.path))
            }
            let page = try readText(root.appendingPathComponent("Public/declarations/second-accord/index.html"))
            #expect(page.contains("second-accord-letter.pdf\" download>"))
            // Implementation updates are printed beside their pages, which offer them.
            for paper in Paper.allCases {
                let pdf = root.appendingPathComponent("Public/declarations/second-accord/updates/2022/" + paper.fileName(for: "second-accord-update-2022"))
                #expect(FileManager.default.fileExists(atPath: pdf.path))
            }
            // Translations are printed in their language beside their pages, which offer them.
            for language in ["fr", "ar"] {
                for paper in Paper.allCases {
                    let pdf = root.appendingPathComponent("Public/\(language)/declarations/second-accord/" + paper.fileName(for: "second-accord.\(language)"))
                    #expect(FileManager.default.fileExists(atPath: pdf.path), "\(pdf.path)")
                }
                let translation = try readText(root.appendingPathComponent("Public/\(language)/declarations/second-accord/index.html"))
                #expect(translation.contains("second-accord.\(language)-a4.pdf\" download>"))
            }
            let update = try readText(root.appendingPathComponent("Public/declarations/second-accord/updates/2022/index.html"))
            #expect(update.contains("second-accord-update-2022-a4.pdf\" download>"))
            let leftovers = (FileManager.default.subpaths(atPath: root.appendingPathComponent("Public").path) ?? [])
                .filter { $0.contains(".citypress-print") }
            #expect(leftovers.isEmpty)
            var checker = LinkChecker(root: root.appendingPathComponent("Public"))
            _ = try checker.checkAll()
            #expect(checker.failures.isEmpty, "\(checker.failures.prefix(5))")
        }
    }

    /// An implementation update prints like a declaration: on both papers, with every action and the status.
    /// A static file at a PDF's address would be replaced by the PDF without a word (PDFs are printed
    /// after the static files are copied): an error, and the output folder is left as it was.
    @Test func aStaticFileWhereAPDFIsPrintedIsAnError() throws {
        try withTemporaryFolder { root in
            try copyFolder(TestPaths.fixtureSite.appendingPathComponent("Content"), to: root.appendingPathComponent("Content"))
            try copyFolder(TestPaths.templates, to: root.appendingPathComponent("Templates"))
            let folder = root.appendingPathComponent("Content/static/declarations/second-accord")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try "an older scan".write(to: folder.appendingPathComponent("second-accord-a4.pdf"), atomically: true, encoding: .utf8)
            let plain = try runCityPress(["build"], in: root)
            #expect(plain.status == 0, "\(plain.stderr)")
            let printed = try runCityPress(["build", "--pdf"], in: root)
            #expect(printed.status == 1)
            #expect(printed.stderr.contains(
                "Content/static/declarations/second-accord/second-accord-a4.pdf: error: static file 'declarations/second-accord/second-accord-a4.pdf' would replace the file CityPress writes at 'declarations/second-accord/second-accord-a4.pdf'"),
                "\(printed.stderr)")
            let kept = try readText(root.appendingPathComponent("Public/declarations/second-accord/second-accord-a4.pdf"))
            #expect(kept == "an older scan")
        }
    }

    @Test func printsImplementationUpdatesOfTheFixtureSite() throws {
        try withTemporaryFolder { root in
            let output = root.appendingPathComponent("pdf")
            let result = try runCityPress(["pdf", "second-accord", "--content", TestPaths.fixtureSite.appendingPathComponent("Content").path,
                                           "--templates", TestPaths.templates.path, "--output", output.path], in: root)
            #expect(result.status == 0, "\(result.stderr)")
            for paper in Paper.allCases {
                let pdf = output.appendingPathComponent(paper.fileName(for: "second-accord-update-2022")).path
                let info = try run("pdfinfo", [pdf])
                #expect(info.contains(paper == .a4 ? "(A4)" : "(letter)"), "\(pdf): \(info)")
                #expect(info.contains("Second Accord: implementation update 2022"), "\(pdf): \(info)")
                let text = squeezed(try run("pdftotext", ["-enc", "UTF-8", pdf, "-"]))
                for expected in ["2 of the 4 signatories expected to report for 2022 (50 %)", "Łódź: Four thousand trees on school grounds",
                                 "Wrocław and three neighbouring towns publish their budgets", "Not yet reported", "Poznań"] {
                    #expect(text.contains(squeezed(expected)), "\(pdf) lacks '\(expected)'")
                }
                #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(paper.fileName(for: "second-accord-update-2023")).path))
            }
        }
    }

    /// A translation prints in its language: its title, text, interface and page footer, and `/Lang`.
    @Test func printsTranslationsInTheirLanguage() throws {
        try withTemporaryFolder { root in
            let output = root.appendingPathComponent("pdf")
            let result = try runCityPress(["pdf", "second-accord", "--language", "fr", "--language", "ar",
                                           "--content", TestPaths.fixtureSite.appendingPathComponent("Content").path,
                                           "--templates", TestPaths.templates.path, "--output", output.path], in: root)
            #expect(result.status == 0, "\(result.stderr)")
            let printed = (try? FileManager.default.contentsOfDirectory(atPath: output.path).sorted()) ?? []
            #expect(printed == ["second-accord.ar-a4.pdf", "second-accord.ar-letter.pdf", "second-accord.fr-a4.pdf", "second-accord.fr-letter.pdf"])
            for paper in Paper.allCases {
                let french = output.appendingPathComponent(paper.fileName(for: "second-accord.fr")).path
                let info = try run("pdfinfo", [french])
                #expect(info.contains("Title:           Deuxième Accord"), "\(info)")
                #expect(info.contains(paper == .a4 ? "(A4)" : "(letter)"))
                #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: french)), as: UTF8.self).contains("/Lang (fr)"))
                let text = squeezed(try run("pdftotext", ["-enc", "UTF-8", french, "-"]))
                for expected in ["Planter des arbres.", "Villes signataires", "au 1er juin 2022", "Page 1 sur 1", "Łódź"] {
                    #expect(text.contains(squeezed(expected)), "\(french) lacks '\(expected)'")
                }
                let arabic = output.appendingPathComponent(paper.fileName(for: "second-accord.ar")).path
                #expect(try run("pdfinfo", [arabic]).contains("الاتفاق الثاني"))
                #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: arabic)), as: UTF8.self).contains("/Lang (ar)"))
                #expect(try run("pdftotext", ["-enc", "UTF-8", arabic, "-"]).contains("Łódź"))
            }
            let unknown = try runCityPress(["pdf", "--language", "de", "--content", TestPaths.fixtureSite.appendingPathComponent("Content").path,
                                            "--templates", TestPaths.templates.path, "--output", output.path], in: root)
            #expect(unknown.status == 1)
            #expect(unknown.stderr.contains("error: no version of the site's declarations is in the language 'de'"))
            #expect(unknown.stderr.contains("the site's versions: en-GB, ar, fr"))
            // A declaration named with a language it has no version in: an error, not "Printed 0 PDFs".
            let content = TestPaths.fixtureSite.appendingPathComponent("Content").path
            let none = try runCityPress(["pdf", "first-accord", "--language", "fr", "--content", content,
                                         "--templates", TestPaths.templates.path, "--output", root.appendingPathComponent("none").path], in: root)
            #expect(none.status == 1)
            #expect(none.stderr.contains("error: 'first-accord' has no version in the language 'fr'"), "\(none.stderr)")
            #expect(none.stderr.contains("its versions: en-GB"))
            #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("none").path))
        }
    }

    /// PDFs are never written into a folder the build reads.
    @Test func pdfsAreNotWrittenIntoTheContentOrTemplatesFolder() throws {
        try withTemporaryFolder { root in
            let site = try makeFixtureSite(in: root)
            for output in ["Content", "Content/pdf", "Templates/assets"] {
                let result = try runCityPress(["pdf", "--output", output], in: site)
                #expect(result.status == 1, "\(output)")
                #expect(result.stderr.contains("error: refusing to write PDFs into '\(output)': it is inside the"), "\(result.stderr)")
            }
            #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("Content/pdf").path))
        }
    }

    @Test func unknownSlugListsTheKnownOnes() throws {
        try withTemporaryFolder { root in
            let result = try runCityPress(["pdf", "the-hauge", "--content", TestPaths.content.path,
                                           "--templates", TestPaths.templates.path, "--output", root.path], in: root)
            #expect(result.status == 1)
            #expect(result.stderr.contains("error: unknown declaration 'the-hauge'"))
            #expect(result.stderr.contains("known declarations: new-york-city-mayoral-declaration-2023, the-hague-mayoral-declaration-2022"))
        }
    }
}
