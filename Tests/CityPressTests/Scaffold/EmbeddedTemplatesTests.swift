import Foundation
import Testing
@testable import CityPressScaffold

/// The templates inside the binary (for `citypress init`) are `Templates/`, byte for byte.
@Suite struct EmbeddedTemplatesTests {
    /// Every file of `Templates/` by relative path, skipping names that start with "." as the script does.
    static func repositoryTemplates() throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in FileManager.default.subpaths(atPath: TestPaths.templates.path) ?? []
        where !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            let url = TestPaths.templates.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }

    @Test func embeddedCopyIsTemplatesFolder() throws {
        let repository = try Self.repositoryTemplates()
        var embedded: [String: Data] = [:]
        for (path, base64) in DefaultTemplates.encodedFiles {
            embedded[path] = Data(base64Encoded: base64, options: .ignoreUnknownCharacters)
        }
        let stale = Set(repository.keys).symmetricDifference(embedded.keys)
            .union(repository.keys.filter { embedded[$0] != nil && embedded[$0] != repository[$0] })
        #expect(stale.isEmpty, """
            Sources/CityPressScaffold/DefaultTemplates.swift differs from Templates/ in \(stale.sorted()): \
            run `make embed-templates`
            """)
        #expect(repository.keys.contains("layout.mustache"))
        #expect(repository.keys.contains("assets/site.css"), "assets are embedded too")
    }

    @Test func embeddedFilesAreSortedAndUnique() {
        let paths = DefaultTemplates.encodedFiles.map(\.path)
        #expect(paths == paths.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }))
        #expect(Set(paths).count == paths.count)
    }
}
