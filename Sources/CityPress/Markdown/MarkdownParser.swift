import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses CommonMark with libcmark. This is the only file that touches cmark's C pointers:
/// each call parses, copies what it needs into Swift values, and frees the tree before returning.
public struct MarkdownParser: Sendable {
    /// Whether raw HTML and dangerous URLs in the Markdown are kept (otherwise they are omitted).
    public var allowsUnsafeHTML: Bool

    /// Creates a parser.
    public init(allowsUnsafeHTML: Bool = false) {
        self.allowsUnsafeHTML = allowsUnsafeHTML
    }

    private var options: Int32 {
        allowsUnsafeHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
    }

    /// Parses `markdown` into top-level blocks.
    ///
    /// Ordered lists are rendered loose, so every commitment is made of whole paragraphs
    /// whether the source separates its items by blank lines or not.
    public func parse(_ markdown: String) -> MarkdownDocument {
        let utf8 = Array(markdown.utf8)
        guard let root = utf8.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                    cmark_parse_document(chars, buffer.count, options)
                }
            } ?? cmark_parse_document("", 0, options)
        }) else {
            return MarkdownDocument(blocks: [])
        }
        defer { cmark_node_free(root) }

        var blocks: [MarkdownDocument.Block] = []
        var node = cmark_node_first_child(root)
        while let current = node {
            if cmark_node_get_type(current) == CMARK_NODE_LIST,
               cmark_node_get_list_type(current) == CMARK_ORDERED_LIST {
                blocks.append(.orderedList(orderedList(current)))
            } else {
                blocks.append(.html(html(of: current)))
            }
            node = cmark_node_next(current)
        }
        return MarkdownDocument(blocks: blocks)
    }

    private func orderedList(_ list: OpaquePointer) -> MarkdownDocument.OrderedList {
        cmark_node_set_list_tight(list, 0)
        var items: [MarkdownDocument.ListItem] = []
        var item = cmark_node_first_child(list)
        while let current = item {
            var html = ""
            var child = cmark_node_first_child(current)
            while let block = child {
                html += self.html(of: block)
                child = cmark_node_next(block)
            }
            items.append(.init(html: html, plainText: plainText(of: current),
                               line: Int(cmark_node_get_start_line(current))))
            item = cmark_node_next(current)
        }
        return .init(start: Int(cmark_node_get_list_start(list)),
                     line: Int(cmark_node_get_start_line(list)), items: items)
    }

    private func html(of node: OpaquePointer) -> String {
        guard let rendered = cmark_render_html(node, options) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// Text nodes and code spans joined; breaks and block boundaries become single spaces.
    private func plainText(of node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let current = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(current)
            if event == CMARK_EVENT_ENTER, type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                if let literal = cmark_node_get_literal(current) { text += String(cString: literal) }
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK
                        || (event == CMARK_EVENT_EXIT && type == CMARK_NODE_PARAGRAPH) {
                text += " "
            }
        }
        return text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }
}
