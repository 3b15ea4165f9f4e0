import CityPressCore
import Testing
@testable import CityPressCheck

/// One broken link in a layout is an error on every page: a check shows three and counts the rest.
@Suite struct RepeatedProblemsTests {
    @Test func aProblemOnManyPagesIsShownThreeTimesWithTheCountOfTheOthers() throws {
        var pages: [String: String] = [:]
        for number in 1...6 {
            let depth = String(repeating: "../", count: number % 3)
            pages["d\(number)/" + String(repeating: "x/", count: number % 3) + "index.html"] =
                validPage("<link rel=\"stylesheet\" href=\"\(depth)../assets/gone.css\">\n<img src=\"/a.png\">")
        }
        pages["z.html"] = validPage("<a href=\"nowhere.html\">x</a>")
        pages["a.png"] = ""
        let found = try check(pages)
        #expect(found.count == 13)
        // The messages without their places, as the check gives them.
        let diagnostics = found.map { line in Diagnostic.error(line.components(separatedBy: ": error: ").last ?? line) }
        let folded = RepeatedProblems.folded(diagnostics)
        #expect(folded.count == 7, "\(folded.map(\.message))")
        #expect(folded.filter { $0.message.contains("no file assets/gone.css") }.count == 3)
        #expect(folded.filter { $0.message.contains("no alt attribute") }.count == 3)
        #expect(folded.filter { $0.message.contains("nowhere.html") }.count == 1)
        #expect(folded.filter { !$0.notes.isEmpty }.map(\.notes) == [
            ["and 3 more like it, not shown (citypress check --all shows every one)"],
            ["and 3 more like it, not shown (citypress check --all shows every one)"],
        ])
        #expect(RepeatedProblems.folded(Array(diagnostics.prefix(2))) == Array(diagnostics.prefix(2)))
    }
}
