/// A parsed Markdown body, copied out of libcmark into plain Swift values.
///
/// The body is kept as a sequence of top-level blocks, already rendered to HTML,
/// except top-level ordered lists, whose items are kept apart so that each one can
/// become a numbered commitment with its own anchor and page.
public struct MarkdownDocument: Sendable, Hashable {
    /// One top-level block of the body.
    public enum Block: Sendable, Hashable {
        /// Any block but an ordered list, as HTML.
        case html(String)
        /// A top-level ordered list.
        case orderedList(OrderedList)
    }

    /// A top-level ordered list and its items.
    public struct OrderedList: Sendable, Hashable {
        /// The number of the first item, as written in the source.
        public var start: Int
        /// 1-based line of the list's first line, counted in the Markdown text given to the parser.
        public var line: Int
        /// The items, in order.
        public var items: [ListItem]
    }

    /// One item of an ordered list.
    public struct ListItem: Sendable, Hashable {
        /// The item's content as HTML (its paragraphs, without the `<li>`).
        public var html: String
        /// The item's text without markup, whitespace collapsed.
        public var plainText: String
        /// The item's content as CommonMark (its blocks as libcmark writes them back, without the
        /// list marker and indentation), for open data.
        public var markdown: String = ""
        /// 1-based line of the item, counted in the Markdown text given to the parser.
        public var line: Int
    }

    /// A link or image destination as the author wrote it, with where it is.
    public struct Link: Sendable, Hashable {
        /// The destination (`/cities/amsterdam/`, `https://…`, `#commitment-2`).
        public var destination: String
        /// 1-based line, counted in the Markdown text given to the parser.
        public var line: Int
        /// 1-based column of the destination in that line, counted in Unicode scalars (1 when unknown).
        public var column: Int
        /// The text of that line.
        public var lineText: String
    }

    /// Something the author wrote that the site cannot show as written (GFM syntax, omitted raw HTML).
    public struct Notice: Sendable, Hashable {
        /// What was found and what the reader sees instead.
        public var message: String
        /// How to write it so it shows.
        public var note: String
        /// 1-based line, counted in the Markdown text given to the parser.
        public var line: Int
        /// 1-based column in that line.
        public var column: Int
        /// The text of that line.
        public var lineText: String
    }

    /// The top-level blocks in source order.
    public var blocks: [Block]
    /// Every link and image destination of the body, in source order.
    public var links: [Link] = []
    /// What the site cannot show as written, in source order.
    public var notices: [Notice] = []
    /// The whole body's text without markup, whitespace collapsed (for open data).
    public var plainText: String = ""

    /// The top-level ordered lists in source order.
    public var orderedLists: [OrderedList] {
        blocks.compactMap { block in
            if case .orderedList(let list) = block { return list }
            return nil
        }
    }
}
