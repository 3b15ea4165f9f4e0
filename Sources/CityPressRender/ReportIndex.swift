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

    /// The index of `site`'s reports, or `previous`' index when it still describes them: the same
    /// reports in the same places whose actions name the same commitments (the preview after a report's
    /// text was edited: the index of 34,000 reports reads every action, most of them not in the cache).
    package init(_ site: Site, reusing previous: (index: ReportIndex, site: Site)?) {
        // One list per declaration: a declaration added or removed needs a new index, reports or not.
        if let previous, previous.site.declarations.count == site.declarations.count,
           Self.namesTheSameCommitments(previous.site.reports, site.reports) {
            self = previous.index
        } else {
            self.init(site)
        }
    }

    /// Whether `old` and `new` are the same reports in the same order whose actions name the same commitments.
    static func namesTheSameCommitments(_ old: [Report], _ new: [Report]) -> Bool {
        guard old.count == new.count else { return false }
        for index in new.indices {
            guard old[index].declaration == new[index].declaration, old[index].city == new[index].city,
                  old[index].year == new[index].year else { return false }
            // Unchanged reports share their record's actions, which `==` tells without reading them.
            if old[index].actions == new[index].actions { continue }
            let before = old[index].actions, after = new[index].actions
            guard before.count == after.count,
                  before.indices.allSatisfy({ before[$0].commitments == after[$0].commitments }) else { return false }
        }
        return true
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
