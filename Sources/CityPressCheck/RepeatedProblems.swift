import CityPressCore

/// Problems that one cause repeats on page after page: a layout's link to a stylesheet that does not
/// exist is one broken link per page (at every depth, written `../../assets/x.css`, `../../../assets/x.css`…),
/// and a page template without an `<h1>` is one error per page of its kind. Ten thousand copies would bury
/// every other problem, so a check shows the first few of each and says how many more there are.
package enum RepeatedProblems {
    /// How many problems of one kind are shown.
    package static let shown = 3

    /// `diagnostics` (in display order) with each kind of problem after its first `shown` left out, and a
    /// note on the last one shown saying how many were.
    package static func folded(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var counts: [String: Int] = [:]
        for diagnostic in diagnostics { counts[key(of: diagnostic), default: 0] += 1 }
        guard counts.values.contains(where: { $0 > shown }) else { return diagnostics }
        var seen: [String: Int] = [:]
        var result: [Diagnostic] = []
        for var diagnostic in diagnostics {
            let key = key(of: diagnostic)
            let position = seen[key, default: 0] + 1
            seen[key] = position
            guard position <= shown else { continue }
            if position == shown, let total = counts[key], total > shown {
                let more = total - shown
                diagnostic.notes.append("and \(more) more like it, not shown (citypress check --all shows every one)")
            }
            result.append(diagnostic)
        }
        return result
    }

    /// What problems of one kind share: the severity and the message, without the link as written
    /// (`broken link '../../x.css': no file x.css in the site` is one problem at every depth).
    static func key(of diagnostic: Diagnostic) -> String {
        var message = Substring(diagnostic.message)
        if message.hasPrefix("broken "), let open = message.firstIndex(of: "'"),
           let close = message.range(of: "': ", range: message.index(after: open)..<message.endIndex) {
            message = message[..<open] + message[close.upperBound...]
        }
        return "\(diagnostic.severity) \(message)"
    }
}
