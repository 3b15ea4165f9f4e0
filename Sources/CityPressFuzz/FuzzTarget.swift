import Foundation
import CityPressBuild
import CityPressCore

/// One fuzz case: a copy of a site in a work folder with one file replaced by a mutation of it,
/// run through load, resolve, the template parser and checker, render, and the diagnostics' formatter.
///
/// A case that only gets diagnostics is a pass (bad input is supposed to give errors); a case that
/// traps, or takes over the time limit, is what the fuzzer looks for.
public final class FuzzTarget {
    /// A file that cases mutate, by its path inside the work folder (`Content/cities/lodz.yml`).
    public struct SeedFile: Sendable {
        public var path: String
        public var bytes: [UInt8]
    }

    /// What one case was and gave.
    public struct Case: Sendable {
        public var index: UInt64
        public var file: String
        public var bytes: [UInt8]
        public var errors = 0
        public var pages = 0

        public init(index: UInt64, file: String, bytes: [UInt8]) {
            self.index = index
            self.file = file
            self.bytes = bytes
        }
    }

    public let workFolder: URL
    public let seeds: [SeedFile]
    private let mutator: Mutator
    private let seed: UInt64

    /// Copies `content` and the `.mustache` files of `templates` into `workFolder` (replaced).
    public init(content: String, templates: String, workFolder: URL, seed: UInt64) throws {
        let manager = FileManager.default
        try? manager.removeItem(at: workFolder)
        try manager.createDirectory(at: workFolder, withIntermediateDirectories: true)
        try manager.copyItem(at: URL(fileURLWithPath: content), to: workFolder.appendingPathComponent("Content"))
        let templatesCopy = workFolder.appendingPathComponent("Templates")
        try manager.createDirectory(at: templatesCopy, withIntermediateDirectories: true)
        for name in try manager.contentsOfDirectory(atPath: templates) where name.hasSuffix(".mustache") {
            try manager.copyItem(at: URL(fileURLWithPath: templates).appendingPathComponent(name),
                                 to: templatesCopy.appendingPathComponent(name))
        }
        var seeds: [SeedFile] = []
        for folder in ["Content", "Templates"] {
            let root = workFolder.appendingPathComponent(folder)
            for path in (manager.subpaths(atPath: root.path) ?? []).sorted() {
                let url = root.appendingPathComponent(path)
                var isFolder: ObjCBool = false
                guard manager.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
                seeds.append(SeedFile(path: folder + "/" + path, bytes: Array(try Data(contentsOf: url))))
            }
        }
        self.workFolder = workFolder
        self.seeds = seeds
        self.mutator = Mutator(corpus: seeds.map(\.bytes))
        self.seed = seed
    }

    /// The case number `index` of this seed: which file, and its mutated bytes. Nothing is run.
    public func makeCase(_ index: UInt64) -> Case {
        var generator = SeededGenerator(seed: seed, index: index)
        let file = seeds[Int.random(in: 0..<seeds.count, using: &generator)]
        return Case(index: index, file: file.path, bytes: mutator.mutate(file.bytes, using: &generator))
    }

    /// Runs `fuzzCase` (its file written into the work folder, put back afterwards).
    @discardableResult
    public func run(_ fuzzCase: Case) throws -> Case {
        let url = workFolder.appendingPathComponent(fuzzCase.file)
        let original = seeds.first { $0.path == fuzzCase.file }?.bytes ?? []
        try Data(fuzzCase.bytes).write(to: url)
        defer { try? Data(original).write(to: url) }
        var result = fuzzCase
        (result.errors, result.pages) = FuzzPipeline.run(content: workFolder.appendingPathComponent("Content").path,
                                                         templates: workFolder.appendingPathComponent("Templates").path)
        return result
    }
}
