import CityPressCore
import CityPressMarkdown

/// A calendar day written `YYYY-MM-DD`, with no time and no time zone.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    /// Parses exactly `YYYY-MM-DD` naming a real day; `nil` otherwise.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Why `text`, written as `YYYY-MM-DD`, names no day (`February 2025 has 28 days`); `nil` when it
    /// is not written so, or is a day.
    public static func whyNoDay(_ text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        guard (1...12).contains(month) else { return "there is no month \(parts[1]): months go from 01 to 12" }
        let days = daysIn(month: month, year: year)
        guard day >= 1, day <= days else { return "\(monthNames[month - 1]) \(parts[0]) has \(days) days" }
        return nil
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `2022-11-15`.
    public var description: String {
        let y = String(year), m = month < 10 ? "0\(month)" : "\(month)", d = day < 10 ? "0\(day)" : "\(day)"
        return "\(String(repeating: "0", count: max(0, 4 - y.count)))\(y)-\(m)-\(d)"
    }

    /// `15 November 2022`.
    public var longForm: String { "\(day) \(Self.monthNames[month - 1]) \(year)" }

    /// A span of days for a title block: `15–16 November 2022`, `30 September – 2 October 2023`.
    public static func span(from start: CalendarDate, to end: CalendarDate?) -> String {
        guard let end, end != start else { return start.longForm }
        if start.year == end.year && start.month == end.month {
            return "\(start.day)–\(end.day) \(Self.monthNames[end.month - 1]) \(end.year)"
        }
        if start.year == end.year {
            return "\(start.day) \(Self.monthNames[start.month - 1]) – \(end.longForm)"
        }
        return "\(start.longForm) – \(end.longForm)"
    }

    /// Days since 1970-01-01 (negative before it), for spacing dates on a time axis.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil: years start in March, so the leap day ends a year.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
