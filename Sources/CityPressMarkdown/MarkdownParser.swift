import CCmark
import CityPressCore
import Foundation
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

        let links = self.links(in: root, markdown: markdown)
        let notices = MarkdownNotices(markdown: markdown, keepsRawHTML: allowsUnsafeHTML).find(in: noticeElements(in: root))
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
        return MarkdownDocument(blocks: blocks, links: links, notices: notices, plainText: plainText(of: root))
    }

    /// Every link and image destination, located in `markdown` (cmark gives inline nodes the line of
    /// their text; the destination's column is found by looking for it on that line).
    private func links(in root: OpaquePointer, markdown: String) -> [MarkdownDocument.Link] {
        guard let iterator = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iterator) }
        var locator = LinkLocator(markdown: markdown)
        var result: [MarkdownDocument.Link] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, let url = cmark_node_get_url(node) else { continue }
            let destination = String(cString: url)
            var line = Int(cmark_node_get_start_line(node))
            if line < 1 { line = enclosingLine(of: node) }
            let place = locator.locate(destination, line: line)
            result.append(.init(destination: destination, line: place.line, column: place.column, lineText: place.lineText))
        }
        return result
    }

    /// The nodes `MarkdownNotices` looks at, copied out of the tree.
    private func noticeElements(in root: OpaquePointer) -> [MarkdownNotices.Element] {
        guard let iterator = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iterator) }
        var elements: [MarkdownNotices.Element] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            var line = Int(cmark_node_get_start_line(node))
            if line < 1 { line = enclosingLine(of: node) }
            if type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE {
                elements.append(.rawHTML(literal: cmark_node_get_literal(node).map { String(cString: $0) } ?? "<", line: line))
            } else if type == CMARK_NODE_PARAGRAPH {
                elements.append(.paragraph(first: line, last: Int(cmark_node_get_end_line(node))))
            } else if type == CMARK_NODE_LINK, let child = cmark_node_first_child(node), cmark_node_get_type(child) == CMARK_NODE_TEXT,
                      let literal = cmark_node_get_literal(child), literal.pointee == CChar(UInt8(ascii: "^")),
                      case let label = String(cString: literal), label.count > 1, !label.contains(where: \.isWhitespace) {
                // A footnote's label has no spaces (`^1`, `^note`): `[^ back to top](#top)` is a link.
                elements.append(.footnoteLink(label: label,
                                              destination: cmark_node_get_url(node).map { String(cString: $0) } ?? "", line: line))
            } else if type == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(node),
                      strchr(literal, Int32(UInt8(ascii: "["))) != nil || strchr(literal, Int32(UInt8(ascii: "~"))) != nil {
                // Only text with `[` or `~` can hold a footnote, strikethrough or task box: the rest is not copied.
                let text = String(cString: literal)
                var opensListItem = false
                if let parent = cmark_node_parent(node), cmark_node_get_type(parent) == CMARK_NODE_PARAGRAPH,
                   let item = cmark_node_parent(parent), cmark_node_get_type(item) == CMARK_NODE_ITEM {
                    opensListItem = cmark_node_first_child(parent) == node && cmark_node_first_child(item) == parent
                }
                elements.append(.text(text, line: line, opensListItem: opensListItem))
            }
        }
        return elements
    }

    /// The line of the nearest ancestor block that knows its position.
    private func enclosingLine(of node: OpaquePointer) -> Int {
        var current = cmark_node_parent(node)
        while let parent = current {
            let line = Int(cmark_node_get_start_line(parent))
            if line > 0 { return line }
            current = cmark_node_parent(parent)
        }
        return 1
    }

    private func orderedList(_ list: OpaquePointer) -> MarkdownDocument.OrderedList {
        cmark_node_set_list_tight(list, 0)
        var items: [MarkdownDocument.ListItem] = []
        var item = cmark_node_first_child(list)
        while let current = item {
            var html = "", markdown: [String] = []
            var child = cmark_node_first_child(current)
            while let block = child {
                html += self.html(of: block)
                markdown.append(commonMark(of: block))
                child = cmark_node_next(block)
            }
            items.append(.init(html: html, plainText: plainText(of: current),
                               markdown: markdown.joined(separator: "\n\n"),
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

    /// `node` written back as CommonMark, unwrapped (width 0), without its final line break.
    private func commonMark(of node: OpaquePointer) -> String {
        guard let rendered = cmark_render_commonmark(node, CMARK_OPT_DEFAULT, 0) else { return "" }
        defer { free(rendered) }
        var text = String(cString: rendered)
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// Text nodes and code spans joined; breaks and block boundaries become single spaces, and every
    /// run of spaces and line feeds one space, with none at either end.
    private func plainText(of node: OpaquePointer) -> String {
        var text = PlainTextBuffer()
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let current = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(current)
            if event == CMARK_EVENT_ENTER, type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                if let literal = cmark_node_get_literal(current) { text.append(literal) }
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK
                        || (event == CMARK_EVENT_EXIT && type == CMARK_NODE_PARAGRAPH) {
                text.appendSpace()
            }
        }
        return text.string
    }
}

/// Text gathered byte by byte with its spaces collapsed as it grows (a split and join of the whole
/// text afterwards was a third of the time of loading ten thousand reports).
private struct PlainTextBuffer {
    private var bytes: [UInt8] = []
    private var pendingSpace = false

    /// Appends a C string's bytes; spaces and line feeds in it become at most one space.
    mutating func append(_ literal: UnsafePointer<CChar>) {
        var pointer = UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self)
        while pointer.pointee != 0 {
            let byte = pointer.pointee
            if byte == 0x20 || byte == 0x0A {
                pendingSpace = true
            } else {
                if pendingSpace && !bytes.isEmpty { bytes.append(0x20) }
                pendingSpace = false
                bytes.append(byte)
            }
            pointer += 1
        }
    }

    mutating func appendSpace() { pendingSpace = true }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
