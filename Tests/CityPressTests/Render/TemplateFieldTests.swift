import Foundation
import Testing
@testable import CityPressBuild
import CityPressLoad
@testable import CityPressRender
@testable import CityPressTemplates

/// Every view declares its fields once, in a `TemplateFieldTable`: these tests keep each table equal
/// to its struct's stored properties (names, order and values, through Mirror) and docs/templates.md
/// equal to the tables, so a field added to a view is found by templates, by the checker and by readers.
@Suite struct TemplateFieldTests {
    func unwrap(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }

    func check(_ value: Any, path: String, _ missing: inout [String]) {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .collection {
            for element in mirror.children.prefix(2) { check(element.value, path: path + "[]", &missing) }
            return
        }
        // The interface's words are a table per key, not stored properties: each key answers its text.
        if let text = value as? InterfaceText {
            for key in TextKey.allCases {
                guard case .text(let answer)? = text.field(named: key.name), answer == text[key] else {
                    missing.append("InterfaceText.\(key.name) at \(path)")
                    continue
                }
            }
            return
        }
        guard mirror.displayStyle == .struct, let fields = value as? any TemplateView else { return }
        let labels = mirror.children.compactMap(\.label)
        let table = type(of: fields).templateSchema.names
        if labels != table {
            missing.append("\(type(of: value)) has the stored properties \(labels) but the table \(table)")
        }
        for child in mirror.children {
            guard let label = child.label else { continue }
            guard let answer = fields.field(FieldName(label)) else {
                missing.append("\(type(of: value)).\(label) at \(path)")
                continue
            }
            let present = unwrap(child.value)
            let answered: String? = switch answer {
            case .text(let text): text
            case .number(let number): "\(number)"
            case .bool(let flag): "\(flag)"
            case .none: nil
            case .object, .list: "\(present.map { "\($0)" } ?? "nil")"
            }
            if answered != present.map({ "\($0)" }) {
                missing.append("\(type(of: value)).\(label) answers '\(answered ?? "none")' instead of '\(present.map { "\($0)" } ?? "nil")'")
            }
            if fields.field(named: label) == nil { missing.append("\(type(of: value)).\(label) is not found by its text") }
            if let present { check(present, path: path + "." + label, &missing) }
        }
        #expect(fields.field(named: "noSuchField") == nil)
        #expect(fields.field(FieldName("noSuchField")) == nil)
    }

    /// A field's number comes from its name alone, not from a table kept for the process: the same in
    /// every run and whatever was parsed first. A view's table finds each of many fields, several of
    /// whose numbers share a slot, and no other name.
    @Test func fieldNumbersComeFromTheNameAndTablesFindEveryField() {
        #expect(FieldName("title").id == 0x9D7E_2A42_E812_CBA4)
        #expect(FieldName("title") == FieldName(String("tit") + "le"))
        let count = 300
        let table = TemplateFieldTable((0..<count).map { number in
            TemplateField<[String]>.field("f\(number)", { $0[number] })
        })
        let row = (0..<count).map { "value \($0)" }
        var wrong: [String] = []
        for number in 0..<count {
            guard case .text(let text)? = table.value(FieldName("f\(number)"), of: row), text == row[number] else {
                wrong.append("f\(number)")
                continue
            }
        }
        #expect(wrong.isEmpty)
        #expect(table.value(FieldName("f\(count)"), of: row) == nil)
        #expect(table.value(FieldName(""), of: row) == nil)
    }

