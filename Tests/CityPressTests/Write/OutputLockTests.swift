import Foundation
import Testing
@testable import CityPressCore
@testable import CityPressWrite

/// One build at a time writes an output folder: a second is refused while the first holds the lock
/// beside the folder, and nothing is left there once the first is done.
@Suite struct OutputLockTests {
    @Test func aSecondBuildOfTheFolderIsRefusedWhileTheFirstRuns() throws {
        try withTemporaryFolder { root in
            let output = OutputFolder(path: root.appendingPathComponent("Public").path)
            let first = try #require(try OutputLock.take(output).get())
            guard case .failure(let refused) = OutputLock.take(output) else {
                Issue.record("a second lock of the same folder was given"); return
            }
            #expect(refused.diagnostic.message.hasPrefix("another citypress build is writing"))
            // Another folder beside it is another lock.
            let other = try OutputLock.take(OutputFolder(path: root.appendingPathComponent("Other").path)).get()
            #expect(other != nil)
            other?.release()
            first.release()
            #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).isEmpty)
            let again = try OutputLock.take(output).get()
            #expect(again != nil)
            again?.release()
        }
    }

    /// The real binary, while another build (this test) holds the lock: refused, the output untouched;
    /// once it is let go, the build runs and leaves no lock behind.
    @Test func theCommandLineSaysAnotherBuildIsRunning() throws {
        try withTemporaryFolder { root in
            let site = try makeFixtureSite(in: root)
            let arguments = ["build", "--quiet", "--content", "Content", "--templates", "Templates", "--output", "Public"]
            let held = try #require(try OutputLock.take(OutputFolder(path: site.appendingPathComponent("Public").path)).get())
            let refused = try runCityPress(arguments, in: site)
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("error: another citypress build is writing 'Public' now"), "\(refused.stderr)")
            #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("Public").path))
            held.release()
            let built = try runCityPress(arguments, in: site)
            #expect(built.status == 0, "\(built.stderr)")
            #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent(".Public.citypress-lock").path))
        }
    }
}
