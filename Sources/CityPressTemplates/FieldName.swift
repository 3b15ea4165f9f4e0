/// A field name as a template writes it (`name` in `{{page.name}}`), with a number computed from its
/// letters: the same name has the same number in every template, every view and every run.
///
/// Views look fields up by that number (`TemplateFieldTable`): a page render then reads a small table
/// instead of comparing strings, and the number is found once, when the template is parsed. It is a
/// function of the text alone, so no table of names is kept for the process (nothing shared between
/// builds, nothing that depends on which template was parsed first).
@usableFromInline
package struct FieldName: Sendable, Hashable, CustomStringConvertible {
    /// The name as written.
    package let text: String
    /// The name's number: equal names have equal numbers; two different names sharing one would need
    /// their 64-bit hashes to agree.
    @usableFromInline package let id: UInt64

    /// The name `text`, numbered.
    package init(_ text: String) {
        self.text = text
        id = Self.number(of: text)
    }

    @usableFromInline package static func == (lhs: FieldName, rhs: FieldName) -> Bool { lhs.id == rhs.id }
    @usableFromInline package func hash(into hasher: inout Hasher) { hasher.combine(id) }
    @usableFromInline package var description: String { text }

    /// FNV-1a over the name's UTF-8 bytes, then a final mix (MurmurHash3's) so that its low bits,
    /// which choose a slot in a view's table, depend on every letter.
    static func number(of text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        hash = (hash ^ (hash >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        hash = (hash ^ (hash >> 33)) &* 0xC4CE_B9FE_1A85_EC53
        return hash ^ (hash >> 33)
    }
}
