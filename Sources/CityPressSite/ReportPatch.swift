import CityPressCore
import CityPressLoad

/// Edits of existing implementation reports taken into a resolved site without resolving it again.
///
/// Saving one report in the preview re-resolved the whole site (34,486 reports at 10,000 cities: a
/// third of the rebuild) and released the old one (a fifth). A report's own record decides only its
/// own `Report`, so when the edit keeps the report's city, declaration and year, the new site is the
/// old one with that value replaced: everything else is shared, not made and freed again.
package struct ReportPatch {
    /// The site the edits apply to: the last build's, resolved from the records before the edit.
    package let site: Site
    /// The resolver that made `site` (what it publishes: drafts or not).
    package let resolver: SiteResolver

    /// A patch of `site`, which `resolver` made.
    package init(site: Site, resolver: SiteResolver) {
        self.site = site
        self.resolver = resolver
    }

    /// `site` with the reports of `records` (edited records of `content`) in place of the reports of
    /// the same city, declaration and year; `nil` when the site cannot be patched: a record is not
    /// among its reports (new, moved, a draft's), two name the same report, or a record or its links
    /// have any problem at all. The caller then resolves the whole site, which reports what is wrong,
    /// so a patched site is only ever one a whole resolve would have made, with no diagnostic of its own.
    package func applying(_ records: [ReportRecord], content: LoadedContent) -> Site? {
        guard !records.isEmpty else { return nil }
        // Only the slugs the records name are looked up: a map of all 10,000 cities is not made for one saved report.
        var cityIndex: [String: Int] = [:]
        for record in records {
            guard let city = site.cities.firstIndex(where: { $0.slug == record.city.value }) else { return nil }
            cityIndex[record.city.value] = city
        }
        var diagnostics: [Diagnostic] = []
        // The whole resolve's own checks, record by record (commitments, signatory, years, duplicates).
        let reports = ReportResolver(declarations: site.declarations, cities: site.cities, cityIndex: cityIndex,
                                     unpublished: resolver.unpublished(in: content),
                                     unreadableCities: content.unreadableCitySlugs, skippedCities: content.skippedCityFiles)
            .resolve(records, &diagnostics)
        guard diagnostics.isEmpty, reports.count == records.count else { return nil }
        var replaced = site.reports
        for report in reports {
            guard let position = position(of: report) else { return nil }
            replaced[position] = report
        }
        let patched = Site(config: site.config, declarations: site.declarations, cities: site.cities,
                           countries: site.countries, reports: replaced, translations: site.translations)
        // Links are checked against the new site, as a whole build checks them; other texts' links name
        // reports by city, declaration and year only, which the edit kept, so their problems stay as they were.
        guard BodyLinkCheck(site: patched, checking: reports).diagnostics(of: reports).isEmpty else { return nil }
        return patched
    }

    /// Where `site.reports` holds the report of `report`'s city, declaration and year, found by
    /// bisection on the order the resolver sorts them in.
    private func position(of report: Report) -> Int? {
        let reports = site.reports
        let key = (report.declaration, -report.year, report.city)
        var low = 0, high = reports.count
        while low < high {
            let middle = (low + high) / 2
            let other = reports[middle]
            if (other.declaration, -other.year, other.city) < key { low = middle + 1 } else { high = middle }
        }
        guard low < reports.count else { return nil }
        let found = reports[low]
        return (found.declaration, found.year, found.city) == (report.declaration, report.year, report.city) ? low : nil
    }
}
