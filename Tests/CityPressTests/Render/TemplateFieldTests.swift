import Testing
@testable import CityPressBuild
@testable import CityPressCore
@testable import CityPressLoad
@testable import CityPressMarkdown
@testable import CityPressPrint
@testable import CityPressRender
@testable import CityPressScaffold
@testable import CityPressSite
@testable import CityPressTemplates
@testable import CityPressWrite

/// The page views answer templates' lookups through `TemplateFields` (not reflection); every stored
/// property must be reachable by its name, or a template would silently render nothing.
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
        guard mirror.displayStyle == .struct, let fields = value as? TemplateFields else { return }
        for child in mirror.children {
            guard let label = child.label else { continue }
            guard let answer = fields.field(named: label) else {
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
            if let present { check(present, path: path + "." + label, &missing) }
        }
        #expect(fields.field(named: "noSuchField") == nil)
    }

    @Test func everyFieldOfEveryPageViewIsReachableByName() throws {
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
            renderer.countryPage(0), renderer.commitmentsIndexPage(),
            SignatoriesFragment(groups: [SignatoryGroupView(country: "C", countryHref: "h", count: 1,
                                                            entriesHTML: "<li>n</li>")], count: 1),
            CityLinkView(name: "n", href: "h", detail: "d"),
            Chrome.View(siteTitle: "t", network: "n", homeHref: "h", declarationsHref: "d", citiesHref: "c",
                        countriesHref: "k", commitmentsHref: "m", inDeclarations: true, inCities: true,
                        inCountries: true, inCommitments: true),
        ]
        var missing: [String] = []
        for view in views { check(view, path: "\(type(of: view))", &missing) }
        #expect(missing.isEmpty, "\(missing)")
    }
}
