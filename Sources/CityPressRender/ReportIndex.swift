import CityPressSite

/// Where each city's and each declaration's reports are in `Site.reports`, found once per build:
/// ten thousand city pages must not each search every report.
package struct ReportIndex: Sendable {
    /// Report indexes by city index, in site order.
    package let byCity: [Int: [Int]]
    /// Report indexes by declaration index (newest year first, then by city), one list per declaration.
    package let byDeclaration: [[Int]]

    /// The index of `site`'s reports.
    package init(_ site: Site) {
        var byCity: [Int: [Int]] = [:]
        var byDeclaration = [[Int]](repeating: [], count: site.declarations.count)
        for (index, report) in site.reports.enumerated() {
            byCity[report.city, default: []].append(index)
            byDeclaration[report.declaration].append(index)
        }
        self.byCity = byCity
        self.byDeclaration = byDeclaration
    }
}
