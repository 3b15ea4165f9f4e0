#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A temporary file opened for reading and writing, closed on `exec` (a program the preview starts,
/// such as the browser, does not inherit it), and removed from its folder at once.
struct TemporaryFile {
    /// The open file.
    let descriptor: Int32
    /// Set when the file could not be removed from its folder: where it is and why.
    let leftBehind: String?

    /// Why no temporary file could be made.
    struct Problem: Error, CustomStringConvertible {
        let folder: String
        let errno: Int32
        var description: String { "no temporary file could be made in \(folder) (\(PagePackError.reason(errno)))" }
    }

    /// A new file in `folder`. `mkostemp`, which opens with `O_CLOEXEC` at once, is not in Swift's Glibc
    /// module (it is a GNU extension); this does what it does: a random name, created only if new.
    static func openUnlinked(in folder: String) -> Result<TemporaryFile, Problem> {
        let prefix = (folder.hasSuffix("/") ? folder : folder + "/") + "citypress-preview-"
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        var code = EEXIST
        // A clash with an existing name is tried again, as `mkstemp` does; any other failure is final.
        for _ in 0..<100 where code == EEXIST {
            let path = prefix + String((0..<12).map { _ in letters.randomElement() ?? "x" })
            let descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else {
                code = errno
                continue
            }
            guard unlink(path) == 0 else {
                let reason = PagePackError.reason(errno)
                return .success(TemporaryFile(descriptor: descriptor, leftBehind:
                    "the preview's temporary file \(path) could not be removed from its folder (\(reason)); delete it once the preview has stopped"))
            }
            return .success(TemporaryFile(descriptor: descriptor, leftBehind: nil))
        }
        return .failure(Problem(folder: folder, errno: code))
    }
}
