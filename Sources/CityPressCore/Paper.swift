/// The paper sizes the print edition is made for.
public enum Paper: String, Sendable, CaseIterable, Hashable {
    case a4
    case letter

    /// The CSS `@page` size keyword.
    package var cssSize: String { self == .a4 ? "A4" : "letter" }

    /// The label of a download link.
    public var label: String { self == .a4 ? "PDF, A4" : "PDF, US Letter" }

    /// Width and height in PostScript points.
    public var points: (width: Int, height: Int) { self == .a4 ? (595, 842) : (612, 792) }

    /// `the-hague-2022-a4.pdf`.
    public func fileName(for slug: String) -> String { "\(slug)-\(rawValue).pdf" }
}
