import CityPressCore
import CityPressWrite

/// What an `--incremental` build may take from the output folder it replaces: the files whose fingerprint
/// the old manifest gives, as far as this machine's record of its last build of the folder (`OutputStamps`)
/// shows each to be still the file that build left, made by this very binary. Anything it cannot show
/// (no record, a damaged one, another binary, a changed manifest) makes every page rendered, with a note.
struct KeptFiles: Sendable {
    /// The old manifest, when its files may be kept.
    let manifest: BuildManifest?
    /// This machine's record of the old files, when its files may be kept.
    let stamps: OutputStamps?
    /// Why nothing can be kept, when the folder had a manifest (one line for the user).
    let note: String?

    /// What the output folder `output` (absolute; the user named it `displayPath`) lets a build keep, given
    /// its manifest `previous` and the running binary `tool`.
    init(output: String, displayPath: String, previous: BuildManifest?, tool: ToolIdentity?) {
        guard let previous else {
            (manifest, stamps, note) = (nil, nil, nil)
            return
        }
        let found: Result<OutputStamps, Refusal>
        let real = OutputStamps.realPath(output)
        if let tool, let file = OutputStamps.location(for: real) {
            switch OutputStamps.recorded(at: file, for: real, tool: tool) {
            case .found(let recorded):
                // The manifest too must be the file that build left: its fingerprints decide what is kept.
                let marker = OutputFolder.markerName
                if let stamp = recorded.files[marker], FileStamp.of(output + "/" + marker) == stamp {
                    found = .success(recorded)
                } else {
                    found = .failure(Refusal("the manifest of '\(displayPath)' changed since this machine last built it"))
                }
            case .missing: found = .failure(Refusal("this machine has no record of building '\(displayPath)' (\(file))"))
            case .unreadable: found = .failure(Refusal("this machine's record of building '\(displayPath)' cannot be read (\(file))"))
            case .otherOutput: found = .failure(Refusal("'\(file)' records another folder than '\(displayPath)'"))
            case .otherTool: found = .failure(Refusal("'\(displayPath)' was last built here by another CityPress binary"))
            }
        } else if tool == nil {
            found = .failure(Refusal("the running CityPress binary cannot be identified"))
        } else {
            found = .failure(Refusal("there is no cache folder to record builds in (neither XDG_CACHE_HOME nor HOME is set)"))
        }
        switch found {
        case .success(let recorded): (manifest, stamps, note) = (previous, recorded, nil)
        case .failure(let refusal): (manifest, stamps, note) = (nil, nil, refusal.reason + ": every page is rendered")
        }
    }

    /// Takes the old file of the output at `file`, of fingerprint `fingerprint`, into `staging` when it may;
    /// returns whether it did.
    func keep(_ file: String, fingerprint: UInt64, into staging: StagingFolder) throws -> Bool {
        guard let old = manifest?.files[file], old.inputs == ContentHash.hex(fingerprint),
              let stamp = stamps?.files[file] else { return false }
        return try staging.keep(file, expected: old, stamp: stamp)
    }

    /// Records the files `paths` (relative) of the output folder `output` (absolute), as the swap left them,
    /// for the next build; returns a note when it cannot.
    static func record(_ paths: some Collection<String>, output: String, displayPath: String, tool: ToolIdentity?) -> String? {
        let real = OutputStamps.realPath(output)
        guard let tool, let file = OutputStamps.location(for: real) else {
            return "this build of '\(displayPath)' cannot be recorded (no cache folder, or no binary to name): the next one renders every page"
        }
        guard let stamps = OutputStamps.take(of: paths, in: real, tool: tool) else {
            return "the files of '\(displayPath)' cannot be read to record them: the next build renders every page"
        }
        do {
            try stamps.write(to: file)
            return nil
        } catch {
            return "cannot record this build of '\(displayPath)' in '\(file)' (\(OutputFolder.describe(error))): the next build renders every page"
        }
    }

    /// Why no file can be kept.
    private struct Refusal: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }
}
