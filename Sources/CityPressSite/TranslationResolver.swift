import CityPressCore
import CityPressLoad
import CityPressMarkdown

/// Links translations to the declarations they translate and checks them: a known, published
/// declaration; a language other than the site's; one file per language; as many commitments as
/// the original (an error at the translation's list, since a reader compares them number by number).
struct TranslationResolver {
    let declarations: [Declaration]
    /// The site's language: the originals'.
    let language: String
    /// Slugs of declarations that exist but are not published (drafts): their translations wait with them.
    let unpublished: Set<String>
    /// Every declaration's slug, published or not.
    let drafts: Set<String>

    func resolve(_ records: [TranslationRecord], _ diagnostics: inout [Diagnostic]) -> [Translation] {
        var index: [String: Int] = [:]
        for (position, declaration) in declarations.enumerated() { index[declaration.slug] = position }
        var seen: [String: SourceLocation] = [:]
        var translations: [Translation] = []
        for record in records {
            guard let position = index[record.slug] else {
                if unpublished.contains(record.slug) { continue }
                let guess = Suggestion.closest(to: record.slug, among: drafts).map { " (did you mean '\($0)'?)" } ?? ""
                diagnostics.append(.error("translation of an unknown declaration '\(record.slug)'" + guess, at: record.source,
                                          notes: ["a translation's file name is the slug of the declaration it translates"]))
                continue
            }
            let tag = record.language.value
            if tag.lowercased() == language.lowercased() {
                diagnostics.append(.error("translation into '\(tag)', the site's own language (site.yml): the original is in it",
                                          at: record.source))
                continue
            }
            let key = tag.lowercased() + "/" + record.slug
            if let first = seen[key] {
                diagnostics.append(.error("a second '\(tag)' translation of '\(record.slug)'", at: record.source,
                                          notes: ["the first is \(first.path)"]))
                continue
            }
            seen[key] = record.source
            let original = declarations[position]
            var preamble = "", closing = "", items: [MarkdownDocument.ListItem] = [], seenList = false
            for block in record.body.blocks {
                switch block {
                case .orderedList(let list) where !seenList:
                    seenList = true
                    items = list.items
                case .orderedList:
                    diagnostics.append(.error("translation has more than one top-level numbered list; its commitments must be one list",
                                              at: record.commitmentsLocation))
                case .html(let html):
                    if seenList { closing += html } else { preamble += html }
                }
            }
            guard items.count == original.commitments.count else {
                let count = original.commitments.count
                diagnostics.append(.error(
                    "translation has \(items.count) commitment\(items.count == 1 ? "" : "s") but the original '\(record.slug)' has \(count)",
                    at: record.commitmentsLocation,
                    notes: ["a translation numbers the same commitments as its original, one list item for each"]))
                continue
            }
            let commitments = zip(original.commitments, items).map { commitment, item in
                Commitment(number: commitment.number, html: item.html, plainText: item.plainText, markdown: item.markdown)
            }
            translations.append(Translation(
                declaration: position, language: tag, title: record.title ?? original.title,
                event: record.event ?? original.event, venue: record.venue ?? original.venue,
                location: record.location ?? original.location, preambleHTML: preamble, commitments: commitments,
                closingHTML: closing, source: record.source))
        }
        return translations.sorted { ($0.declaration, $0.language) < ($1.declaration, $1.language) }
    }
}
