import ClinicBase

/// Days whose hours differ from the weekly table: one entry of `closures` (the clinic is
/// closed) or of `special_hours` (it is open other hours) in `clinic.yml`.
///
/// ```yaml
/// closures:
///   - { from: 2026-12-24, to: 2026-12-27, note: Closed for the holidays }
///   - { date: 2027-01-15, note: Staff training }
/// special_hours:
///   - { date: 2026-12-31, hours: "09:00-13:00", note: New Year's Eve }
/// ```
public struct DatedHours: Sendable, Equatable {
    /// What the clinic does on these days.
    public enum Hours: Sendable, Equatable {
        /// Closed all day.
        case closed
        /// Open these periods instead of the weekly table's.
        case open([OpeningRange])
    }

    /// The first day (`from`, or `date` for one day).
    public var from: Day
    /// The last day, not before `from` (`to`, or `date`).
    public var to: Day
    public var hours: Hours
    /// Why, in the owner's words (`Closed for the holidays`).
    public var note: String?
    /// The entry's name in messages: `closures[2]`, `special_hours[1]`.
    public var field: String
    /// Where the entry starts in `clinic.yml`.
    public var location: SourceLocation

    /// Creates an entry.
    public init(from: Day, to: Day, hours: Hours, note: String?, field: String, location: SourceLocation) {
        self.from = from
        self.to = to
        self.hours = hours
        self.note = note
        self.field = field
        self.location = location
    }

    /// True for a closure.
    public var isClosure: Bool { hours == .closed }

    /// True when `day` is one of this entry's days.
    public func covers(_ day: Day) -> Bool {
        from <= day && day <= to
    }

    /// The opening periods on these days, empty when closed.
    public var ranges: [OpeningRange] {
        if case .open(let ranges) = hours { ranges } else { [] }
    }

    /// `09:00–13:00` or `09:00–12:00 and 13:00–15:00`; `closed` for a closure.
    public var hoursText: String {
        switch hours {
        case .closed: "closed"
        case .open(let ranges): ranges.map(\.text).joined(separator: " and ")
        }
    }
}
