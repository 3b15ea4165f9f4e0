import Foundation
import Testing
@testable import CityPressBuild
@testable import CityPressRender
@testable import CityPressLoad

/// The open data (`data/*.csv`, `data/*.json`, the schema, each declaration's signatories) read back
/// with real parsers and checked against the site: Python's `csv` module and a strict RFC 4180
/// reader, `JSONSerialization`, and the JSON Schema through Python's `jsonschema` when it is installed.
@Suite struct OpenDataTests {
    /// Runs `python3` (the first on `PATH`) with `arguments`; `nil` when there is none.
    static func python(_ arguments: [String]) throws -> (status: Int32, output: Data, errors: String)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe(), errors = Pipe()
        process.standardOutput = pipe
        process.standardError = errors
        guard (try? process.run()) != nil else { return nil }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 127 { return nil }
        return (process.terminationStatus, output, message)
    }

    /// The rendered site of `content`, its data files' bytes by path.
    static func dataFiles(of content: URL) throws -> (pages: [String: String], files: [String: [UInt8]]) {
        let (pages, diagnostics) = try renderInMemory(content: content)
        #expect(!diagnostics.contains { $0.severity == .error })
        let files = pages.filter { $0.key.hasSuffix(".csv") || $0.key.hasSuffix(".json") }.mapValues { Array($0.utf8) }
        return (pages, files)
    }

    /// `text` parsed as a JSON object.
    static func object(_ bytes: [UInt8]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    /// A JSON value as the CSV writes it: `null` empty, lists joined by spaces.
    static func csvText(_ value: Any) -> String {
        switch value {
        case is NSNull: return ""
        case let list as [Any]: return list.map(csvText).joined(separator: " ")
        case let number as NSNumber: return number.stringValue
        default: return "\(value)"
        }
    }

    @Test func everyCSVAndJSONFileReadsBackWithTheSameRows() throws {
        for content in [TestPaths.fixtureSite.appendingPathComponent("Content"), TestPaths.content] {
            let (_, files) = try Self.dataFiles(of: content)
            let csvPaths = files.keys.filter { $0.hasSuffix(".csv") }.sorted()
            // The seed site has no translations: no tables of them.
            #expect(csvPaths.filter { $0.hasPrefix("data/") }.count == OpenDataset.allCases.count - (content == TestPaths.content ? 2 : 0))
            for path in csvPaths {
                let bytes = try #require(files[path])
                let records = try StrictCSVReader.records(bytes)
                let dataset = path.hasPrefix("data/") ? try #require(OpenDataset(rawValue: String(path.dropFirst(5).dropLast(4))))
                    : .signatories
                #expect(records.first == dataset.columns.map(\.name), "\(path)")
                #expect(records.dropFirst().allSatisfy { $0.count == dataset.columns.count }, "\(path)")
                // The JSON file of the same name has the same rows, column for column.
                let json = try Self.object(try #require(files[String(path.dropLast(4)) + ".json"]))
                #expect(json["version"] as? Int == OpenDataset.version)
                #expect(json["dataset"] as? String == dataset.name)
                let rows = try #require(json["rows"] as? [[String: Any]])
                #expect(rows.count == records.count - 1, "\(path)")
                for (row, record) in zip(rows, records.dropFirst()) {
                    #expect(Set(row.keys) == Set(dataset.columns.map(\.name)))
                    #expect(dataset.columns.map { Self.csvText(row[$0.name] ?? NSNull()) } == record, "\(path)")
                }
            }
        }
    }

    @Test func countsMatchTheSite() throws {
        let (_, files) = try Self.dataFiles(of: TestPaths.content)
        func rows(_ path: String) throws -> [[String]] { Array(try StrictCSVReader.records(try #require(files[path])).dropFirst()) }
        let hague = "the-hague-mayoral-declaration-2022"
        #expect(try rows("declarations/\(hague)/signatories.csv").count == 40)
        #expect(try rows("data/signatories.csv").filter { $0[0] == hague }.count == 40)
        #expect(try rows("data/cities.csv").count == 40)
        #expect(try rows("data/countries.csv").count == 14)
        #expect(try rows("data/declarations.csv").count == 2)
        #expect(try rows("data/commitments.csv").count == 14)
        #expect(try rows("data/actions.csv").isEmpty)
    }

    @Test func namesWithCommasQuotesAndOtherScriptsSurviveARealCSVParser() throws {
        let (_, files) = try Self.dataFiles(of: TestPaths.fixtureSite.appendingPathComponent("Content"))
        try withTemporaryFolder { root in
            var expected: [String: [[String]]] = [:]
            for (path, bytes) in files where path.hasSuffix(".csv") {
                let file = root.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: file)
                expected[path] = try StrictCSVReader.records(bytes)
            }
            let script = """
            import csv, json, sys, pathlib
            root = pathlib.Path(sys.argv[1])
            out = {}
            for path in sorted(root.rglob("*.csv")):
                with open(path, newline="", encoding="utf-8") as f:
                    out[str(path.relative_to(root))] = [row for row in csv.reader(f, strict=True)]
            json.dump(out, sys.stdout)
            """
            let result = try #require(try Self.python(["-c", script, root.path]),
                                      "python3 is needed to read the CSV files with its csv module")
            #expect(result.status == 0, "\(result.errors)")
            let parsed = try #require(try JSONSerialization.jsonObject(with: result.output) as? [String: [[String]]])
            #expect(parsed == expected)
            let signatories = try #require(parsed["data/signatories.csv"])
            #expect(signatories.contains { $0[3] == #"Setagaya "世田谷区", Tokyo"# && $0[4] == "Japan" })
            #expect(signatories.contains { $0[3] == "Łódź" })
            #expect(signatories.contains { $0[3] == "Greater Leeds & District" && $0[8] == "2022-05-28" })
        }
        let json = try Self.object(try #require(files["data/signatories.json"]))
        let names = (json["rows"] as? [[String: Any]] ?? []).compactMap { $0["city_name"] as? String }
        #expect(names.contains(#"Setagaya "世田谷区", Tokyo"#))
    }

    @Test func everyJSONFileValidatesAgainstThePublishedSchema() throws {
        guard try Self.python(["-c", "import jsonschema"])?.status == 0 else {
            print("OpenDataTests: Python's jsonschema is not installed; the schema validation was skipped")
            return
        }
        let (_, files) = try Self.dataFiles(of: TestPaths.fixtureSite.appendingPathComponent("Content"))
        try withTemporaryFolder { root in
            for (path, bytes) in files where path.hasSuffix(".json") {
                let file = root.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: file)
            }
            let script = """
            import json, sys, pathlib, jsonschema
            root = pathlib.Path(sys.argv[1])
            schema = json.loads((root / "data" / "schema-v1.json").read_text(encoding="utf-8"))
            jsonschema.Draft202012Validator.check_schema(schema)
            validator = jsonschema.Draft202012Validator(schema)
            count = 0
            for path in sorted(root.rglob("*.json")):
                if path.name.startswith("schema-"):
                    continue
                validator.validate(json.loads(path.read_text(encoding="utf-8")))
                count += 1
            # A row with a wrong type or without a column is refused; a column or a table added within
            # version 1 is not (docs/open-data.md: readers ignore what they do not know).
            cities = json.loads((root / "data" / "cities.json").read_text(encoding="utf-8"))
            bad = json.loads(json.dumps(cities)); bad["rows"][0]["slug"] = 1
            assert not validator.is_valid(bad)
            bad = json.loads(json.dumps(cities)); del bad["rows"][0]["slug"]
            assert not validator.is_valid(bad)
            added = json.loads(json.dumps(cities)); added["rows"][0]["population"] = 1
            assert validator.is_valid(added)
            assert validator.is_valid({"schema": "schema-v1.json", "version": 1, "dataset": "budgets", "rows": [{"year": 2025}]})
            print(count)
            """
            let result = try #require(try Self.python(["-c", script, root.path]))
            #expect(result.status == 0, "\(result.errors)")
            let output = String(decoding: result.output, as: UTF8.self)
            #expect(output.trimmingCharacters(in: .whitespacesAndNewlines) == "\(files.keys.filter { $0.hasSuffix(".json") }.count - 1)")
        }
    }

    @Test func theDataPageListsEveryFileWithItsSizeAndRows() throws {
        let (pages, files) = try Self.dataFiles(of: TestPaths.fixtureSite.appendingPathComponent("Content"))
        let page = try #require(pages["data/index.html"])
        for (path, bytes) in files {
            #expect(page.contains("href=\"../\(path)\""), "\(path)")
            #expect(page.contains(SiteRenderer.sizeText(bytes.count, in: InterfaceTables.english)), "\(path)")
        }
        for dataset in OpenDataset.allCases {
            for column in dataset.columns { #expect(page.contains("<code>\(column.name)</code>")) }
        }
        // Where people look for them: a declaration, the cities and the countries index.
        #expect(pages["declarations/first-accord/index.html"]?.contains(#"href="../../declarations/first-accord/signatories.csv""#) == true)
        #expect(pages["cities/index.html"]?.contains(#"href="../data/cities.json""#) == true)
        #expect(pages["countries/index.html"]?.contains(#"href="../data/countries.csv""#) == true)
    }

    @Test func aFileAskedForAgainOrMeasuredFirstIsTheSame() throws {
        let options = BuildOptions(contentPath: TestPaths.fixtureSite.appendingPathComponent("Content").path,
                                   templatesPath: TestPaths.templates.path)
        let site = try #require(SiteBuild.prepare(options).0)
        let route = OpenDataOutput.route(.cities, .csv)
        // The Data page alone (the preview) measures a file before it is made.
        let measured = OpenDataFiles(site: site)
        let size = measured.size(at: route)
        #expect(size.bytes == measured.bytes(at: route).count && size.rows == site.cities.count)
        // Its source is let go once made; asked again, it is made again, the same.
        let files = OpenDataFiles(site: site)
        let first = files.bytes(at: route)
        #expect(!first.isEmpty && files.bytes(at: route) == first && files.bytes(at: OpenDataOutput.route(.cities, .json)) != [])
    }

    @Test func eachDeclarationsSignatoriesMadeFromTheSiteWideFileAreTheSameAsEncodedAlone() throws {
        let options = BuildOptions(contentPath: TestPaths.fixtureSite.appendingPathComponent("Content").path,
                                   templatesPath: TestPaths.templates.path)
        let site = try #require(SiteBuild.prepare(options).0)
        let reusing = OpenDataFiles(site: site), alone = OpenDataFiles(site: site, keepsSignatoryRows: false)
        for format in OpenDataFormat.allCases {
            #expect(reusing.bytes(at: OpenDataOutput.route(.signatories, format)) == alone.bytes(at: OpenDataOutput.route(.signatories, format)))
        }
        #expect(site.declarations.filter { !$0.signatories.isEmpty }.count >= 2)
        for declaration in site.declarations {
            for format in OpenDataFormat.allCases {
                let route = DeclarationDataOutput.route(declaration.slug, format)
                let made = reusing.bytes(at: route)
                #expect(!made.isEmpty && made == alone.bytes(at: route), "\(route.path)")
            }
        }
    }

    @Test func theBytesAreTheSameInEveryBuild() throws {
        let content = TestPaths.fixtureSite.appendingPathComponent("Content")
        #expect(try Self.dataFiles(of: content).files == Self.dataFiles(of: content).files)
    }

    /// The translations' tables: a row per translation and per translated commitment, in its language;
    /// a site without translations publishes neither (its files are as before).
    @Test func translationsHaveTheirTablesOnlyWhereThereAreSome() throws {
        let (pages, files) = try Self.dataFiles(of: TestPaths.fixtureSite.appendingPathComponent("Content"))
        let translations = try Self.object(try #require(files["data/translations.json"]))
        let rows = try #require(translations["rows"] as? [[String: Any]])
        #expect(rows.map { "\($0["declaration_slug"] ?? "") \($0["language"] ?? "") \($0["title"] ?? "")" }
                == ["second-accord ar الاتفاق الثاني", "second-accord fr Deuxième Accord"])
        #expect((rows.last?["url"] as? String)?.hasSuffix("/fr/declarations/second-accord/") == true)
        let commitments = try Self.object(try #require(files["data/translated_commitments.json"]))
        let commitmentRows = try #require(commitments["rows"] as? [[String: Any]])
        #expect(commitmentRows.count == 4)
        #expect(commitmentRows.contains { $0["language"] as? String == "fr" && $0["number"] as? Int == 1
            && $0["text_plain"] as? String == "Planter des arbres." })
        #expect(pages["data/index.html"]?.contains("translated_commitments.csv") == true)
        let schema = String(decoding: try #require(files["data/schema-v1.json"]), as: UTF8.self)
        #expect(schema.contains("\"translated_commitments\""))

        let (seedPages, seedFiles) = try Self.dataFiles(of: TestPaths.content)
        #expect(seedFiles.keys.filter { $0.contains("translat") }.isEmpty)
        #expect(seedPages["data/index.html"]?.contains("translations") == false)
        #expect(!String(decoding: try #require(seedFiles["data/schema-v1.json"]), as: UTF8.self).contains("translat"))
    }

    @Test func docsDescribeEveryColumn() throws {
        let text = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("docs/open-data.md"), encoding: .utf8)
        for dataset in OpenDataset.allCases {
            let section = try #require(text.range(of: "### `\(dataset.name)`"), "docs/open-data.md has no section for \(dataset.name)")
            let rest = text[section.upperBound...]
            let body = rest[..<(rest.range(of: "\n### ")?.lowerBound ?? rest.endIndex)]
            let documented = body.split(separator: "\n").filter { $0.hasPrefix("| `") }
                .map { String($0.dropFirst(3).prefix { $0 != "`" }) }
            #expect(documented == dataset.columns.map(\.name), "docs/open-data.md, ### `\(dataset.name)`")
        }
    }
}
