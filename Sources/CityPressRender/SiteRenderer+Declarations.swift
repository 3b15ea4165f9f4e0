import Foundation
import CityPressCore
import CityPressLoad
import CityPressMarkdown
import CityPressSite
import CityPressTemplates

/// Declaration, commitment and print pages.
extension SiteRenderer {
    /// The declarations (indexes) whose signatory lists some of `outputs` show: their pages, print
    /// editions and commitment pages. A render of some outputs makes these lists only (`render(_:into:declarations:)`).
    package func declarationsListingSignatories(in outputs: [PlannedOutput]) -> Set<Int> {
        let routes = Set(outputs.map(\.route))
        return Set(site.declarations.indices.filter { index in
            let slug = site.declarations[index].slug
            return routes.contains(DeclarationOutput.route(slug)) || routes.contains(PrintOutput.route(slug))
                || site.declarations[index].commitments.contains { routes.contains(CommitmentOutput.route(slug, $0.number)) }
        })
    }

    /// Each city's entry in signatory lists (`template` is `signatory-entry` or `print-signatory-entry`),
    /// with links from pages two folders deep.
    package func signatoryEntries(template: String) -> [String] {
        site.cities.indices.parallelMap { index in templates.render(signatoryEntryView(of: index), with: template) }
    }

    /// The view of city `index`'s entry in signatory lists.
    package func signatoryEntryView(of index: Int) -> CityLinkView {
        let city = site.cities[index]
        return CityLinkView(name: city.name, href: self.links(depth: DeclarationOutput.depth).city(city.slug), detail: city.detail(in: interface))
    }

    /// The signatories of declaration `index` grouped by country (countries A–Z, cities A–Z within
    /// each), from the cities' rendered `entries`, with links from pages two folders deep.
    package func signatoriesFragment(of index: Int, entries: [String], template: String = TemplateViews.signatories.template) -> String {
        let declaration = site.declarations[index]
        guard !declaration.signatories.isEmpty else { return "" }
        var signs = [Bool](repeating: false, count: site.cities.count)
        for city in declaration.signatories { signs[city] = true }
        let links = self.links(depth: DeclarationOutput.depth)
        // Countries are A–Z and each country's cities A–Z, so walking them gives both orders, without
        // reading a city (a declaration of thousands of signatories is listed again on every city edit).
        var groups: [SignatoryGroupView] = []
        for country in site.countries {
            var html = "", count = 0
            for city in country.cities where signs[city] {
                count += 1
                if entries.indices.contains(city) { html += entries[city] }
            }
            guard count > 0 else { continue }
            groups.append(SignatoryGroupView(country: country.name, countryHref: links.country(country.slug),
                                             count: count, entriesHTML: html))
        }
        return templates.render(SignatoriesFragment(groups: groups), with: template)
    }

