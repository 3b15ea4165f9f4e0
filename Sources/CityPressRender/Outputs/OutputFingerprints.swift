import CityPressCore
import CityPressLoad
import CityPressSite
import CityPressTemplates

/// For each output of a build, a fingerprint of everything its bytes are made from: the records its
/// kind declares it depends on (`OutputKind.dependencies`, the same declarations the preview's
/// rebuilds follow), the templates its template reaches (`TemplateEdit`), `site.yml`, the
/// translations, the build's options and the tool's version.
///
/// The build manifest records it beside each file; a later build (a new process, without this
/// build's site) renders only the outputs whose fingerprint differs, and keeps the others' files.
/// Outputs that gather the whole site (the indexes, the sitemap, the open data, the search index) or
/// declare no record also take the set of routes, so that a record added or removed anywhere redoes them.
package struct OutputFingerprints: Sendable {
    /// By position in the renderer's `outputs`.
    package let values: [UInt64]

    /// The fingerprints of `renderer.outputs`.
    package init(_ renderer: SiteRenderer) {
        let values = DependencyValues(renderer.site)
        var global = Fingerprint()
        global.add(CityPressVersion.string)
        global.add(renderer.linkStyle.rawValue)
        global.add(renderer.pdfPapers.count)
        for paper in renderer.pdfPapers { global.add(paper.rawValue) }
        global.add(values.records.configuration)
        let globalValue = global.value
        var routes = Fingerprint()
        for output in renderer.outputs { routes.add(output.route.file) }
        let routeSet = routes.value
        let outputs = renderer.outputs
        // One value per kind of use: outputs of a kind share their template, fragments and way of being made.
        var uses: [TemplateEdit.Use: UInt64] = [:]
        for output in outputs {
            let use = TemplateEdit.Use(output)
            if uses[use] == nil { uses[use] = Self.templates(reaching: use, in: renderer.templates) }
        }
        let templateValues = uses
        self.values = outputs.indices.parallelMap { position in
            let output = outputs[position]
            var print = Fingerprint()
            print.add(globalValue)
            print.add(templateValues[TemplateEdit.Use(output)] ?? 0)
            print.add(output.route.file)
            let dependencies = output.dependencies()
            if dependencies.isEmpty || dependencies.contains(.allCities) || dependencies.contains(.allDeclarations) {
                print.add(routeSet)
            }
            print.add(dependencies.count)
            for dependency in dependencies { values.add(dependency, to: &print) }
            return print.value
        }
    }

    /// The fingerprint of the templates whose edit can change an output made as `use` says
    /// (`TemplateEdit.templates(reaching:in:)`) and the interface tables; every template for a kind that
    /// declares no page template.
    static func templates(reaching use: TemplateEdit.Use, in templates: TemplateSet) -> UInt64 {
        let names: [String]
        if let reached = TemplateEdit.templates(reaching: use, in: templates) {
            names = reached.union(templates.texts.keys.filter(TemplateEdit.isInterfaceTable)).sorted()
        } else {
            names = templates.texts.keys.sorted()
        }
        var print = Fingerprint()
        for name in names {
            print.add(name)
            print.add(templates.texts[name])
        }
        return print.value
    }
}
