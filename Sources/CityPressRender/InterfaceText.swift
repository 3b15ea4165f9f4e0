import CityPressLoad
import CityPressTemplates

/// The interface's words as templates read them: `{{page.text.declarations}}`. One field per
/// `TextKey`, so the template checker rejects a misspelt key (with a suggestion) before any page is
/// rendered; each field reads the text resolved for the build's language.
///
/// Every page carries it, so it is a reference to one shared storage: copying a page view copies a
/// pointer, and comparing two views compares the storage's identity first.
package struct InterfaceText: Sendable, Hashable {
    private final class Storage: Sendable {
        let texts: [String]
        let hash: Int
        let pageNumbersCSS: String?
        init(_ texts: [String], pageNumbersCSS: String?) {
            self.texts = texts
            hash = texts.hashValue
            self.pageNumbersCSS = pageNumbersCSS
        }
    }

    private let storage: Storage

    /// The texts of `interface`.
    package init(_ interface: Interface) {
        storage = Storage(interface.texts, pageNumbersCSS: PageMeta.pageNumbersCSS(interface))
    }

    /// The print editions' "Page N of M" as CSS, made once per interface rather than once per page.
    package var pageNumbersCSS: String? { storage.pageNumbersCSS }

    /// The text of `key`.
    package subscript(_ key: TextKey) -> String { storage.texts[key.rawValue] }

    package static func == (lhs: InterfaceText, rhs: InterfaceText) -> Bool {
        lhs.storage === rhs.storage || (lhs.storage.hash == rhs.storage.hash && lhs.storage.texts == rhs.storage.texts)
    }

    package func hash(into hasher: inout Hasher) { hasher.combine(storage.hash) }
}

extension InterfaceText: TemplateView {
    package static let templateFields = TemplateFieldTable<Self>(
        TextKey.allCases.map { key in TemplateField<Self>.field(key.name) { $0[key] } }
    )
}
