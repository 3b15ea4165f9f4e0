import Foundation
import CityPressCore
import CityPressMarkdown

/// The load stage: reads `site.yml`, `cities/*.yml` and `declarations/*.md` into typed records.
///
/// Every problem becomes a diagnostic; loading goes on past problems so one run reports them all.
public struct ContentLoader: Sendable {
    /// The content folder as the user named it (`Content`); diagnostics show paths below it.
    public var contentPath: String
    /// Records of earlier loads to reuse for unchanged files (the preview keeps one).
    public var cache: LoadCache?

    /// Creates a loader for the folder at `contentPath`.
    public init(contentPath: String, cache: LoadCache? = nil) {
        self.contentPath = contentPath
        self.cache = cache
    }

    private func display(_ relative: String) -> String {
        contentPath == "." ? relative : (contentPath.hasSuffix("/") ? contentPath + relative : contentPath + "/" + relative)
    }

    /// Reads the whole folder.
    public func load() -> (LoadedContent, [Diagnostic]) {
        let files = loadFiles()
        return (files.content, files.diagnostics)
    }

    /// Reads the whole folder, keeping what each file gave for later reloads.
    public func loadFiles() -> LoadedFiles {
        var diagnostics: [Diagnostic] = []
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: contentPath, isDirectory: &isDirectory), isDirectory.boolValue else {
            return LoadedFiles(config: nil, configDiagnostics: [
                .error("content folder '\(contentPath)' does not exist", notes: ["pass another folder with --content"])])
        }
        let config = loadConfig(&diagnostics)
        let parser = MarkdownParser(allowsUnsafeHTML: config?.allowsUnsafeHTML ?? false)

