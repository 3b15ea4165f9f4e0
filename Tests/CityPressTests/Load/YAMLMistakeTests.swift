import Foundation
import Testing
@testable import CityPressCore
@testable import CityPressLoad
@testable import CityPressScaffold
@testable import CityPressSite

/// The YAML mistakes people make get plain words, at the place of the mistake.
@Suite struct YAMLMistakeTests {
    static func diagnostics(_ text: String, lineOffset: Int = 0) -> [Diagnostic] {
        let source = SourceText(path: "c.yml", text: text)
        var yaml = YAMLDocument(yaml: text, source: source, lineOffset: lineOffset)
        _ = yaml.string("name", required: false)
        _ = yaml.string("country", required: false)
        _ = yaml.stringList("signatories", required: false)
        return yaml.diagnostics
    }

    static func printed(_ text: String) -> String {
        DiagnosticFormatter().format(diagnostics(text))
    }

    @Test func tabsUsedForIndentationAreNamed() {
        #expect(Self.printed("name: Oslo\n\tcountry: Norway\n") == """
            c.yml:2:1: error: indent with spaces, not tabs
            \tcountry: Norway
            ^
            note: YAML does not accept a tab where it reads indentation; replace it with spaces
            """)
        #expect(Self.diagnostics("signatories:\n\t- lodz\n").first?.description == "c.yml:2:1: error: indent with spaces, not tabs")
        #expect(Self.diagnostics("signatories:\n  - a\n  \t- b\n").first?.description
                == "c.yml:3:3: error: indent with spaces, not tabs")
        #expect(Self.diagnostics("signatories:\n  -\tlodz\n").first?.description == "c.yml:2:4: error: indent with spaces, not tabs")
        #expect(Self.diagnostics("\tname: Oslo\n").first?.description == "c.yml:1:1: error: indent with spaces, not tabs")
    }

    /// libyaml meets these lines later, where its reading went wrong ("did not find expected key" at
    /// the next quoted value): the mistake is named where it is.
    @Test func aQuoteLeftOpenIsNamedWhereItOpens() {
        #expect(Self.printed("name: \"Oslo\ncountry: \"Norway\"\n") == """
            c.yml:1:7: error: the quoted value that starts here is not closed
            name: "Oslo
                  ^
            note: end it with " on the same line; a value that runs over several lines is written on one line here
            """)
        #expect(Self.diagnostics("name: 'Saint-Jean-d''Acre\ncountry: 'Israel'\n").first?.description
                == "c.yml:1:7: error: the quoted value that starts here is not closed")
        // A block scalar's lines are its value's; a quoted value may run over indented lines: neither is
        // taken for the mistake, which is named where it is.
        #expect(Self.diagnostics("name: >\n  Oslo: the capital\ncountry: \"Norway\nsignatories: []\n").first?.description
                == "c.yml:3:10: error: the quoted value that starts here is not closed")
        #expect(Self.diagnostics("name: \"Oslo,\n  Norway\"\n country: X\n").first?.description
                == "c.yml:3:1: error: this field is indented, unlike the line before it")
        // Closed quotes, escaped ones and a doubled single quote are no mistake.
        #expect(Self.diagnostics("name: \"Say \\\"hi\\\"\"\ncountry: 'l''Aquila'\n").isEmpty)
    }

    /// Aliases copy values: nine lines aliasing the one before nine times stand for 9⁹ values, which
    /// composing and reading made one by one (minutes and gigabytes, found by a new user's test). A
    /// content file takes no anchor, so it is refused at its first one, before anything is composed.
    @Test func anchorsAreRefusedBeforeAnyAliasIsExpanded() {
        var lines = ["name: Eastvale", "country: Exampleland", "a0: &a0 [\"lol\"" + String(repeating: ",\"lol\"", count: 8) + "]"]
        for level in 1...9 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ",") + "]")
        }
        let started = ContinuousClock.now
        #expect(Self.printed(lines.joined(separator: "\n") + "\n") == """
            c.yml:3:5: error: YAML anchor '&a0' in a content file
            a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
                ^
            note: content files take no anchors (&name) or aliases (*name): write each value out where it is meant
            note: a value that starts with & or * is written in quotes: "&a0…"
            """)
        #expect(ContinuousClock.now - started < .seconds(2))
        // As a mapping key, where Yams hashes it whole to find duplicates.
        let key = lines.prefix(2) + ["? &k [x, y]", ": 1", "? [*k, *k]", ": 2"]
        #expect(Self.diagnostics(key.joined(separator: "\n") + "\n").first?.description
                == "c.yml:3:3: error: YAML anchor '&k' in a content file")
        // An alias with no anchor before it (emphasis meant, say); `&` and `*` in text are no anchors.
        #expect(Self.diagnostics("name: Oslo\ncountry: *norway\n").first?.description
                == "c.yml:2:10: error: YAML alias '*norway' in a content file")
        #expect(Self.diagnostics("name: Oslo\ncountry: *Norway*\n").first?.description
                == "c.yml:2:10: error: put this value in quotes: YAML reads a value that starts with '*' as an alias")
        #expect(Self.diagnostics("name: \"Rock &Roll *live*\"\ncountry: >\n  *Norway* & &co\n").isEmpty)
        #expect(YAMLAnchors.mayHaveAnchor("name: Rock & Roll * 2\n") == false)
    }

    @Test func aFieldIndentedByMistakeIsNamed() {
        #expect(Self.printed("name: Oslo\n country: Norway\n") == """
            c.yml:2:1: error: this field is indented, unlike the line before it
             country: Norway
            ^
            note: a record's fields start at the beginning of the line: remove the space before it
            """)
        #expect(Self.diagnostics("  name: Oslo\ncountry: Norway\n").first?.description
                == "c.yml:1:1: error: this field is indented, unlike the fields after it")
        // Lines under `signatories:`, and a list item's own fields, are indented as they should be.
        #expect(Self.diagnostics("name: Oslo\nsignatories:\n  - lodz\n  - oslo\n").isEmpty)
    }

    @Test func tabsThatYAMLAcceptsAreAccepted() {
        #expect(Self.diagnostics("name:\tOslo\t\ncountry: Norway\n\t\n").isEmpty)
    }

    @Test func anUnquotedColonInAValueAsksForQuotes() {
        let text = "---\ntitle: A\nevent: Summit: Day One\n---\n"
        let source = SourceText(path: "d.md", text: text)
        let yaml = YAMLDocument(yaml: "title: A\nevent: Summit: Day One", source: source, lineOffset: 1)
        #expect(DiagnosticFormatter().format(yaml.diagnostics) == """
            d.md:3:14: error: put this value in quotes: YAML reads ': ' inside it as the start of another field
            event: Summit: Day One
                         ^
            note: write the line as: event: "Summit: Day One"
            """)
    }

    /// A location quotes 160 characters of a line over 400 bytes, starting with `…`: the advice is
    /// made from the whole line, not from that excerpt (it quoted the wrong part, `…` included).
    @Test func theAdviceOnALongLineIsMadeFromTheWholeLine() throws {
        let value = String(repeating: "x", count: 500)
        let advice = try #require(Self.diagnostics("name: \(value): y\n").first)
        #expect(advice.message.hasPrefix("put this value in quotes"))
        #expect(advice.notes == ["write the line as: name: \"\(value): y\""])
        #expect(advice.location?.column == 507)
        let indentation = String(repeating: " ", count: 450)
        let tab = try #require(Self.diagnostics("signatories:\n\(indentation)- a\n\(indentation)\t- b\n").first)
        #expect(tab.description == "c.yml:3:451: error: indent with spaces, not tabs")
    }

    /// A required field written with a typo was two problems far apart: "missing required field" at the
    /// start of the file, and an unknown field warning where the typo is. It is one error, at the typo.
    @Test func aMisspeltRequiredFieldIsOneErrorAtTheTypo() {
        var yaml = YAMLDocument(yaml: "name: Oslo\ncountyr: Norway\nmotto: x\n",
                                source: SourceText(path: "c.yml", text: "name: Oslo\ncountyr: Norway\nmotto: x\n"), lineOffset: 0)
        _ = yaml.string("name", required: true)
        _ = yaml.string("country", required: true)
        yaml.warnAboutUnknownFields(known: ["name", "country", "subdivision", "kind"])
        #expect(yaml.diagnostics.map(\.description) == ["c.yml:2:1: error: missing required field 'country'",
                                                         "c.yml:3:1: warning: unknown field 'motto' is ignored"])
        #expect(yaml.diagnostics.first?.notes == ["'countyr' is no field: did you mean 'country'?"])
        // Without a typo close to it, the error stays at the start of the mapping.
        var other = YAMLDocument(yaml: "name: Oslo\n", source: SourceText(path: "c.yml", text: "name: Oslo\n"), lineOffset: 0)
        _ = other.string("country", required: true)
        other.warnAboutUnknownFields(known: ["name", "country"])
        #expect(other.diagnostics.map(\.description) == ["c.yml:1:1: error: missing required field 'country'"])
    }

    @Test func quotingKeepsQuotesThatAreAlreadyInTheValue() {
        #expect(Self.diagnostics("name: The \"Hague\": Peace\n").first?.notes == [#"write the line as: name: 'The "Hague": Peace'"#])
        #expect(Self.diagnostics("signatories:\n  - a: b: c \n").first?.notes == [#"write the line as:   - a: "b: c""#])
    }

    @Test func aMisindentedFieldIsNotMistakenForAColonInAValue() {
        let first = Self.diagnostics("name: Oslo\n  country: Norway\n").first
        #expect(first?.message == "this field is indented, unlike the line before it")
        #expect(first?.location?.description == "c.yml:2:1")
    }

    @Test(arguments: [("“", "”"), ("‘", "’"), ("„", "“"), ("«", "»"), ("»", "«"), ("”", "”")])
    func typographicQuotesAroundAValueAreAWarning(_ open: String, _ close: String) throws {
        let diagnostics = Self.diagnostics("name: \(open)Budavár (Budapest I)\(close)\ncountry: Hungary\n")
        let warning = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(warning.severity == .warning)
        #expect(warning.description
                == "c.yml:1:7: warning: the value of 'name' is wrapped in typographic quotes \(open)…\(close), which become part of it")
        #expect(warning.notes == [#"use straight quotes "…" or none: Budavár (Budapest I)"#])
    }

    @Test func typographicQuotesInAListEntryAreAWarning() {
        #expect(Self.diagnostics("signatories:\n  - “lodz”\n").map(\.description)
                == ["c.yml:2:5: warning: the value of 'signatories' is wrapped in typographic quotes “…”, which become part of it"])
    }

    @Test func quotesThatAreMeantAreLeftAlone() {
        #expect(Self.diagnostics("name: \"“Budavár”\"\ncountry: ’s-Hertogenbosch\n").isEmpty)
        #expect(Self.diagnostics("name: “Peace” Declaration\n").isEmpty)
    }

    @Test func aReaderErrorIsLocated() {
        // U+FFFE passes the file reader (it is valid UTF-8) but libyaml refuses it.
        let first = Self.diagnostics("name: Oslo\ncountry: No\u{FFFE}rway\n").first
        #expect(first?.location?.description == "c.yml:2:12")
    }
}