    /// A fragment made for pages two folders deep, moved to pages `depth` folders deep: every
    /// relative link (`href="../../…`) gets the extra steps.
    package static func relinked(_ html: String, toDepth depth: Int) -> String {
        guard depth != DeclarationOutput.depth else { return html }
        let needle = Array(("href=\"" + Links(depth: DeclarationOutput.depth).root).utf8), replacement = Array(("href=\"" + Links(depth: depth).root).utf8)
        var html = html
        return html.withUTF8 { bytes -> String in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + bytes.count / 8)
            guard let base = bytes.baseAddress else { return "" }
            var copied = 0, index = 0
            // Jump from one `h` to the next (memchr), and copy the text between matches in one piece.
            while index + needle.count <= bytes.count,
                  let found = memchr(base + index, Int32(needle[0]), bytes.count - index) {
                let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                guard at + needle.count <= bytes.count else { break }
                if memcmp(base + at, needle, needle.count) == 0 {
                    result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<at]))
                    result += replacement
                    index = at + needle.count
                    copied = index
                } else {
                    index = at + 1
                }
            }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// The view of declaration `index` for a page with `links`; `onItsPage` for the declaration's own
    /// page (where links to its commitments' anchors stay fragments).
    /// `forPaper` for the print edition, whose text links go to the published site or are plain text.
    /// `declaration` is the one to show when not `site.declarations[index]` itself (a translation of it),
    /// with its own PDFs (`pdfs`).
    package func declarationView(_ index: Int, links: Links, signatoriesHTML: String, onItsPage: Bool = false,
                         forPaper: Bool = false, as shown: Declaration? = nil, printHref: String? = nil,
                         pageHref: String? = nil, pdfs shownPDFs: [PDFLinkView]? = nil, paperPage: String? = nil) -> DeclarationView {
        let declaration = shown ?? site.declarations[index]
        let slug = declaration.slug
        func body(_ html: String) -> String {
            forPaper ? BodyLinks.forPaper(html, baseURL: site.config.baseURL, fragmentsOn: paperPage ?? DeclarationOutput.route(slug).path,
                                          tree: links.tree)
                : BodyLinks.relinked(html, links: links, declarationSlug: slug, onDeclarationPage: onItsPage)
        }
        let commitments = declaration.commitments.map { commitment in
            CommitmentItemView(number: commitment.number, anchor: "commitment-\(commitment.number)",
                               html: body(commitment.html), href: links.commitment(slug, commitment.number))
        }
        // One implementation update per year with reports, newest first (reports are in that order).
        var updates: [UpdateLinkView] = []
        for report in reportIndex.byDeclaration[index].map({ site.reports[$0] }) {
            if updates.last?.year == report.year { continue }
            let count = reportIndex.byDeclaration[index].lazy.filter { self.site.reports[$0].year == report.year }.count
            updates.append(UpdateLinkView(year: report.year, href: links.to(UpdateOutput.route(slug, report.year)),
                                          label: interface.text(.implementationUpdateYear, ("year", String(report.year))),
                                          reportsText: Counted.text(count, .countReports, in: interface)))
        }
        return DeclarationView(
            title: declaration.title, event: declaration.event, venue: declaration.venue,
            location: declaration.location,
            dateSpan: interface.span(from: declaration.startDate, to: declaration.endDate),
            adoptedText: declaration.adopted.map(interface.date), preambleHTML: body(declaration.preambleHTML),
            closingHTML: body(declaration.closingHTML), commitments: commitments,
            firstNumber: declaration.commitments.first?.number ?? 1,
            href: pageHref ?? links.declaration(slug), printHref: printHref ?? links.print(slug), signatoriesHTML: signatoriesHTML,
            signatoriesText: signatoriesText(of: declaration),
            hasSignatories: !declaration.signatories.isEmpty,
            asOfText: declaration.signatoriesAsOf.map(interface.date), isDraft: declaration.isDraft,
            pdfs: shownPDFs ?? (shown == nil ? pdfs[slug] ?? [] : []), titleCSSString: Self.cssString(Self.footerTitle(declaration.title)),
            history: EndorsementHistory(of: declaration).map(historyView),
            updates: updates, hasUpdates: !updates.isEmpty,
            download: download(interface.text(.downloadSignatories), routes: { DeclarationDataOutput.route(slug, $0) }, links: links))
    }

    /// The counts, chart and table of `history`.
    private func historyView(_ history: EndorsementHistory) -> EndorsementHistoryView {
        let meeting = EndorsementStepView(dateText: interface.date(history.meeting), dateISO: history.meeting.description,
                                          isTheMeeting: true, added: history.atTheMeeting, total: history.atTheMeeting)
        return EndorsementHistoryView(
            atTheMeetingText: Counted.text(history.atTheMeeting, .countSignatories, in: interface), since: history.since,
            introText: interface.text(.historyIntro, ("signatories", Counted.text(history.atTheMeeting, .countSignatories, in: interface)),
                                      ("since", String(history.since))),
            summary: history.summary(in: interface), chartSVG: history.chartSVG(id: "endorsement-chart-title", in: interface),
            rows: [meeting] + history.steps.map {
                EndorsementStepView(dateText: interface.date($0.date), dateISO: $0.date.description, isTheMeeting: false,
                                    added: $0.added, total: $0.total)
            })
    }

}

extension SiteRenderer {
    /// The longest title the print editions' running footer shows whole: it shares the bottom margin with
    /// the page numbers, and a longer one filled it down to the paper's edge.
    static let footerTitleLength = 72

    /// `title` for the running footer: whole when short enough, else cut at the last space before
    /// `footerTitleLength` characters (or there, for one long word) and ended with `…`.
    package static func footerTitle(_ title: String) -> String {
        guard title.count > footerTitleLength else { return title }
        let cut = title.prefix(footerTitleLength - 1)
        let words = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return words.trimmingCharacters(in: .whitespaces) + "…"
    }

    /// `text` as a double-quoted CSS string that cannot end a `<style>` element.
    package static func cssString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "<": result += "\\3C "
            case "\n", "\r": result += " "
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

extension City {
    /// `Tennessee · Region`: what a list shows after the name. The kind is left out when the name
    /// already says it (`Greater Manchester Region`).
    package func detail(in interface: Interface) -> String? {
        // Most places are cities, whose kind is never shown: their names are not searched.
        if kind == .city { return subdivision }
        let label = interface.text(kind.labelKey)
        let showsKind = kind != .city && !name.lowercased().split(separator: " ").contains { $0 == kind.rawValue || $0 == label.lowercased() }
        switch (subdivision, showsKind) {
        case (nil, false): return nil
        case (let subdivision?, false): return subdivision
        case (nil, true): return label
        case (let subdivision?, true): return subdivision + " · " + label
        }
    }
}

extension SiteRenderer {
    /// The card of declaration `index` (its translation in a language tree that has one).
    package func summary(of index: Int, links: Links, headingLevel: Int) -> DeclarationSummaryView {
        let (declaration, language) = shown(index)
        var view = DeclarationSummaryView(
            title: declaration.title, href: declarationHref(index, links: links),
            dateText: interface.date(declaration.date), dateISO: declaration.date.description,
            event: declaration.event, location: declaration.location,
            commitmentsText: Counted.text(declaration.commitments.count, .countCommitments, in: interface),
            signatoriesText: signatoriesText(of: declaration),
            hasSignatories: !declaration.signatories.isEmpty, isDraft: declaration.isDraft, headingLevel: headingLevel)
        view.language = language
        return view
    }

    /// The signatories of `declaration` counted by kind: `38 cities, 1 region and 1 district`.
    package func signatoriesText(of declaration: Declaration) -> String {
        Counted.places(declaration.signatories.map { site.cities[$0].kind }, in: interface)
    }
}
