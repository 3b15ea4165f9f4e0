import CityPressCore
import CityPressLoad
import CityPressSite
import CityPressTemplates

/// `data/`: the Data page, every open-data file with its size, row count and columns.
package struct DataPageOutput: OutputKind {
    /// The template its pages are rendered with, and the view it receives.
    package static let template = TemplateEntry("data", view: DataPage.self, as: "the data page")
    /// Where its file goes.
    package static let route = Route(OpenDataOutput.folder)

    package func items(in site: Site) -> [Void] { [()] }
    package func route(of item: Void, in site: Site) -> Route { Self.route }
    package func dependencies(of item: Void, in site: Site) -> [Dependency] { OpenDataOutput.everything(in: site) }
    package func render(_ item: Void, in context: RenderContext) -> [UInt8] {
        context.page(context.renderer.dataPage(files: context.openData), template: Self.template.template, route: Self.route)
    }
    // The sitemap lists the publication's pages (declarations, commitments, places, reports); the Data
    // page is a list of downloads, linked from every page's footer.
    package var isListedInSitemap: Bool { false }
    package var isRenderedWhenAskedInPreview: Bool { true }
    package var template: TemplateEntry? { Self.template }
    package var sharedFragments: [TemplateEntry]? { TemplateViews.chrome }
}

extension SiteRenderer {
    /// The view its template receives, with the sizes and row counts of `files`.
    package func dataPage(files: OpenDataFiles) -> DataPage {
        let links = self.links(for: DataPageOutput.route)
        func view(_ route: Route, _ format: OpenDataFormat) -> DataFileView {
            DataFileView(label: format.label, fileName: String(route.path.split(separator: "/").last ?? ""),
                         href: links.to(route), mediaType: format.mediaType,
                         sizeText: Self.sizeText(files.size(at: route).bytes, in: interface))
        }
        let tables = OpenDataset.published(in: site).map { dataset in
            let rows = files.size(at: OpenDataOutput.route(dataset, .csv)).rows ?? 0
            let title = interface.text(dataset.title)
            return DataTableView(
                title: title, rowMeaning: interface.text(dataset.rowMeaning), rowCount: rows,
                rowsText: Counted.text(rows, .countRows, in: interface), anchor: "columns-\(dataset.name)",
                files: OpenDataFormat.allCases.map { view(OpenDataOutput.route(dataset, $0), $0) },
                columns: dataset.columns.map {
                    DataColumnView(name: $0.name, kind: interface.text($0.type.label), meaning: interface.text($0.meaning))
                },
                columnsCaption: interface.text(.dataColumnsOf, ("title", title)))
        }
        let declarations = site.declarations.map { declaration in
            let rows = files.size(at: DeclarationDataOutput.route(declaration.slug, .csv)).rows ?? 0
            return DeclarationDataView(
                title: declaration.title, href: links.declaration(declaration.slug),
                rowCount: rows,
                files: OpenDataFormat.allCases.map { view(DeclarationDataOutput.route(declaration.slug, $0), $0) })
        }
        let version = String(OpenDataset.version)
        // `null` is JSON's word, shown as code inside the sentence.
        let columnsLead = MarkupEscaping.escape(interface.text(.dataColumnsLead))
            .replacingOccurrences(of: "{null}", with: "<code>null</code>")
        return DataPage(
            page: meta(links, path: DataPageOutput.route.path, title: text[.openData],
                       description: interface.text(.dataDescription, ("network", site.config.network)),
                       section: .none, trail: [.init(label: text[.openData], href: nil)]),
            tables: tables, declarations: declarations,
            schema: view(OpenDataOutput.schemaRoute, .json),
            leadText: interface.text(.dataLead, ("version", version)),
            versionRuleText: interface.text(.dataVersionRule, ("version", version)),
            columnsLeadHTML: columnsLead)
    }

    /// The download links for `dataset`'s two files at `routes`, from a page with `links`.
    package func download(_ label: String, routes: (OpenDataFormat) -> Route, links: Links) -> DownloadView {
        func file(_ format: OpenDataFormat) -> DataFileView {
            let route = routes(format)
            return DataFileView(label: format.label, fileName: String(route.path.split(separator: "/").last ?? ""),
                                href: links.to(route), mediaType: format.mediaType, sizeText: nil)
        }
        return DownloadView(label: label, csv: file(.csv), json: file(.json), dataHref: links.to(DataPageOutput.route))
    }

    /// `850 bytes`, `12.4 kB`, `3.1 MB` (decimal units, one decimal), in the interface's words:
    /// `12,4 ko` in French. Written from the table, not the machine's locale.
    static func sizeText(_ bytes: Int, in interface: Interface) -> String {
        guard bytes >= 1000 else { return Counted.text(bytes, .sizeBytes, in: interface) }
        func tenths(_ unit: Int) -> String {
            let value = (bytes * 10 + unit / 2) / unit
            return "\(value / 10)\(interface.text(.decimalSeparator))\(value % 10)"
        }
        return bytes < 1_000_000 ? interface.text(.sizeKilobytes, ("size", tenths(1000)))
            : interface.text(.sizeMegabytes, ("size", tenths(1_000_000)))
    }
}
