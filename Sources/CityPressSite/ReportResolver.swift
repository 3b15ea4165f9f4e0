import CityPressCore
import CityPressLoad

/// Links implementation reports to their city and declaration, and checks each against the site:
/// the city must be a signatory by the year reported on, each commitment must exist, and a city
/// reports once per declaration and year.
struct ReportResolver {
    let declarations: [Declaration]
    let cities: [City]
    let cityIndex: [String: Int]
    /// Declarations left out of this build (drafts): their reports are left out too, without a word.
    let unpublished: Set<String>
    /// City files that could not be read (already reported).
    let unreadableCities: Set<String>
    /// City files skipped for their extension (`wroclaw.yaml`), by slug, as paths to show.
    var skippedCities: [String: String] = [:]

    /// The reports of `records` that pass every check, in site order; every problem goes to `diagnostics`.
    func resolve(_ records: [ReportRecord], _ diagnostics: inout [Diagnostic]) -> [Report] {
        var declarationIndex: [String: Int] = [:]
        for (index, declaration) in declarations.enumerated() { declarationIndex[declaration.slug] = index }
        var state = State(declarationIndex: declarationIndex, count: records.count,
                          commitmentNumbers: declarations.map { $0.commitments.map(\.number) })
        var reports: [Report] = []
        reports.reserveCapacity(records.count)
        // Each record is read where it is (`borrowing`, through the buffer), not copied: copying retained
        // every field of 34,000 records.
        records.withUnsafeBufferPointer { records in
            for index in records.indices {
                if let report = resolve(records[index], at: index, in: records, &state, &diagnostics) { reports.append(report) }
            }
        }
        reports.sort { ($0.declaration, -$0.year, $0.city) < ($1.declaration, -$1.year, $1.city) }
        return reports
    }

    /// What resolving one record needs from those before it, and lookups made once.
    private struct State {
        let declarationIndex: [String: Int]
        /// Reports seen (the position of their record), by city, declaration and year as numbers: a key
        /// made of the three slugs took a quarter of resolving 34,000 reports (interpolating and hashing strings).
        var seen: [ReportSlot: Int]
        /// Each declaration's signatories by city, made when a report first needs them: searching a list
        /// of thousands for every one of thousands of reports would be the slowest part of a build.
        var positions: [Int: [Int: Int]] = [:]
        /// Each declaration's commitment numbers, made once, not once per report.
        let commitmentNumbers: [[Int]]

        init(declarationIndex: [String: Int], count: Int, commitmentNumbers: [[Int]]) {
            self.declarationIndex = declarationIndex
            seen = Dictionary(minimumCapacity: count)
            self.commitmentNumbers = commitmentNumbers
        }
    }

    /// The report of `record` (at `index` of `records`), or `nil` when it is left out or has a problem.
    private func resolve(_ record: borrowing ReportRecord, at index: Int, in records: UnsafeBufferPointer<ReportRecord>,
                         _ state: inout State, _ diagnostics: inout [Diagnostic]) -> Report? {
        if unpublished.contains(record.declaration.value) { return nil }
        let city = cityIndex[record.city.value]
        let declaration = state.declarationIndex[record.declaration.value]
        if city == nil, !unreadableCities.contains(record.city.value) {
            var notes = ["a report names its city by the file name of its record in cities/"]
            if let skipped = skippedCities[record.city.value] {
                notes.append("'\(skipped)' was skipped: only .yml files are read; rename it to '\(record.city.value).yml'")
            }
            diagnostics.append(.error(message("unknown city", record.city.value, among: cityIndex.keys),
                                      at: record.city.location, notes: notes))
        }
        if declaration == nil {
            diagnostics.append(.error(message("unknown declaration", record.declaration.value, among: state.declarationIndex.keys),
                                      at: record.declaration.location,
                                      notes: ["a report names its declaration by the file name of its text in declarations/"]))
        }
        guard let city, let declaration else { return nil }
        let key = ReportSlot(city: city, declaration: declaration, year: record.year.value)
        if let first = state.seen[key] {
            diagnostics.append(.error(
                "a second report of '\(record.city.value)' on '\(record.declaration.value)' for \(record.year.value)",
                at: record.city.location,
                notes: ["the first is \(records[first].source.path)", "a city reports once a year on each declaration: merge the two"]))
            return nil
        }
        state.seen[key] = index
        if state.positions[declaration] == nil {
            var byCity: [Int: Int] = [:]
            for (position, city) in declarations[declaration].signatories.enumerated() where byCity[city] == nil {
                byCity[city] = position
            }
            state.positions[declaration] = byCity
        }
        guard check(record, declaration: declarations[declaration], commitments: state.commitmentNumbers[declaration],
                    position: state.positions[declaration]?[city], &diagnostics) else { return nil }
        return Report(city: city, declaration: declaration, year: record.year.value, published: record.published.value,
                      summaryHTML: record.summaryHTML, actions: record.actions, links: record.links)
    }

    /// Whether `record` (on `declaration`, whose commitments have the numbers `numbers`; `position` is
    /// its city's among the declaration's signatories) passes the checks that need the site; every
    /// problem goes to `diagnostics`.
    private func check(_ record: borrowing ReportRecord, declaration: borrowing Declaration, commitments numbers: [Int], position: Int?,
                       _ diagnostics: inout [Diagnostic]) -> Bool {
        var valid = true
        let name = record.city.value, title = declaration.slug
        if record.year.value < declaration.date.year {
            diagnostics.append(.error("year \(record.year.value) is before the declaration: '\(title)' dates from \(declaration.date.year)",
                                      at: record.year.location))
            valid = false
        }
        if let position {
            if let endorsed = declaration.endorsed[position], endorsed.year > record.year.value {
                diagnostics.append(.error(
                    "'\(name)' endorsed '\(title)' on \(endorsed), after the year \(record.year.value) this report covers",
                    at: record.year.location))
                valid = false
            }
        } else {
            diagnostics.append(.error("'\(name)' is not a signatory of '\(title)': only its signatories report on it",
                                      at: record.city.location,
                                      notes: ["add '\(name)' to the signatories of \(title), or name the declaration it endorsed"]))
            valid = false
        }
        let actions = record.actions
        for action in actions.indices {
            for (position, number) in actions[action].commitments.enumerated() where !numbers.contains(number) {
                diagnostics.append(.error("'\(title)' has no commitment \(number) (it has \(Self.describe(numbers)))",
                                          at: actions[action].commitmentLocations[position]))
                valid = false
            }
        }
        return valid
    }

    /// `unknown city 'wien' (did you mean 'vienna'?)`.
    private func message(_ what: String, _ slug: String, among slugs: some Collection<String>) -> String {
        Suggestion.closest(to: slug, among: slugs).map { "\(what) '\(slug)' (did you mean '\($0)'?)" } ?? "\(what) '\(slug)'"
    }

    /// `1–8`, or `1, 2 and 4` when the numbers have gaps.
    static func describe(_ numbers: [Int]) -> String {
        guard let first = numbers.first, let last = numbers.last else { return "none" }
        if numbers == Array(first...last) { return first == last ? "\(first)" : "\(first)–\(last)" }
        let texts = numbers.map(String.init)
        return texts.dropLast().joined(separator: ", ") + " and " + (texts.last ?? "")
    }
}

/// A report's place among all reports: a city reports once a year on each declaration.
private struct ReportSlot: Hashable {
    let city: Int
    let declaration: Int
    let year: Int
}
