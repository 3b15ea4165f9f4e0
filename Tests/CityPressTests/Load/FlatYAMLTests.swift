import Foundation
import Testing
import Yams
@testable import CityPressLoad

/// `FlatYAML` reads flat `name: value` records without Yams: for every text it accepts, it must give
/// exactly what Yams gives (texts, plainness, lines and columns), and it must accept the records
/// content folders are made of, or it saves nothing.
@Suite struct FlatYAMLTests {
    /// The YAML of every record in the repository: city files and `site.yml` whole, the front matter of
    /// declarations and reports.
    static func repositoryYAML() throws -> [(name: String, yaml: String)] {
        var found: [(String, String)] = []
        for root in [TestPaths.fixtures, TestPaths.content] {
            let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
            for file in files.sorted() where file.hasSuffix(".yml") || file.hasSuffix(".md") {
                let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
                if file.hasSuffix(".yml") { found.append((file, text)) }
                if file.hasSuffix(".md"), text.hasPrefix("---\n"), let end = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 3)..<text.endIndex) {
                    found.append((file, String(text[text.index(text.startIndex, offsetBy: 4)..<end.lowerBound]) + "\n"))
                }
            }
        }
        return found
    }

    /// Variations of `yaml`, line by line, that FlatYAML must either read as Yams does or leave to Yams.
    static func variations(of yaml: String) -> [String] {
        let lines = yaml.components(separatedBy: "\n")
        let edits: [(String) -> String] = [
            { $0 + "   " }, { $0.replacingOccurrences(of: ": ", with: ":    ") },
            { $0.replacingOccurrences(of: ": ", with: ": \"") + "\"" }, { $0.replacingOccurrences(of: ": ", with: ": '") + "'" },
            { $0 + " # note" }, { $0 + "#x" }, { $0.replacingOccurrences(of: ": ", with: ": &a ") },
            { $0.replacingOccurrences(of: ": ", with: ": *a ") }, { $0.replacingOccurrences(of: ": ", with: ":\t") },
            { $0.replacingOccurrences(of: ": ", with: ": - ") }, { $0.replacingOccurrences(of: ": ", with: ": ~") },
            { $0 + ": more" }, { $0 + "\r" }, { "\u{FEFF}" + $0 }, { "  " + $0 }, { $0.replacingOccurrences(of: ": ", with: ":") },
            { $0 + " Łódź & Kraków (O'Brien), 2+2 / x." }, { $0 + " \\n" }, { $0.replacingOccurrences(of: ": ", with: ": \"a\\\"b\" ") },
            { $0.replacingOccurrences(of: ": ", with: ": ") + "\n" + $0 }, { $0.replacingOccurrences(of: ": ", with: ": null") },
            { $0.replacingOccurrences(of: ": ", with: ": []") }, { $0.replacingOccurrences(of: ": ", with: ": {a: b}") },
            { $0.replacingOccurrences(of: ": ", with: ": |") }, { $0.replacingOccurrences(of: ": ", with: ": \"“quoted”\"") },
            { $0.replacingOccurrences(of: ": ", with: ": ? ") }, { $0.replacingOccurrences(of: ": ", with: ": @x ") },
            { $0.replacingOccurrences(of: ": ", with: ": %x ") }, { $0.replacingOccurrences(of: ": ", with: ": `x ") },
            { $0 + "\u{FFFE}" }, { $0 + "\u{85}x" }, { $0 + "\u{2028}x" }, { $0 + "\u{9F}" }, { $0 + "\u{7F}" },
            { $0.replacingOccurrences(of: ": ", with: ": \"\u{FFFE}\"") }, { $0 + "\u{FEFF}" },
            { $0.replacingOccurrences(of: ": ", with: ": \u{FEFF}") },
        ]
        // Items of a block list (`  - value`).
        let itemEdits: [(String) -> String] = [
            { $0 + "   " }, { $0.replacingOccurrences(of: "- ", with: "-   ") }, { $0.replacingOccurrences(of: "- ", with: "-") },
            { " " + $0 }, { String($0.drop { $0 == " " }) }, { "\t" + $0 }, { $0 + " # note" }, { $0 + "#x" },
            { $0.replacingOccurrences(of: "- ", with: "- '") + "'" }, { $0.replacingOccurrences(of: "- ", with: "- \"") + "\"" },
            { $0.replacingOccurrences(of: "- ", with: "- [") + "]" }, { $0.replacingOccurrences(of: "- ", with: "- {city: ") + "}" },
            { $0.replacingOccurrences(of: "- ", with: "- - ") }, { $0.replacingOccurrences(of: "- ", with: "- &a ") },
            { $0.replacingOccurrences(of: "- ", with: "- *a ") }, { $0.replacingOccurrences(of: "- ", with: "- ? ") },
            { $0 + ":" }, { $0 + ": x" }, { $0 + "\r" }, { $0 + "\n    continued" }, { $0 + "\n\n" + $0 }, { $0 + "\n  x: y" },
            { $0.replacingOccurrences(of: "- ", with: "- ~") }, { $0.replacingOccurrences(of: "- ", with: "- null ") },
            { $0.replacingOccurrences(of: "- ", with: "- ") + " Łódź (O'Brien)" }, { $0 + "\u{2028}x" },
            { $0.replacingOccurrences(of: "- ", with: "-\t") }, { $0 + "\nnext:" }, { $0 + "\n- x" },
            { $0.replacingOccurrences(of: "- ", with: "- \u{FEFF}") }, { $0 + "\u{FEFF}" },
        ]
        var result: [String] = []
        for index in lines.indices {
            let isItem = lines[index].drop { $0 == " " }.hasPrefix("- ")
            guard isItem || lines[index].contains(": ") else { continue }
            for edit in isItem ? itemEdits : edits {
                var changed = lines
                changed[index] = edit(lines[index])
                result.append(changed.joined(separator: "\n"))
            }
        }
        // The list's key line: a value after it, or spaces, or nothing at the end.
        for index in lines.indices where lines[index].hasSuffix(":") {
            for edit: (String) -> String in [{ $0 + "   " }, { $0 + " x" }, { $0 + " # c" }, { $0 + "\t" }, { " " + $0 }] {
                var changed = lines
                changed[index] = edit(lines[index])
                result.append(changed.joined(separator: "\n"))
            }
            result.append(lines.prefix(through: index).joined(separator: "\n") + "\n")
        }
        return result
    }

    func yamsPairs(_ yaml: String) -> [YAMLNode.Pair]? {
        guard let node = try? Yams.compose(yaml: yaml, .basic, .default, .utf8).map(YAMLNode.init),
              case .mapping(let pairs, _) = node else { return nil }
        return pairs
    }

    @Test func readsEveryRecordItAcceptsAsYamsDoes() throws {
        var accepted = 0, compared = 0
        for (name, yaml) in try Self.repositoryYAML() {
            for text in [yaml] + Self.variations(of: yaml) {
                guard let flat = FlatYAML.pairs(text) else { continue }
                compared += 1
                if text == yaml { accepted += 1 }
                #expect(flat == yamsPairs(text), "\(name):\n\(text)")
            }
        }
        #expect(compared > 500, "only \(compared) texts were read without Yams")
        // Every city record without single quotes (which FlatYAML leaves to Yams) is read without Yams.
        let cities = try Self.repositoryYAML().filter { $0.name.contains("cities/") && $0.name.hasSuffix(".yml") && !$0.yaml.contains(": '") }
        #expect(cities.count >= 40 && cities.allSatisfy { FlatYAML.pairs($0.yaml) != nil }, "\(cities.filter { FlatYAML.pairs($0.yaml) == nil }.map(\.name))")
        // So is every declaration whose signatories are a block list of slugs (no dates, no flow list).
        let declarations = try Self.repositoryYAML().filter {
            $0.name.contains("declarations/") && $0.yaml.contains("signatories:\n") && !$0.yaml.contains("{") && !$0.yaml.contains(": '")
        }
        #expect(declarations.count >= 2 && declarations.allSatisfy { FlatYAML.pairs($0.yaml) != nil },
                "\(declarations.filter { FlatYAML.pairs($0.yaml) == nil }.map(\.name))")
        #expect(accepted > 10)
    }

    @Test func leavesWhatItIsNotSureOfToYams() {
        for text in ["name: a: b\n", "name: 'x'\n", "name:\n", "name: x\nname: y\n", "- x\n", "name: [a]\n", "name: x # c\n",
                     "# c\nname: x\n", "name: \"a\\tb\"\n", "name: *x\n", "name: &x y\n", "name:\tx\n", "\"name\": x\n", ""] {
            #expect(FlatYAML.pairs(text) == nil, "\(text)")
        }
        #expect(FlatYAML.pairs("name: Łódź\ncountry: \"Poland\"\n") == [
            .init(key: .scalar("name", isPlain: true, at: .init(line: 1, column: 1)),
                  value: .scalar("Łódź", isPlain: true, at: .init(line: 1, column: 7))),
            .init(key: .scalar("country", isPlain: true, at: .init(line: 2, column: 1)),
                  value: .scalar("Poland", isPlain: false, at: .init(line: 2, column: 10))),
        ])
    }
}
