import CityPressCore
import CityPressMarkdown

/// `Content/declarations/<slug>.md`: one declaration per file, its fields in YAML front matter and
/// its commitments as the body's one top-level numbered list.
///
/// A file with errors gives no record but the cities it lists, when its front matter could be read
/// (`LoadedDeclaration.withErrors`): the resolve stage then reports its unknown and repeated cities
/// beside the file's other errors, not in the run after they are fixed.
package enum DeclarationFile: ContentKind {
    /// The front-matter fields of a declaration, in the order the unknown-field warning lists them.
    package enum Field: String, YAMLFields {
        case title, event, venue, location
        case startDate = "start_date"
        case endDate = "end_date"
        case adopted
        case signatoriesAsOf = "signatories_as_of"
        case signatories, draft
    }

    package static let folder = "declarations"
    package static let fileExtension = "md"

    package static func record(from file: ContentFile, _ diagnostics: inout [Diagnostic]) -> LoadedDeclaration? {
        let slug = file.slug(&diagnostics)
        guard let source = file.read(&diagnostics) else { return nil }
        let parts: FrontMatter
        switch FrontMatter.split(source.text, source: source, record: "declaration") {
        case .success(let split): parts = split
        case .failure(let error): diagnostics.append(error.diagnostic); return nil
        }
        var yaml = YAMLDocument(yaml: parts.yaml, source: source, lineOffset: parts.yamlLineOffset)
        guard yaml.isValid else { diagnostics += yaml.diagnostics; return nil }
        let title = yaml.string(Field.title, required: true)
        let event = yaml.string(Field.event, required: true)
        let venue = yaml.string(Field.venue, required: true)
        let location = yaml.string(Field.location, required: true)
        let start = yaml.date(Field.startDate, required: true)
        let end = yaml.date(Field.endDate, required: false)
        let adopted = yaml.date(Field.adopted, required: false)
        let signatories = yaml.signatoryList(Field.signatories.rawValue, required: true)
        let asOf = yaml.date(Field.signatoriesAsOf, required: !signatories.isEmpty)
        let isDraft = yaml.bool(Field.draft)
        yaml.warnAboutUnknownFields(of: Field.self)
        var problems = yaml.diagnostics
        if let start, let end, end.value < start.value {
            problems.append(.error("\(Field.endDate.rawValue) \(end.value) is before \(Field.startDate.rawValue) \(start.value)",
                                   at: end.location))
        }
        if let start {
            problems += endorsementDateProblems(signatories, start: start, adopted: adopted, asOf: asOf)
        }
        let body = file.markdown.parse(parts.body)
        let commitmentsLocation = commitments(of: body, in: source, bodyLineOffset: parts.bodyLineOffset, &problems)
        diagnostics += problems
        guard !problems.containsErrors, let slug, let title, let event, let venue, let location, let start else {
            return .withErrors(signatories: signatories)
        }
        let fields = [(Field.event, event, Placeholder.event), (Field.venue, venue, Placeholder.venue),
                      (Field.location, location, Placeholder.location)]
        let placeholders = fields.filter { $0.1 == $0.2 }.map { field, _, placeholder in
            PlaceholderUse(field: field.rawValue, text: placeholder, location: yaml.location(ofValue: field.rawValue))
        } + Placeholder.sampleLines(in: source.lines.dropFirst(parts.bodyLineOffset), lineOffset: parts.bodyLineOffset, source: source)
        return .declaration(DeclarationRecord(
            slug: slug, title: title, event: event, venue: venue, location: location,
            startDate: start.value, endDate: end?.value, adopted: adopted?.value, signatoriesAsOf: asOf?.value,
            signatories: signatories, isDraft: isDraft, body: body,
            commitmentsLocation: commitmentsLocation, source: file.location, bodyLineOffset: parts.bodyLineOffset,
            placeholders: placeholders))
    }

    /// Endorsement dates outside the time a declaration can be endorsed in after its meeting: from the day
    /// after it was adopted (`adopted`, else `start_date`: the day the history starts from) to the date
    /// its list is complete to. A date on the meeting's days would put a later endorsement before the
    /// meeting in the history.
    private static func endorsementDateProblems(_ signatories: [SignatoryEntry], start: Located<CalendarDate>,
                                                adopted: Located<CalendarDate>?, asOf: Located<CalendarDate>?) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let meeting = adopted ?? start
        let meetingField = adopted == nil ? Field.startDate : Field.adopted
        for entry in signatories {
            guard let endorsed = entry.endorsed else { continue }
            let atTheMeeting = "a city that endorsed at the meeting is listed by its slug alone: - \(entry.city.value)"
            if endorsed.value < start.value {
                problems.append(.error(
                    "'\(entry.city.value)' endorsed on \(endorsed.value), before the declaration's \(Field.startDate.rawValue) \(start.value)",
                    at: endorsed.location, notes: [atTheMeeting]))
            } else if endorsed.value <= meeting.value {
                problems.append(.error(
                    "'\(entry.city.value)' endorsed on \(endorsed.value), not after the meeting (\(meetingField.rawValue) \(meeting.value))",
                    at: endorsed.location,
                    notes: [atTheMeeting, "an endorsement date is for a city that endorsed later, from the day after \(meeting.value)"]))
            } else if let asOf, asOf.value < endorsed.value {
                problems.append(.error(
                    "'\(entry.city.value)' endorsed on \(endorsed.value), after \(Field.signatoriesAsOf.rawValue) \(asOf.value)",
                    at: endorsed.location,
                    notes: ["\(Field.signatoriesAsOf.rawValue) is the date the list is complete to: move it to \(endorsed.value) or later"]))
            }
        }
        return problems
    }

    /// Where the commitments (the body's one top-level numbered list) start; the body's first line
    /// with text when there is no list. Every problem with the list goes to `problems`.
    private static func commitments(of body: MarkdownDocument, in source: SourceText, bodyLineOffset: Int,
                                    _ problems: inout [Diagnostic]) -> SourceLocation {
        let lists = body.orderedLists
        let firstBodyLine = source.lines.indices.dropFirst(bodyLineOffset)
            .first { !source.lines[$0].allSatisfy(\.isWhitespace) }.map { $0 + 1 } ?? bodyLineOffset
        let bodyStart = source.location(line: max(1, firstBodyLine), column: 1)
        guard let first = lists.first else {
            problems.append(.error("declaration has no commitments: its body needs one top-level numbered list ('1. …')",
                                   at: bodyStart))
            return bodyStart
        }
        let location = source.location(line: first.line + bodyLineOffset, column: 1)
        for extra in lists.dropFirst() {
            problems.append(.error(
                "declaration has more than one top-level numbered list; its commitments must be one list",
                at: source.location(line: extra.line + bodyLineOffset, column: 1),
                notes: ["the commitments start at \(location)",
                        "to add a commitment, write it right after the list's last item, with no paragraph between; indent a nested list under its item",
                        "a paragraph that only starts with a number is written with a backslash, as in '4\\. …', so that it starts no list"]))
        }
        if first.start < 1 {
            problems.append(.error("commitments are numbered from \(first.start); start the list at 1 or higher",
                                   at: location))
        }
        return location
    }

    package static func collect(_ folder: LoadedFolder<DeclarationFile>, into content: inout LoadedContent) {
        content.declarations = []
        content.declarations.reserveCapacity(folder.records.count)
        for (name, loaded) in zip(folder.names, folder.fileRecords) {
            guard case .declaration(let record)? = loaded else {
                content.unreadableDeclarationSlugs.insert(String(name.dropLast(fileExtension.count + 1)))
                if case .withErrors(let signatories)? = loaded { content.signatoriesOfUnreadableDeclarations.append(signatories) }
                continue
            }
            content.declarations.append(record)
        }
    }

    package static func records(in content: LoadedContent) -> [LoadedDeclaration] {
        content.declarations.map(LoadedDeclaration.declaration)
    }
}
