/// A problem found in the input, reported like a compiler does.
///
/// Diagnostics are values: every stage returns the ones it found next to its result,
/// so one run reports every problem of the site at once.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How bad the problem is.
    public enum Severity: String, Sendable, Hashable, Comparable {
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    /// Whether the build can go on.
    public var severity: Severity
    /// One sentence, lowercase first word, no final period (`unknown city 'amstrdam'`).
    public var message: String
    /// Where the problem is; `nil` for problems of the whole build (a missing folder).
    public var location: SourceLocation?
    /// Extra lines printed under the excerpt (`note: …`).
    public var notes: [String]
    /// What the user can do about it through the program they run, said as that program words it.
    public var remedy: Remedy?

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil, notes: [String] = [],
                remedy: Remedy? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.notes = notes
        self.remedy = remedy
    }

    /// An error at `location`.
    public static func error(_ message: String, at location: SourceLocation? = nil, notes: [String] = [],
                             remedy: Remedy? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, notes: notes, remedy: remedy)
    }

    /// A warning at `location`.
    public static func warning(_ message: String, at location: SourceLocation? = nil, notes: [String] = []) -> Diagnostic {
        Diagnostic(.warning, message, at: location, notes: notes)
    }

    /// The one-line form: `path:line:column: error: message`.
    public var description: String {
        let prefix = location.map { "\($0): " } ?? "citypress: "
        return "\(prefix)\(severity.rawValue): \(message)"
    }
}

extension Array where Element == Diagnostic {
    /// Whether any of these diagnostics is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }

    /// The diagnostics in a stable order: by path, line, column, then message.
    public func sortedForDisplay() -> [Diagnostic] {
        sorted { a, b in
            let la = a.location, lb = b.location
            if la?.path != lb?.path { return (la?.path ?? "") < (lb?.path ?? "") }
            if la?.line != lb?.line { return (la?.line ?? 0) < (lb?.line ?? 0) }
            if la?.column != lb?.column { return (la?.column ?? 0) < (lb?.column ?? 0) }
            return a.message < b.message
        }
    }
}
