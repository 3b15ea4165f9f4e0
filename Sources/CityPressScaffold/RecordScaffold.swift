import Foundation
import CityPressCore
import CityPressLoad

/// `citypress new city|declaration NAME`: writes a new record with every field of Content format v1
/// present and explained in a comment, ready to be filled in. Never replaces a file.
public enum RecordScaffold {
    /// A new city record's values; the ones not given are left as placeholders to fill in.
    public struct City: Sendable {
        /// The city's name as the source writes it.
        public var name: String
        /// The country's name; the placeholder `COUNTRY` when `nil`.
        public var country: String?
        /// State, province or region; left empty when `nil`.
        public var subdivision: String?
        /// City, region or district.
        public var kind: CityKind

        /// Creates a city's values.
        public init(name: String, country: String? = nil, subdivision: String? = nil, kind: CityKind = .city) {
            self.name = name
            self.country = country
            self.subdivision = subdivision
            self.kind = kind
        }
    }

    /// A new declaration record's values.
    public struct Declaration: Sendable {
        /// The declaration's title.
        public var title: String
        /// The first day of its event, also the date of its (empty) signatory list; today when `nil`.
        public var startDate: CalendarDate?

        /// Creates a declaration's values.
        public init(title: String, startDate: CalendarDate? = nil) {
            self.title = title
            self.startDate = startDate
        }
    }

    /// What was written.
    public struct Written: Sendable, Equatable {
        /// The new file's path (`Content/cities/los-angeles.yml`).
        public var path: String
        /// The record's slug (`los-angeles`).
        public var slug: String
    }

    /// Placeholders written for required values that were not given: replace them before publishing.
    public static let placeholders = Placeholder.all

    /// Writes `cities/<slug>.yml` below `contentPath`; the slug is made from the name unless given.
    public static func write(_ city: City, slug: String? = nil, contentPath: String) -> Result<Written, DiagnosticError> {
        write(cityText(city), name: city.name, slug: slug, folder: "cities", fileExtension: "yml", contentPath: contentPath)
    }

    /// Writes `declarations/<slug>.md` below `contentPath`; the slug is made from the title unless given.
    public static func write(_ declaration: Declaration, slug: String? = nil,
                             contentPath: String) -> Result<Written, DiagnosticError> {
        write(declarationText(declaration), name: declaration.title, slug: slug, folder: "declarations",
              fileExtension: "md", contentPath: contentPath)
    }

    /// The text of a new city record.
    public static func cityText(_ city: City) -> String {
        """
        # A city record: docs/content-format.md of CityPress describes every field. Lines starting with # are comments.
        # Declarations list this city under signatories: by this file's name, without .yml.

        # Required: the name as the source writes it (Poznań, Dusseldorf).
        name: \(YAMLText.scalar(city.name))
        # Required: the country's name as the source writes it, spelled as on the country's other cities.
        country: \(YAMLText.scalar(city.country ?? Placeholder.country))
        # Optional: the state, province or region within the country (Tennessee); empty for none.
        subdivision:\(city.subdivision.map { " " + YAMLText.scalar($0) } ?? "")
        # Optional: city (the default), region or district.
        kind: \(city.kind.rawValue)

        """
    }

    /// The text of a new declaration record: a draft, so that it stays out of the site until it is ready.
    public static func declarationText(_ declaration: Declaration) -> String {
        let date = declaration.startDate?.description ?? today()
        return """
        ---
        # A declaration: docs/content-format.md of CityPress describes every field. Lines starting with # are comments.
        # Dates are written YYYY-MM-DD.

        # Required: the declaration's title.
        title: \(YAMLText.scalar(declaration.title))
        # Required: the event it was adopted at.
        event: \(Placeholder.event)
        # Required: the building or meeting (The Peace Palace).
        venue: \(Placeholder.venue)
        # Required: the place (The Hague; New York City, New York).
        location: \(Placeholder.location)
        # Required: the first day of the event.
        start_date: \(date)
        # Optional: the last day of the event; empty for a one-day event.
        end_date:
        # Optional: the day of adoption, when the source states it; the declaration is filed under it.
        adopted:
        # The date of the signatory list; required once the list below names a city.
        signatories_as_of: \(date)
        # Required: the endorsing cities by their file names in cities/ (without .yml), in the order the
        # source prints them, one per line as "  - the-hague"; [] when the source lists none.
        signatories: []
        # true keeps the declaration out of the site (citypress build --drafts shows it); false publishes it.
        draft: true
        ---

        \(Placeholder.preamble)

        1. \(Placeholder.firstCommitment)
        2. \(Placeholder.secondCommitment)

        \(Placeholder.closing)

        """
    }

    /// Today in the local time zone, `YYYY-MM-DD`.
    package static func today(_ now: Date = Date()) -> String {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: now)
        let year = parts.year ?? 2000, month = parts.month ?? 1, day = parts.day ?? 1
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    /// Checks the slug and writes the file, refusing to replace an existing one.
    package static func write(_ text: String, name: String, slug given: String?, folder: String, fileExtension: String,
                      contentPath: String) -> Result<Written, DiagnosticError> {
        let slug = given ?? Slug.make(from: name)
        guard Slug.isValid(slug) else {
            if given != nil {
                return .failure(DiagnosticError(.error(
                    "'\(slug)' is not a slug", notes: ["a slug is lowercase ASCII letters and digits in dash-separated words"])))
            }
            return .failure(DiagnosticError(.error(
                "cannot make a file name from '\(name)'", notes: ["a file name is made from the name's Latin letters and digits, and it has none: "
                       + "choose one with --slug (as in --slug tokyo)"])))
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: contentPath, isDirectory: &isDirectory), isDirectory.boolValue else {
            return .failure(DiagnosticError(.error(
                "no content folder '\(contentPath)'", notes: ["run this in a site's folder, or name its content folder"])))
        }
        let recordFolder = SiteScaffold.joined(contentPath, folder)
        let path = SiteScaffold.joined(recordFolder, "\(slug).\(fileExtension)")
        if FileManager.default.fileExists(atPath: path) {
            return .failure(DiagnosticError(.error("'\(path)' already exists; it was left as it was",
                                                   notes: ["edit it, or choose another slug"])))
        }
        do {
            try FileManager.default.createDirectory(atPath: recordFolder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
        } catch {
            return .failure(DiagnosticError(.error("cannot write '\(path)': \(SiteScaffold.reason(error))")))
        }
        return .success(Written(path: path, slug: slug))
    }
}
