import Foundation

/// A field name as a template writes it (`name` in `{{page.name}}`), with a number that every use of
/// the same name in the process shares.
///
/// Views look fields up by that number (`TemplateFieldTable`): a page render then indexes an array
/// instead of comparing strings, and the number is found once, when the template is parsed.
@usableFromInline
package struct FieldName: Sendable, Hashable, CustomStringConvertible {
    /// The name as written.
    package let text: String
    /// The name's number: equal names have equal numbers, in every template and every view.
    @usableFromInline package let id: Int

    /// The name `text`, numbered.
    package init(_ text: String) {
        self.text = text
        id = FieldNameRegistry.shared.id(for: text)
    }

    @usableFromInline package static func == (lhs: FieldName, rhs: FieldName) -> Bool { lhs.id == rhs.id }
    @usableFromInline package func hash(into hasher: inout Hasher) { hasher.combine(id) }
    @usableFromInline package var description: String { text }
}

/// The numbers given to field names so far. Only parsing templates and building views' field tables
/// (once per view type) ask it; rendering never does, so the lock costs nothing per page.
private final class FieldNameRegistry: @unchecked Sendable {
    static let shared = FieldNameRegistry()
    private let lock = NSLock()
    private var ids: [String: Int] = [:]

    func id(for text: String) -> Int {
        lock.withLock {
            if let id = ids[text] { return id }
            let id = ids.count
            ids[text] = id
            return id
        }
    }
}
