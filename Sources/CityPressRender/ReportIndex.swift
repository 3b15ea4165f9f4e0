import CityPressSite

/// Where each city's and each declaration's reports are in `Site.reports`, found once per build:
/// ten thousand city pages must not each search every report.
package struct ReportIndex: Sendable {
    /// Report indexes by city index, in site order.
    package let byCity: [Int: [Int]]
    /// Report indexes by declaration index (newest year first, then by city), one list per declaration.
    package let byDeclaration: [[Int]]
    /// The actions naming each commitment, by declaration index and then commitment number, in the
    /// reports' order: a commitment page lists its own without looking at every action of the declaration.
    private let actionsByCommitment: [[Int: [ActionReference]]]

    /// One action of one report.
    package struct ActionReference: Sendable {
        /// The report's index in `Site.reports`.
        package let report: Int
        /// The action's position in the report.
        package let action: Int
    }

    /// The actions naming commitment `number` of the declaration at `declaration`, newest year first.
    package func actions(of declaration: Int, commitment number: Int) -> [ActionReference] {
        actionsByCommitment[declaration][number] ?? []
    }

    /// The index of `site`'s reports.
    package init(_ site: Site) {
        var byCity: [Int: [Int]] = [:]
        var byDeclaration = [[Int]](repeating: [], count: site.declarations.count)
        var actions = [[Int: [ActionReference]]](repeating: [:], count: site.declarations.count)
        // Fields read one by one, not reports and actions copied whole: copying retained every string
        // of every report, most of the time this took with 34,000 reports.
        let reports = site.reports
        for index in reports.indices {
            let city = reports[index].city, declaration = reports[index].declaration
            byCity[city, default: []].append(index)
            byDeclaration[declaration].append(index)
            let reportActions = reports[index].actions
            for position in reportActions.indices {
                let commitments = reportActions[position].commitments
                for (offset, number) in commitments.enumerated() where !commitments[..<offset].contains(number) {
                    actions[declaration][number, default: []].append(ActionReference(report: index, action: position))
                }
            }
        }
        self.byCity = byCity
        self.byDeclaration = byDeclaration
        actionsByCommitment = actions
    }
}
