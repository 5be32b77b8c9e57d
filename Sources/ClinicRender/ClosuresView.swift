import ClinicBase
import ClinicContent
import ClinicModel
import ClinicMustache

/// The closures and special hours as every page shows them (`closures.*`): the list for the
/// home and contact pages, and the notices at the top of every page. Each item carries its
/// dates for `assets/site.js` and whether it shows on the build's day; the notes in the weekly
/// table are on ``ClinicView/Day/notes``.
public struct ClosuresView: Sendable, Equatable {
    /// An entry of the list: `Closed Thursday 24 to Sunday 27 December: Closed for the holidays`.
    public struct Entry: Sendable, Equatable {
        public var text: String
        /// The first and last days, `2026-12-24`.
        public var from, to: String
        public var closed: Bool
    }

    /// A closure's notice, shown from `showFrom` to `to`.
    public struct Notice: Sendable, Equatable {
        public var text: String
        public var showFrom, to: String
        /// Shown on the build's day.
        public var shown: Bool
    }

    /// A note in the weekly table: `Closed on 24 December: Closed for the holidays`.
    public struct DayNote: Sendable, Equatable {
        public var text: String
        /// The day it is about, `2026-12-24`.
        public var date: String
        /// Shown on the build's day (the day is in the week starting then).
        public var shown: Bool
    }

    public var upcoming: [Entry]
    public var notices: [Notice]

    /// The list and the notices of `closures`.
    init(_ closures: ClosuresInForce) {
        upcoming = closures.upcoming.map { Entry(text: Self.sentence($0), from: $0.from.iso, to: $0.to.iso, closed: $0.isClosure) }
        notices = closures.notices.map { Notice(text: Self.sentence($0.entry), showFrom: $0.showFrom.iso, to: $0.entry.to.iso, shown: $0.shown) }
    }

    /// `Closed Thursday 24 to Sunday 27 December: Closed for the holidays`,
    /// `Open 09:00–13:00 on Thursday 31 December: New Year's Eve`.
    static func sentence(_ entry: DatedHours) -> String {
        let days = entry.from == entry.to ? dayText(entry.from, year: false) : spanText(entry.from, entry.to)
        let start = switch entry.hours {
        case .closed: "Closed \(days)"
        case .open: "Open \(entry.hoursText) \(entry.from == entry.to ? "on" : "from") \(days)"
        }
        return start + (entry.note.map { ": " + $0 } ?? "")
    }

    /// The note for `day` in the weekly table: `Closed on 24 December`, `Open 09:00–13:00 on
    /// 31 December`, with the entry's note after a colon.
    static func note(_ day: Day, _ entry: DatedHours) -> String {
        let start = entry.isClosure ? "Closed" : "Open \(entry.hoursText)"
        return start + " on \(day.day) \(day.monthName)" + (entry.note.map { ": " + $0 } ?? "")
    }

    /// `Thursday 24 to Sunday 27 December`, `Monday 30 November to Wednesday 2 December`,
    /// `Thursday 31 December 2026 to Saturday 2 January 2027`.
    static func spanText(_ from: Day, _ to: Day) -> String {
        if from.year != to.year { return dayText(from, year: true) + " to " + dayText(to, year: true) }
        if from.month != to.month { return dayText(from, year: false) + " to " + dayText(to, year: false) }
        return "\(from.weekdayName) \(from.day) to " + dayText(to, year: false)
    }

    /// `Thursday 24 December`, or `Thursday 24 December 2026`.
    static func dayText(_ day: Day, year: Bool) -> String {
        "\(day.weekdayName) \(day.day) \(day.monthName)" + (year ? " \(day.year)" : "")
    }
}

extension ClinicView {
    /// The weekly table with the notes of `closures`: each day of the week gets the notes of
    /// its dates among the next two weeks.
    func noting(_ closures: ClosuresInForce) -> ClinicView {
        guard var hours, !closures.dayNotes.isEmpty else { return self }
        for note in closures.dayNotes {
            hours[note.day.weekdayIndex].notes.append(
                ClosuresView.DayNote(text: ClosuresView.note(note.day, note.entry), date: note.day.iso, shown: note.shown))
        }
        var view = self
        view.hours = hours
        return view
    }
}

extension ClosuresView: MustacheModel {
    public static let mustacheSchema: MustacheSchema<ClosuresView> = {
        MustacheSchema("closures", [
            "upcoming": .list { $0.upcoming }, "has_upcoming": .bool { !$0.upcoming.isEmpty },
            "notices": .list { $0.notices }, "has_notices": .bool { !$0.notices.isEmpty },
            "notice_shown": .bool { $0.notices.contains(where: \.shown) },
        ])
    }()
}

extension ClosuresView.Entry: MustacheModel {
    public static let mustacheSchema: MustacheSchema<ClosuresView.Entry> = {
        MustacheSchema("closure or special hours", [
            "text": .text { $0.text }, "from": .text { $0.from }, "to": .text { $0.to }, "closed": .bool { $0.closed },
        ])
    }()
}

extension ClosuresView.Notice: MustacheModel {
    public static let mustacheSchema: MustacheSchema<ClosuresView.Notice> = {
        MustacheSchema("closure notice", [
            "text": .text { $0.text }, "show_from": .text { $0.showFrom }, "to": .text { $0.to }, "shown": .bool { $0.shown },
        ])
    }()
}

extension ClosuresView.DayNote: MustacheModel {
    public static let mustacheSchema: MustacheSchema<ClosuresView.DayNote> = {
        MustacheSchema("opening hours note", [
            "text": .text { $0.text }, "date": .text { $0.date }, "shown": .bool { $0.shown },
        ])
    }()
}