    @Test func everyStoredPropertyOfEveryViewIsInItsTable() throws {
        let options = BuildOptions(contentPath: TestPaths.fixtureSite.appendingPathComponent("Content").path,
                                   templatesPath: TestPaths.templates.path, includesDrafts: true)
        let (site, templates, _) = SiteBuild.prepare(options)
        let renderer = SiteRenderer(site: try #require(site), templates: try #require(templates), pdfPapers: [.a4])
        let signatories = renderer.signatoriesFragment(of: 1, entries: renderer.signatoryEntries(template: "signatory-entry"))
        let views: [Any] = [
            renderer.homePage(), renderer.declarationsIndexPage(), renderer.notFoundPage(),
            renderer.declarationPage(1, signatoriesHTML: signatories), renderer.printPage(1, signatoriesHTML: signatories),
            renderer.commitmentPage(1, position: 1, declaration: renderer.declarationView(1, links: Links(depth: 4), signatoriesHTML: "")),
            renderer.citiesIndexPage(), renderer.cityPage(0, endorsementsHTML: ["<li></li>", "<li></li>", "<li></li>"]), renderer.endorsementView(of: 0), renderer.countriesIndexPage(),
            renderer.countryPage(0), renderer.commitmentsIndexPage(), renderer.searchPage(),
            renderer.dataPage(files: OpenDataFiles(site: renderer.site)),
            SignatoriesFragment(groups: [SignatoryGroupView(country: "C", countryHref: "h", count: 1,
                                                            entriesHTML: "<li>n</li>")]),
            CityLinkView(name: "n", href: "h", detail: "d"),
            Chrome.View(siteTitle: "t", network: "n", siteLanguage: "en", assets: "a/", homeHref: "h", declarationsHref: "d", citiesHref: "c",
                        countriesHref: "k", commitmentsHref: "m", dataHref: "o", searchHref: "s", publishedByText: "p", publishedByHTML: "<b>p</b>",
                        text: renderer.text, inDeclarations: true, inCities: true,
                        inCountries: true, inCommitments: true, inSearch: true),
        ]
        var missing: [String] = []
        for view in views { check(view, path: "\(type(of: view))", &missing) }
        #expect(missing.isEmpty, "\(missing)")
    }

    /// Every view a template can reach from `TemplateViews.entries`, by type name, each once.
    static func reachableSchemas() -> [String: TemplateSchema] {
        var schemas: [String: TemplateSchema] = [:]
        var pending = TemplateViews.entries.map(\.schema)
        while let schema = pending.popLast() {
            guard schemas[schema.typeName] == nil else { continue }
            schemas[schema.typeName] = schema
            pending += schema.fields.compactMap(\.kind.schema)
        }
        return schemas
    }

    /// The field tables of docs/templates.md: under each `#### `TypeName`` heading, the rows
    /// `| `field` | kind | value |`, the kind's link and backticks removed.
    static func documentedFields() throws -> (fields: [String: [String]], order: [String]) {
        let text = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("docs/templates.md"), encoding: .utf8)
        var fields: [String: [String]] = [:]
        var order: [String] = []
        var current: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("#") {
                current = nil
                if line.hasPrefix("#### `"), line.hasSuffix("`") {
                    let name = String(line.dropFirst("#### `".count).dropLast())
                    current = name
                    order.append(name)
                    fields[name, default: []] = []
                }
                continue
            }
            guard let view = current, line.hasPrefix("| `") else { continue }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 4 else { continue }
            var kind = cells[2]
            if kind.hasPrefix("["), let close = kind.range(of: "](") { kind = String(kind[kind.index(after: kind.startIndex)..<close.lowerBound]) }
            kind = kind.replacingOccurrences(of: "`", with: "")
            fields[view, default: []].append("\(cells[1].replacingOccurrences(of: "`", with: "")): \(kind)")
        }
        return (fields, order)
    }

    @Test func docsListEveryFieldOfEveryViewAndNothingElse() throws {
        let schemas = Self.reachableSchemas()
        let (documented, order) = try Self.documentedFields()
        #expect(Set(order).count == order.count, "a view is documented twice: \(order)")
        for (name, schema) in schemas.sorted(by: { $0.key < $1.key }) {
            // Its fields are the keys of Templates/i18n/en.yml, which the docs point to rather than copy.
            if name == "InterfaceText" {
                #expect(documented[name] == [], "docs/templates.md documents InterfaceText by the English table")
                continue
            }
            let fields = schema.fields.map { "\($0.name): \($0.kind.documentedForm)" }
            #expect(documented[name] == fields, "docs/templates.md, #### `\(name)`: expected the rows\n\(fields.joined(separator: "\n"))")
        }
        let extra = Set(documented.keys).subtracting(schemas.keys)
        #expect(extra.isEmpty, "docs/templates.md documents views that no template receives: \(extra.sorted())")
    }

    @Test func docsNameTheViewOfEveryEntryTemplate() throws {
        let text = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("docs/templates.md"), encoding: .utf8)
        for entry in TemplateViews.entries {
            let row = text.split(separator: "\n").first { $0.hasPrefix("| `\(entry.template)`") || $0.contains(", `\(entry.template)` |") }
            #expect(row?.contains("[`\(entry.schema.typeName)`]") == true, "docs/templates.md: no row gives '\(entry.template)' its view \(entry.schema.typeName)")
        }
    }
}
