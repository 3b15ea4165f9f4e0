/// A position in a source file, as a person reads it: 1-based line and column.
///
/// `lineText` is a copy of the source line, kept so a diagnostic can show the line and a caret
/// under the column without reading the file again; of a very long line, only the part around the
/// column (`SourceText.location(line:column:)`).
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The path as it is shown to the user (relative to where the build was started, when possible).
    public var path: String
    /// 1-based line, counted in the whole file (front matter included).
    public var line: Int
    /// 1-based column, counted in Unicode scalars.
    public var column: Int
    /// The text of the line, without its line break, when known.
    public var lineText: String?
    /// How many scalars of the line come before `lineText`'s first scalar, less one for the `…`
    /// that then starts it: the caret stands at `column - lineTextOffset`. 0 for a whole line.
    public var lineTextOffset: Int

    /// Creates a location.
    public init(path: String, line: Int = 0, column: Int = 0, lineText: String? = nil, lineTextOffset: Int = 0) {
        self.path = path
        self.line = line
        self.column = column
        self.lineText = lineText
        self.lineTextOffset = lineTextOffset
    }

    /// `path:line:column`, or just `path` when the position is unknown.
    public var description: String {
        guard line > 0 else { return path }
        return column > 0 ? "\(path):\(line):\(column)" : "\(path):\(line)"
    }
}
