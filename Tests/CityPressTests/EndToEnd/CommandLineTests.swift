import Foundation
import Testing
@testable import CityPress

@Suite struct CommandLineTests {
    @Test func helpAndVersion() throws {
        let help = try runCityPress(["--help"], in: TestPaths.packageRoot)
        #expect(help.status == 0)
        for command in ["build", "serve", "pdf"] { #expect(help.stdout.contains(command)) }
        let version = try runCityPress(["--version"], in: TestPaths.packageRoot)
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == CityPressVersion.string)
    }

    @Test func quietBuildPrintsNothingButProblems() throws {
        try withTemporaryFolder { root in
            let result = try runCityPress(["build", "--quiet", "--content", TestPaths.fixtureSite.appendingPathComponent("Content").path,
                                           "--templates", TestPaths.templates.path, "--output", root.appendingPathComponent("out").path],
                                          in: root)
            #expect(result.status == 0)
            #expect(result.stdout.isEmpty)
            #expect(!result.stderr.contains("rendering pages"), "no progress line when not on a terminal")
        }
    }
}
