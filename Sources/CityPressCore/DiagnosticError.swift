/// A diagnostic carried as a Swift error (through `Result` or `throws`).
public struct DiagnosticError: Error, Sendable {
    /// The problem.
    public var diagnostic: Diagnostic

    /// Wraps `diagnostic`.
    public init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }
}
