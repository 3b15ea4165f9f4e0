import CityPressCore
import CityPressLoad
import CityPressSite

extension SiteRenderer {
    /// The name of translation `position`'s PDFs without the paper: `<slug>.<lang>` (a slug has no dot,
    /// so it never names another declaration's PDF when all are printed into one folder).
    package func translationFileStem(_ position: Int) -> String {
        let translation = site.translations[position]
        return "\(site.declarations[translation.declaration].slug).\(translation.language)"
    }

    /// The list of signatories on translation `position`'s print edition, its places' details in the
    /// translation's language.
    package func translationPrintSignatories(_ position: Int) -> String {
        let translation = site.translations[position]
        let renderer = speaking(translation.language)
        let entries = renderer.signatoryEntries(of: site.declarations[translation.declaration],
                                                template: TemplateViews.printSignatoryEntry.template)
        return renderer.signatoriesFragment(of: translation.declaration, entries: entries,
                                            template: TemplateViews.printSignatories.template)
    }

    /// The links to translation `position`'s PDFs on its page (with `links`), labelled in its language;
    /// none when the build prints no PDFs.
    package func translationPDFLinks(_ position: Int, links: Links) -> [PDFLinkView] {
        let translation = site.translations[position]
        let folder = links.to(TranslationOutput.route(translation.language, site.declarations[translation.declaration].slug))
        let renderer = speaking(translation.language)
        return pdfPapers.map { paper in
            PDFLinkView(label: renderer.interface.text(paper.linkLabel),
                        href: folder + paper.fileName(for: translationFileStem(position)))
        }
    }

    /// The documents the translations of the declarations at `indexes` are printed to PDF from, one per
    /// translation (of `languages`, or all) and paper, in the translation's language, each opened from
    /// its print page's folder.
    package func translationPrintEditions(of indexes: [Int], on papers: [Paper], languages: Set<String>? = nil) -> [PrintEdition] {
        let chosen = Set(indexes)
        return site.translations.indices.flatMap { position -> [PrintEdition] in
            let translation = site.translations[position]
            guard chosen.contains(translation.declaration), languages?.contains(translation.language) ?? true else { return [] }
            let slug = site.declarations[translation.declaration].slug
            let names = translationPrintSignatories(position)
            return papers.map { paper in
                let page = printPage(translation.declaration, signatoriesHTML: names, on: paper, translation: translation)
                return PrintEdition(declaration: translation.declaration, paper: paper,
                                    folder: TranslationOutput.printRoute(translation.language, slug).path,
                                    fileStem: translationFileStem(position),
                                    pageFolder: TranslationOutput.route(translation.language, slug).path,
                                    html: templates.renderBytes(page, with: PrintOutput.template.template))
            }
        }
    }
}
