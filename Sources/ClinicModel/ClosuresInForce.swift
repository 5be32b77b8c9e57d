import ClinicBase
import ClinicContent

/// The closures and special hours that matter on one day (the build's `today`): derived from
/// `clinic.yml`'s entries, so the site shows them without anyone removing the past ones.
///
/// A page carries a little more than it shows on `today`, so that `assets/site.js` can keep it
/// right on the visitor's day when the site was built days before: the entries of the next
/// ``listDays`` days (shown or not), and the notes of the next ``noteDays`` days in the
/// weekly table. Each part says what it shows on `today`; the page does not carry `today`
/// itself, so a build on another day differs only where what is shown differs.
public struct ClosuresInForce: Sendable, Equatable {
    /// How far ahead the home and contact pages list closures and special hours.
    public static let listDays = 60
    /// How many days before a closure every page starts to show its notice.
    public static let noticeDays = 14
    /// How many days ahead the weekly table carries notes: two weeks, so the script can mark
    /// the visitor's week for a week after the build.
    public static let noteDays = 14

    /// A closure's notice, shown on every page from ``showFrom`` to its last day.
    public struct Notice: Sendable, Equatable {
        public var entry: DatedHours
        /// ``noticeDays`` days before the first day.
        public var showFrom: Day
        /// True when `today` is in the notice's days.
        public var shown: Bool
    }

    /// A day of the next ``noteDays`` days whose hours differ from the weekly table.
    public struct DayNote: Sendable, Equatable {
        public var day: Day
        public var entry: DatedHours
        /// True for a day of this week (`today` and the six days after it).
        public var shown: Bool
    }

    /// Entries not over whose first day is at most ``listDays`` days away, by first day.
    public let upcoming: [DatedHours]
    /// The notices of the closures among ``upcoming``.
    public let notices: [Notice]
    /// The notes of the weekly table, by day.
    public let dayNotes: [DayNote]
    /// Every entry not over yet, by first day: what search engines are told.
    public let current: [DatedHours]

    /// What `entries` mean on `today`.
    public init(_ entries: [DatedHours], today: Day) {
        let current = entries.filter { $0.to >= today }
            .sorted { ($0.from, $0.to, $0.location) < ($1.from, $1.to, $1.location) }
        let upcoming = current.filter { $0.from.days(since: today) <= Self.listDays }
        self.current = current
        self.upcoming = upcoming
        notices = upcoming.filter(\.isClosure).map { entry in
            let showFrom = entry.from.adding(days: -Self.noticeDays) ?? entry.from
            return Notice(entry: entry, showFrom: showFrom, shown: showFrom <= today)
        }
        dayNotes = Self.dayNotes(upcoming, today: today)
    }

    private static func dayNotes(_ entries: [DatedHours], today: Day) -> [DayNote] {
        var notes: [DayNote] = []
        for offset in 0..<noteDays {
            guard let day = today.adding(days: offset) else { break }
            // Entries that give one day twice agree (clinic.yml is checked for it): the first says it.
            if let entry = entries.first(where: { $0.covers(day) }) {
                notes.append(DayNote(day: day, entry: entry, shown: offset < 7))
            }
        }
        return notes
    }
}