        // Files are read and parsed on all cores; results keep the sorted file order.
        var cities = LoadedFiles.Folder<CityRecord>()
        cities.names = files(in: "cities", extension: "yml", &cities.diagnostics, skipped: &cities.skipped)
        cities.results = cities.names.parallelMap { file in
            cache?.city(at: contentPath + "/cities/" + file) { loadCity(named: file) } ?? loadCity(named: file)
        }
        var declarations = LoadedFiles.Folder<DeclarationRecord>()
        declarations.names = files(in: "declarations", extension: "md", &declarations.diagnostics,
                                   skipped: &declarations.skipped)
        declarations.results = declarations.names.parallelMap { file in
            let load = { loadDeclaration(named: file, parser: parser) }
            return cache?.declaration(at: contentPath + "/declarations/" + file, unsafeHTML: parser.allowsUnsafeHTML,
                                      load: load) ?? load()
        }
        return LoadedFiles(config: config, configDiagnostics: diagnostics, cities: cities, declarations: declarations,
                           citiesPath: display("cities"))
    }

    /// `previous` with the files at `paths` read again: what `loadFiles()` would give when only
    /// those files changed since `previous` was loaded. `nil` (read the whole folder instead) when a
    /// path is anything but an existing city or declaration file that `previous` also had: a new,
    /// removed or renamed file, `site.yml`, or a file elsewhere. Paths are spelled as
    /// `contentPath` + `/cities/…` (as a file watcher names them).
    public func reload(_ previous: LoadedFiles, changing paths: [String]) -> LoadedFiles? {
        guard previous.config != nil else { return nil }
        let prefix = contentPath.hasSuffix("/") ? contentPath : contentPath + "/"
        let parser = MarkdownParser(allowsUnsafeHTML: previous.config?.allowsUnsafeHTML ?? false)
        var cities = previous.cities, declarations = previous.declarations
        for path in paths {
            guard path.hasPrefix(prefix), SourceFileReader.isRegularFile(path) else { return nil }
            let parts = path.dropFirst(prefix.count).split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2 else { return nil }
            let name = String(parts[1])
            if parts[0] == "cities", let index = cities.names.sortedIndex(of: name) {
                cities.results[index] = loadCity(named: name)
            } else if parts[0] == "declarations", let index = declarations.names.sortedIndex(of: name) {
                declarations.results[index] = loadDeclaration(named: name, parser: parser)
            } else {
                return nil
            }
        }
        return LoadedFiles(config: previous.config, configDiagnostics: previous.configDiagnostics,
                           cities: cities, declarations: declarations, citiesPath: display("cities"))
    }

    /// Names of the files in `folder` ending in `.ext`, sorted; other files get a warning, and their
    /// names go to `skipped` (a record saved with another extension, `.yaml`, is asked for later).
    private func files(in folder: String, extension ext: String, _ diagnostics: inout [Diagnostic],
                       skipped: inout [String]) -> [String] {
        let path = contentPath + "/" + folder
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
            diagnostics.append(.error("folder '\(display(folder))' is missing"))
            return []
        }
        var result: [String] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            if name.hasSuffix("." + ext) {
                result.append(name)
            } else {
                skipped.append(name)
                diagnostics.append(.warning("file is ignored: only .\(ext) files belong in \(folder)/",
                                            at: SourceLocation(path: display(folder + "/" + name))))
            }
        }
        return result
    }

    private func slug(of name: String, ext: String, at location: SourceLocation,
                      _ diagnostics: inout [Diagnostic]) -> String? {
        let slug = String(name.dropLast(ext.count + 1))
        guard Slug.isValid(slug) else {
            let suggestion = Slug.make(from: slug)
            diagnostics.append(.error("bad slug '\(slug)': file names must match [a-z0-9]+(-[a-z0-9]+)*", at: location,
                                      notes: suggestion.isEmpty ? [] : ["rename the file to '\(suggestion).\(ext)'"]))
            return nil
        }
        return slug
    }

    private func readText(_ relative: String, _ diagnostics: inout [Diagnostic]) -> SourceText? {
        switch SourceFileReader.read(path: contentPath + "/" + relative, displayPath: display(relative)) {
        case .success(let text): return SourceText(path: display(relative), text: text, keepingText: true)
        case .failure(let error): diagnostics.append(error.diagnostic); return nil
        }
    }

    private func loadConfig(_ diagnostics: inout [Diagnostic]) -> SiteConfig? {
        guard FileManager.default.fileExists(atPath: contentPath + "/site.yml") else {
            diagnostics.append(.error("'\(display("site.yml"))' is missing",
                                      notes: ["it holds title, network, description and language"]))
            return nil
        }
        guard let source = readText("site.yml", &diagnostics) else { return nil }
        var yaml = YAMLDocument(yaml: source.text, source: source, lineOffset: 0)
        guard yaml.isValid else { diagnostics += yaml.diagnostics; return nil }
        let title = yaml.string("title", required: true)
        let network = yaml.string("network", required: true)
        let description = yaml.string("description", required: true)
        let language = yaml.string("language", required: true)
        let baseURL = yaml.string("base_url", required: false)
        let unsafe = yaml.bool("unsafe_html")
        yaml.warnAboutUnknownFields(known: ["title", "network", "description", "language", "base_url", "unsafe_html"])
        var problems = yaml.diagnostics
        if let language, !SiteConfig.isValidLanguageTag(language) {
            problems.append(.error("language '\(language)' is not a BCP 47 tag such as 'en' or 'en-GB'",
                                   at: yaml.location(ofField: "language")))
        }
        if let baseURL, !SiteConfig.isValidBaseURL(baseURL) {
            problems.append(.error("base_url must be an absolute http:// or https:// URL, not '\(baseURL)'",
                                   at: yaml.location(ofField: "base_url")))
        }
        diagnostics += problems
        guard !problems.containsErrors, let title, let network, let description, let language else { return nil }
        return SiteConfig(title: title, network: network, description: description, language: language,
                          baseURL: baseURL, allowsUnsafeHTML: unsafe)
    }

    private func loadCity(named name: String) -> (CityRecord?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let record = loadCity(named: name, &diagnostics)
        return (record, diagnostics)
    }

    private func loadDeclaration(named name: String, parser: MarkdownParser) -> (DeclarationRecord?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let record = loadDeclaration(named: name, parser: parser, &diagnostics)
        return (record, diagnostics)
    }

    private func loadCity(named name: String, _ diagnostics: inout [Diagnostic]) -> CityRecord? {
        let relative = "cities/" + name
        let fileLocation = SourceLocation(path: display(relative))
        let slug = slug(of: name, ext: "yml", at: fileLocation, &diagnostics)
        guard let source = readText(relative, &diagnostics) else { return nil }
        var yaml = YAMLDocument(yaml: source.text, source: source, lineOffset: 0)
        guard yaml.isValid else { diagnostics += yaml.diagnostics; return nil }
        let cityName = yaml.string("name", required: true)
        let country = yaml.string("country", required: true)
        let subdivision = yaml.string("subdivision", required: false)
        let kindText = yaml.string("kind", required: false)
        yaml.warnAboutUnknownFields(known: ["name", "country", "subdivision", "kind"])
        var problems = yaml.diagnostics
        var kind = CityKind.city
        if let kindText {
            if let parsed = CityKind(rawValue: kindText) {
                kind = parsed
            } else {
                problems.append(.error("kind must be city, region or district, not '\(kindText)'",
                                       at: yaml.location(ofField: "kind")))
            }
        }
        if let country, Slug.make(from: country).isEmpty {
            problems.append(.error("country '\(country)' has no letters or digits to make a page address from",
                                   at: yaml.location(ofField: "country")))
        }
        diagnostics += problems
        guard !problems.containsErrors, let slug, let cityName, let country else { return nil }
        return CityRecord(slug: slug, name: cityName, country: Located(country, at: yaml.location(ofField: "country")),
                          subdivision: subdivision, kind: kind, source: fileLocation)
    }

    private func loadDeclaration(named name: String, parser: MarkdownParser,
                                 _ diagnostics: inout [Diagnostic]) -> DeclarationRecord? {
        let relative = "declarations/" + name
        let fileLocation = SourceLocation(path: display(relative))
        let slug = slug(of: name, ext: "md", at: fileLocation, &diagnostics)
        guard let source = readText(relative, &diagnostics) else { return nil }
        let parts: FrontMatter
        switch FrontMatter.split(source.text, source: source) {
        case .success(let split): parts = split
        case .failure(let error): diagnostics.append(error.diagnostic); return nil
        }
        var yaml = YAMLDocument(yaml: parts.yaml, source: source, lineOffset: parts.yamlLineOffset)
        guard yaml.isValid else { diagnostics += yaml.diagnostics; return nil }
        let title = yaml.string("title", required: true)
        let event = yaml.string("event", required: true)
        let venue = yaml.string("venue", required: true)
        let location = yaml.string("location", required: true)
        let start = yaml.date("start_date", required: true)
        let end = yaml.date("end_date", required: false)
        let adopted = yaml.date("adopted", required: false)
        let signatories = yaml.stringList("signatories", required: true)
        let asOf = yaml.date("signatories_as_of", required: !signatories.isEmpty)
        let isDraft = yaml.bool("draft")
        yaml.warnAboutUnknownFields(known: DeclarationFields.all)
        var problems = yaml.diagnostics
        if let start, let end, end.value < start.value {
            problems.append(.error("end_date \(end.value) is before start_date \(start.value)", at: end.location))
        }

        let body = parser.parse(parts.body)
        let lists = body.orderedLists
        let firstBodyLine = source.lines.indices.dropFirst(parts.bodyLineOffset)
            .first { !source.lines[$0].allSatisfy(\.isWhitespace) }.map { $0 + 1 } ?? parts.bodyLineOffset
        let bodyStart = source.location(line: max(1, firstBodyLine), column: 1)
        var commitmentsLocation = bodyStart
        if lists.isEmpty {
            problems.append(.error("declaration has no commitments: its body needs one top-level numbered list ('1. …')",
                                   at: bodyStart))
        } else {
            commitmentsLocation = source.location(line: lists[0].line + parts.bodyLineOffset, column: 1)
            for extra in lists.dropFirst() {
                problems.append(.error(
                    "declaration has more than one top-level numbered list; its commitments must be one list",
                    at: source.location(line: extra.line + parts.bodyLineOffset, column: 1),
                    notes: ["the commitments start at \(commitmentsLocation)",
                            "indent a nested list under its item, or separate two lists' text with a paragraph that is not numbered"]))
            }
            if lists[0].start < 1 {
                problems.append(.error("commitments are numbered from \(lists[0].start); start the list at 1 or higher",
                                       at: commitmentsLocation))
            }
        }
        diagnostics += problems
        guard !problems.containsErrors, let slug, let title, let event, let venue, let location, let start else {
            return nil
        }
        return DeclarationRecord(
            slug: slug, title: title, event: event, venue: venue, location: location,
            startDate: start.value, endDate: end?.value, adopted: adopted?.value, signatoriesAsOf: asOf?.value,
            signatories: signatories, isDraft: isDraft, body: body,
            commitmentsLocation: commitmentsLocation, source: fileLocation, bodyLineOffset: parts.bodyLineOffset)
    }
}

extension [String] {
    /// The index of `element` in this sorted array, found by bisection.
    fileprivate func sortedIndex(of element: String) -> Int? {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle] < element { low = middle + 1 } else { high = middle }
        }
        return low < count && self[low] == element ? low : nil
    }
}

/// The front-matter fields of a declaration.
package enum DeclarationFields {
    package static let all = ["title", "event", "venue", "location", "start_date", "end_date", "adopted",
                      "signatories_as_of", "signatories", "draft"]
}
