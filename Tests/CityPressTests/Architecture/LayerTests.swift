import Foundation
import Testing

/// The layers of README's Architecture drawing: each target imports only the targets below it, the
/// outside libraries stay in the one target that wraps them, and the render stage reads no files.
@Suite struct LayerTests {
    /// What each target may import of the project's own targets and of the outside libraries.
    static let allowed: [String: Set<String>] = [
        "CityPressCore": [],
        "CityPressMarkdown": ["CityPressCore", "CCmark"],
        "CityPressTemplates": ["CityPressCore"],
        // CYaml is Yams's libyaml, read only by `YAMLAnchors` (its events say where an anchor is, which Yams keeps to itself).
        "CityPressLoad": ["CityPressCore", "CityPressMarkdown", "Yams", "CYaml"],
        "CityPressSite": ["CityPressCore", "CityPressMarkdown", "CityPressLoad"],
        "CityPressRender": ["CityPressCore", "CityPressMarkdown", "CityPressTemplates", "CityPressLoad", "CityPressSite"],
        "CityPressWrite": ["CityPressCore"],
        "CityPressPrint": ["CityPressCore"],
        "CityPressBuild": ["CityPressCore", "CityPressMarkdown", "CityPressTemplates", "CityPressLoad", "CityPressSite",
                           "CityPressRender", "CityPressWrite", "CityPressPrint", "CityPressCheck"],
        "CityPressScaffold": ["CityPressCore", "CityPressLoad"],
        "CityPressCheck": ["CityPressCore"],
        "CityPressServer": ["CityPressCore", "CityPressTemplates", "CityPressLoad", "CityPressSite", "CityPressRender",
                            "CityPressBuild", "Hummingbird", "ServiceLifecycle", "Logging", "NIOCore"],
        "CityPressFuzz": ["CityPressCore", "CityPressBuild"],
        "citypress-fuzz": ["CityPressFuzz"],
        "citypress": ["CityPressCore", "CityPressLoad", "CityPressRender", "CityPressPrint", "CityPressBuild",
                      "CityPressScaffold", "CityPressServer", "CityPressCheck", "ArgumentParser"],
    ]
    /// Imports every target may use: the system's.
    static let system: Set<String> = ["Foundation", "Glibc", "Darwin", "Dispatch"]

    /// `import X` lines of every Swift file below `Sources/<target>/`, by target.
    func imports() throws -> [String: [(file: String, module: String)]] {
        let sources = TestPaths.packageRoot.appendingPathComponent("Sources")
        var found: [String: [(String, String)]] = [:]
        for target in try FileManager.default.contentsOfDirectory(atPath: sources.path) where !target.hasPrefix(".") {
            let folder = sources.appendingPathComponent(target)
            for file in FileManager.default.subpaths(atPath: folder.path) ?? [] where file.hasSuffix(".swift") {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                for line in text.split(separator: "\n") where line.hasPrefix("import ") || line.hasPrefix("@testable import ") {
                    let module = String(line.split(separator: " ").last ?? "")
                    found[target, default: []].append((target + "/" + file, module))
                }
            }
        }
        return found
    }

    @Test func everyTargetImportsOnlyTheLayersBelowIt() throws {
        let imports = try imports()
        #expect(Set(imports.keys).isSubset(of: Set(Self.allowed.keys).union(["CCmark"])), "a target missing from the drawing")
        for (target, lines) in imports {
            guard let allowed = Self.allowed[target] else { continue }
            for (file, module) in lines where !Self.system.contains(module) {
                #expect(allowed.contains(module), "\(file) imports \(module), which \(target) may not")
            }
        }
    }

    /// A C library's pointers stay in the one file that wraps it: libcmark's in `MarkdownParser`, libyaml's in `YAMLAnchors`.
    @Test func eachCLibraryIsImportedByOneFile() throws {
        let lines = try imports().values.flatMap { $0 }
        #expect(lines.filter { $0.module == "CCmark" }.map(\.file) == ["CityPressMarkdown/MarkdownParser.swift"])
        #expect(lines.filter { $0.module == "CYaml" }.map(\.file) == ["CityPressLoad/YAMLAnchors.swift"])
    }

    /// Render makes bytes from values; reading and writing files is the load and write stages' work.
    @Test func renderReadsNoFiles() throws {
        let folder = TestPaths.packageRoot.appendingPathComponent("Sources/CityPressRender")
        for file in FileManager.default.subpaths(atPath: folder.path) ?? [] where file.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for word in ["FileManager", "contentsOfFile", "fopen(", "open(", "Data(contentsOf"] {
                #expect(!text.contains(word), "CityPressRender/\(file) uses \(word)")
            }
        }
    }
}
