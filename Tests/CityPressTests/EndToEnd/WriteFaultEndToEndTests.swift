import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Faults the real binary meets while it writes: SIGKILL half way, and an output folder whose parent
/// it may not write. The output stays as it was; the next build cleans up and succeeds.
@Suite(.serialized) struct WriteFaultEndToEndTests {
    /// The fixture site with `cities` more cities, all signatories of one more declaration: enough
    /// pages that the build is still writing when it is killed.
    func bigSite(in root: URL, cities: Int) throws -> URL {
        let site = try makeFixtureSite(in: root)
        let content = site.appendingPathComponent("Content")
        var signatories = ""
        for number in 0..<cities {
            let slug = String(format: "town-%05d", number)
            try writeText("name: Town \(number)\ncountry: Poland\n", to: content.appendingPathComponent("cities/\(slug).yml"))
            signatories += "  - \(slug)\n"
        }
        try writeText("""
            ---
            title: Big Accord
            event: Big Summit
            venue: Hall
            location: Kraków, Poland
            start_date: 2024-01-01
            signatories_as_of: 2024-01-02
            signatories:
            \(signatories)---

            1. To be many.

            """, to: content.appendingPathComponent("declarations/big-accord.md"))
        return site
    }

    /// Runs `citypress` with `arguments` in `root`, sends it SIGINT once its staging folder exists (30 s
    /// at most), and returns its exit status (-1: ended by a signal), what it wrote to standard error,
    /// and whether it was still running when the signal was sent. `ignoringInterrupts`: started with
    /// SIGINT ignored, as a script's background job is (the shell execs into it, keeping its process).
    func interruptedBuild(_ arguments: [String], in root: URL,
                          ignoringInterrupts: Bool = false) throws -> (status: Int32, stderr: String, wasRunning: Bool) {
        let process = Process()
        if ignoringInterrupts {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "trap '' INT; exec \"$0\" \"$@\"", TestPaths.binary.path] + arguments
        } else {
            process.executableURL = TestPaths.binary
            process.arguments = arguments
        }
        process.currentDirectoryURL = root
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("citypress-tests-cache").path
        process.environment = ProcessInfo.processInfo.environment.merging(["XDG_CACHE_HOME": cache]) { _, given in given }
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let staging = root.appendingPathComponent(".Public.citypress-staging-\(process.processIdentifier)").path
        let deadline = Date().addingTimeInterval(30)
        while process.isRunning, Date() < deadline, !FileManager.default.fileExists(atPath: staging) { usleep(1_000) }
        usleep(20_000)
        let wasRunning = process.isRunning
        kill(process.processIdentifier, SIGINT)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationReason == .exit ? process.terminationStatus : -1, stderr, wasRunning)
    }

    /// With `--incremental`, so that a rebuild after a small edit keeps most pages (the output folder last).
    func buildArguments(_ site: URL) -> [String] {
        ["build", "--quiet", "--incremental", "--content", site.appendingPathComponent("Content").path,
         "--templates", site.appendingPathComponent("Templates").path, "--output", "Public"]
    }

    @Test func aBuildKilledHalfWayLeavesTheOutputAndTheNextBuildCleansUp() throws {
        // Every page changes, so the killed build has to write each anew.
        try killHalfWay(after: { site in
            let config = site.appendingPathComponent("Content/site.yml")
            try writeText(try readText(config).replacingOccurrences(of: "title: ", with: "title: Renamed "), to: config)
        }, then: { public_, _ in
            let home = try readText(public_.appendingPathComponent("index.html"))
            #expect(home.contains("Renamed"))
        })
    }

    @Test func aRebuildKilledWhileKeepingPagesLeavesTheOutputAndTheNextIsCorrect() throws {
        // One city renamed: the killed build is linking the thousands of pages it keeps.
        try killHalfWay(after: { site in
            try writeText("name: Town Renamed\ncountry: Poland\n", to: site.appendingPathComponent("Content/cities/town-01500.yml"))
        }, then: { public_, site in
            #expect(try runCityPress(buildArguments(site).dropLast() + ["Fresh"], in: site.deletingLastPathComponent()).status == 0)
            let fresh = site.deletingLastPathComponent().appendingPathComponent("Fresh")
            let rebuilt = try snapshot(of: public_), expected = try snapshot(of: fresh)
            #expect(rebuilt == expected)
            try FileManager.default.removeItem(at: fresh)
        })
    }

    /// The same as `aBuildKilledHalfWayLeavesTheOutputAndTheNextBuildCleansUp`, when the killed build stages
    /// in the spare the build before it left, whose files are the output's own (hard links): the output's
    /// files keep their bytes, inodes and times.
    @Test func aBuildKilledHalfWayInTheSpareLeavesTheOutput() throws {
        try killHalfWay(after: { site in
            let config = site.appendingPathComponent("Content/site.yml")
            try writeText(try readText(config).replacingOccurrences(of: "title: ", with: "title: Renamed "), to: config)
        }, earlierBuilds: 2, progress: Self.cityPagesWritten, then: { public_, site in
            #expect(try readText(public_.appendingPathComponent("index.html")).contains("Renamed"))
            #expect(try runCityPress(buildArguments(site).dropLast() + ["Fresh"], in: site.deletingLastPathComponent()).status == 0)
            let fresh = site.deletingLastPathComponent().appendingPathComponent("Fresh")
            #expect(try snapshot(of: public_) == snapshot(of: fresh))
            try FileManager.default.removeItem(at: fresh)
        })
    }

    /// Ctrl-C while an `--incremental` build runs: the process ends with 130, the output is as it was, and its
    /// staging folder (the spare it took) is left as the spare, not as a leftover the next build would delete,
    /// which would change the times of the output's files it shares and make that build render every page.
    @Test func anInterruptedBuildLeavesItsStagingFolderAsTheSpare() throws {
        try withTemporaryFolder { root in
            let site = try bigSite(in: root, cities: 3000)
            for _ in 0..<2 {
                let earlier = try runCityPress(buildArguments(site), in: root)
                #expect(earlier.status == 0, "\(earlier.stderr)")
            }
            let public_ = root.appendingPathComponent("Public")
            let before = try snapshot(of: public_), stampsBefore = stamps(of: public_)
            try writeText("name: Town Renamed\ncountry: Poland\n", to: site.appendingPathComponent("Content/cities/town-01500.yml"))
            // Interrupted once it has taken the spare.
            let interrupted = try interruptedBuild(buildArguments(site), in: root)
            #expect(interrupted.wasRunning, "the build ended before it could be interrupted")
            #expect(interrupted.status == 130)
            #expect(interrupted.stderr == "citypress: build interrupted; 'Public' was not replaced by it\n")
            #expect(try snapshot(of: public_) == before, "the interrupted build changed the output")
            #expect(stamps(of: public_) == stampsBefore)
            // The lock's file stays (the kernel let the lock go): the next build takes it, and deletes it.
            #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
                    == [".Public.citypress-lock", ".Public.citypress-spare", "Public", "site"])

            let next = try runCityPress(Array(buildArguments(site).filter { $0 != "--quiet" }), in: root)
            #expect(next.status == 0, "\(next.stderr)")
            let kept = next.stdout.firstMatch(of: /(\d+) kept/).flatMap { Int($0.1) } ?? 0
            #expect(kept > 2000, "\(next.stdout)")
        }
    }

    /// A build without `--incremental` stopped by Ctrl-C deletes its half-written staging folder (it was
    /// left beside the output until the next build) and says it was interrupted.
    @Test func anInterruptedPlainBuildLeavesNothingBesideTheOutput() throws {
        try withTemporaryFolder { root in
            let site = try bigSite(in: root, cities: 3000)
            let arguments = buildArguments(site).filter { $0 != "--incremental" }
            #expect(try runCityPress(arguments, in: root).status == 0)
            let public_ = root.appendingPathComponent("Public")
            let before = try snapshot(of: public_), stampsBefore = stamps(of: public_)
            let interrupted = try interruptedBuild(arguments, in: root)
            #expect(interrupted.wasRunning, "the build ended before it could be interrupted")
            #expect(interrupted.status == 130)
            #expect(interrupted.stderr == "citypress: build interrupted; 'Public' was not replaced by it\n")
            #expect(try snapshot(of: public_) == before, "the interrupted build changed the output")
            #expect(stamps(of: public_) == stampsBefore)
            #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == [".Public.citypress-lock", "Public", "site"])
            // The next build is not kept out by the lock's file, and leaves nothing beside the output.
            #expect(try runCityPress(arguments, in: root).status == 0)
            #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["Public", "site"])
        }
    }

    /// A build started with SIGINT ignored (`citypress build &` in a script: the terminal's Ctrl-C is
    /// for the job in front) goes on ignoring it and replaces the output.
    @Test func aBuildStartedIgnoringInterruptsIsNotInterrupted() throws {
        try withTemporaryFolder { root in
            let site = try bigSite(in: root, cities: 3000)
            let arguments = buildArguments(site).filter { $0 != "--incremental" }
            #expect(try runCityPress(arguments, in: root).status == 0)
            try writeText("name: Town Renamed\ncountry: Poland\n", to: site.appendingPathComponent("Content/cities/town-01500.yml"))
            let build = try interruptedBuild(arguments, in: root, ignoringInterrupts: true)
            #expect(build.wasRunning, "the build ended before the signal was sent")
            #expect(build.status == 0, "\(build.stderr)")
            #expect(!build.stderr.contains("interrupted"), "\(build.stderr)")
            let page = try String(contentsOf: root.appendingPathComponent("Public/cities/town-01500/index.html"), encoding: .utf8)
            #expect(page.contains("Town Renamed"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["Public", "site"])
        }
    }

    /// Builds a big site (`earlierBuilds` times), applies `edit`, kills the next build half way (once its
    /// staging folder has some hundreds of city pages of its own), checks that the output is as it was,
    /// builds again and calls `then` with the output and the site. `progress` counts the city pages the
    /// killed build has written.
    func killHalfWay(after edit: (URL) throws -> Void, earlierBuilds: Int = 1, progress: (URL) -> Int = Self.cityFolders,
                     then: (URL, URL) throws -> Void) throws {
        try withTemporaryFolder { root in
            let site = try bigSite(in: root, cities: 3000)
            for _ in 0..<earlierBuilds {
                let earlier = try runCityPress(buildArguments(site), in: root)
                #expect(earlier.status == 0, "\(earlier.stderr)")
            }
            let public_ = root.appendingPathComponent("Public")
            let before = try snapshot(of: public_), stampsBefore = stamps(of: public_)
            try edit(site)

            let process = Process()
            process.executableURL = TestPaths.binary
            process.arguments = buildArguments(site)
            process.currentDirectoryURL = root
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let staging = root.appendingPathComponent(".Public.citypress-staging-\(process.processIdentifier)")
            // Killed once the staging folder has some hundreds of city pages of its own (30 s at most).
            let deadline = Date().addingTimeInterval(30)
            while process.isRunning, Date() < deadline, progress(staging) < 300 {
                usleep(2_000)
            }
            let wasRunning = process.isRunning
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(wasRunning, "the build ended before it could be killed half way")
            #expect(process.terminationReason == .uncaughtSignal)
            let written = progress(staging)
            #expect(written >= 300 && written < 3000, "killed after \(written) city pages, not half way")
            #expect(try snapshot(of: public_) == before, "the killed build changed the output")
            #expect(stamps(of: public_) == stampsBefore, "the killed build wrote files of the output again")

            let next = try runCityPress(buildArguments(site), in: root)
            #expect(next.status == 0, "\(next.stderr)")
            // The next build, with `--incremental`, leaves the output it replaced as its spare.
            #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == [".Public.citypress-spare", "Public", "site"],
                    "the killed build's staging folder is still there")
            try then(public_, site)
        }
    }

    /// How many city folders the staging folder `staging` has (each is made for its page).
    static func cityFolders(_ staging: URL) -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: staging.appendingPathComponent("cities").path))?.count ?? 0
    }

    /// How many city pages in the staging folder `staging` are its own: in a spare, the others are still
    /// the output's files, linked (two links).
    static func cityPagesWritten(_ staging: URL) -> Int {
        let cities = staging.appendingPathComponent("cities").path
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: cities)) ?? []
        return folders.count { folder in
            var info = stat()
            return lstat(cities + "/" + folder + "/index.html", &info) == 0 && info.st_nlink == 1
        }
    }

    /// A real permission failure: the output's folder cannot be written, so no staging folder can be
    /// made beside it. Root may write anywhere, so under root the build runs as `nobody` (setpriv).
    @Test func anOutputFolderThatCannotBeReplacedIsLeftAsItWas() throws {
        try withTemporaryFolder { root in
            let site = try makeFixtureSite(in: root)
            let parent = root.appendingPathComponent("www")
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            let arguments = ["build", "--content", site.appendingPathComponent("Content").path,
                             "--templates", site.appendingPathComponent("Templates").path, "--output", "www/Public"]
            let first = try runCityPress(arguments, in: root)
            #expect(first.status == 0, "\(first.stderr)")
            let before = try snapshot(of: parent)
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: parent.path)
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: parent.path) }
            let result = try runUnprivileged(arguments, in: root)
            #expect(result.status == 1)
            #expect(result.stderr.contains("cannot create a staging folder next to 'www/Public'"), "\(result.stderr)")
            #expect(result.stderr.contains("Permission denied"), "\(result.stderr)")
            #expect(try snapshot(of: parent) == before)
        }
    }

    /// Runs `citypress` as `nobody` when this process is root (setpriv, util-linux), else as itself.
    func runUnprivileged(_ arguments: [String], in directory: URL) throws -> ProcessResult {
        guard geteuid() == 0 else { return try runCityPress(arguments, in: directory) }
        return try runProgram(URL(fileURLWithPath: "/usr/bin/setpriv"),
                              ["--reuid=65534", "--regid=65534", "--clear-groups", TestPaths.binary.path] + arguments,
                              in: directory)
    }
}
