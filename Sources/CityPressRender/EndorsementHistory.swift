import CityPressCore
import CityPressLoad
import CityPressSite

/// How a declaration's list of signatories grew: how many endorsed at the meeting, and on which later
/// days how many more did. Drawn as a chart at build time (inline SVG: no script) and given as a table.
package struct EndorsementHistory: Sendable, Hashable {
    /// One day on which the list grew.
    package struct Step: Sendable, Hashable {
        package let date: CalendarDate
        /// Cities that endorsed that day.
        package let added: Int
        /// Cities that had endorsed by the end of that day.
        package let total: Int
    }

    /// The day of the meeting (the declaration's date).
    package let meeting: CalendarDate
    /// How many endorsed at the meeting.
    package let atTheMeeting: Int
    /// The later days, in order.
    package let steps: [Step]
    /// The date the list is complete to (the chart's right edge).
    package let asOf: CalendarDate

    /// The history of `declaration`; `nil` when every signatory endorsed at the meeting.
    package init?(of declaration: Declaration) {
        let later = declaration.endorsed.compactMap { $0 }
        guard !later.isEmpty else { return nil }
        var counts: [CalendarDate: Int] = [:]
        for date in later { counts[date, default: 0] += 1 }
        meeting = declaration.date
        atTheMeeting = declaration.endorsed.count - later.count
        var total = atTheMeeting
        steps = counts.keys.sorted().map { date in
            total += counts[date] ?? 0
            return Step(date: date, added: counts[date] ?? 0, total: total)
        }
        asOf = max(declaration.signatoriesAsOf ?? meeting, steps.last?.date ?? meeting)
    }

    /// How many endorsed after the meeting.
    package var since: Int { steps.last.map { $0.total - atTheMeeting } ?? 0 }

    /// The chart's text alternative: `38 at the meeting on 15 November 2022, 40 by 1 March 2024`.
    package func summary(in interface: Interface) -> String {
        interface.text(.historySummary, ("atTheMeeting", String(atTheMeeting)), ("meeting", interface.date(meeting)),
                       ("total", String(steps.last?.total ?? atTheMeeting)), ("asOf", interface.date(asOf)))
    }

    /// The chart: a step line of the number of signatories from the meeting to `asOf`, with a dot on
    /// each day the list grew. Sized by its `viewBox`, coloured by the stylesheet (`.endorsement-chart`).
    package func chartSVG(id: String, in interface: Interface) -> String {
        let width = 640, height = 200, left = 56, right = 24, top = 20, bottom = 44
        let first = meeting.dayNumber, span = max(1, asOf.dayNumber - first)
        let most = max(1, steps.last?.total ?? atTheMeeting)
        func x(_ date: CalendarDate) -> Int { left + (date.dayNumber - first) * (width - left - right) / span }
        func y(_ count: Int) -> Int { height - bottom - count * (height - top - bottom) / most }
        var path = "M\(x(meeting)) \(y(atTheMeeting))"
        var dots = "<circle cx=\"\(x(meeting))\" cy=\"\(y(atTheMeeting))\" r=\"4\"/>"
        for step in steps {
            path += " H\(x(step.date)) V\(y(step.total))"
            dots += "<circle cx=\"\(x(step.date))\" cy=\"\(y(step.total))\" r=\"4\"/>"
        }
        path += " H\(x(asOf))"
        let title = MarkupEscaping.escape(interface.text(.endorsementsOverTime) + " " + summary(in: interface))
        let axis = height - bottom
        return """
        <svg class="endorsement-chart" viewBox="0 0 \(width) \(height)" role="img" aria-labelledby="\(id)">\
        <title id="\(id)">\(title)</title>\
        <g class="axis"><line x1="\(left)" y1="\(axis)" x2="\(width - right)" y2="\(axis)"/>\
        <line x1="\(left)" y1="\(top)" x2="\(left)" y2="\(axis)"/></g>\
        <g class="grid"><line x1="\(left)" y1="\(y(most))" x2="\(width - right)" y2="\(y(most))"/></g>\
        <g class="labels" aria-hidden="true">\
        <text x="\(left - 8)" y="\(y(most) + 5)" text-anchor="end">\(most)</text>\
        <text x="\(left - 8)" y="\(axis + 5)" text-anchor="end">0</text>\
        <text x="\(left)" y="\(height - 16)" text-anchor="start">\(MarkupEscaping.escape(interface.date(meeting)))</text>\
        <text x="\(width - right)" y="\(height - 16)" text-anchor="end">\(MarkupEscaping.escape(interface.date(asOf)))</text></g>\
        <path class="line" d="\(path)"/><g class="dots">\(dots)</g></svg>
        """
    }
}
