import CityPressCore
import CityPressLoad
import CityPressMarkdown
import CityPressSite
import CityPressTemplates

/// What city pages share: each declaration's entry.
extension SiteRenderer {
    /// A city page's entry for the declaration `declarationIndex`, endorsed on `endorsed` (after the
    /// meeting) or at the meeting: then the same on every city page, so rendered once.
    package func endorsementView(of declarationIndex: Int, endorsed: CalendarDate? = nil) -> EndorsementView {
        let (declaration, language) = shown(declarationIndex)
        let links = self.links(depth: CityOutput.depth)
        var view = EndorsementView(
            title: declaration.title, href: declarationHref(declarationIndex, links: links),
            dateText: interface.date(declaration.date), dateISO: declaration.date.description,
            endorsedText: endorsed.map(interface.date), endorsedISO: endorsed?.description,
            text: text,
            commitments: declaration.commitments.map {
                NavLinkView(label: "\($0.number)", href: links.commitment(declaration.slug, $0.number))
            })
        view.language = language
        view.siteLanguage = PageMeta.siteLanguage(of: site.config, in: interface)
        return view
    }

}
