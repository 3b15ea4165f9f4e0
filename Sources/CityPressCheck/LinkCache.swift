import Foundation

/// The external links that answered recently, kept in a JSON file between runs so a re-run does not
/// ask every host again:
///
/// ```json
/// {"version": 1, "links": {"https://example.org/": {"checked": "2026-11-25T10:00:00Z", "status": 200}}}
/// ```
///
/// Only successes are kept (a failure is asked again on the next run), each for `lifetime` after the
/// date it was checked; older entries are dropped when the file is written.
package struct LinkCache: Sendable {
    /// One link that answered.
    package struct Entry: Codable, Sendable, Equatable {
        /// When it answered.
        package var checked: Date
        /// The status of its last answer (after redirects).
        package var status: Int
    }

    private struct File: Codable {
        var version: Int
        var links: [String: Entry]
    }

    package private(set) var entries: [String: Entry] = [:]
    /// How long a success is trusted.
    package var lifetime: TimeInterval

    /// An empty cache.
    package init(lifetime: TimeInterval) { self.lifetime = lifetime }

    /// The cache in the file at `path`; empty when the file is missing or not a cache this version wrote.
    package static func load(from path: String, lifetime: TimeInterval) -> LinkCache {
        var cache = LinkCache(lifetime: lifetime)
        guard let data = FileManager.default.contents(atPath: path), let file = try? decoder.decode(File.self, from: data),
              file.version == 1 else { return cache }
        cache.entries = file.links
        return cache
    }

    /// Whether `url` answered less than `lifetime` before `now`.
    package func isFresh(_ url: String, at now: Date) -> Bool {
        guard let entry = entries[url] else { return false }
        return now.timeIntervalSince(entry.checked) < lifetime && entry.checked <= now
    }

    /// Records that `url` answered with `status` at `date`.
    package mutating func record(_ url: String, status: Int, at date: Date) {
        entries[url] = Entry(checked: date, status: status)
    }

    /// Forgets `url` (it failed).
    package mutating func forget(_ url: String) { entries[url] = nil }

    /// Writes the entries still fresh at `now` to `path`, through a temporary file renamed into place.
    package func save(to path: String, at now: Date) throws {
        let fresh = entries.filter { now.timeIntervalSince($0.value.checked) < lifetime }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(File(version: 1, links: fresh))
        let temporary = path + ".tmp"
        try data.write(to: URL(fileURLWithPath: temporary))
        if rename(temporary, path) != 0 {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
