/// Counting days: the day a number of days away, the days between two days, the day of the
/// week. Closures and special hours are checked and shown day by day.
extension Day {
    /// Days since 1970-01-01 (negative before it), in the proleptic Gregorian calendar.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day with number `dayNumber` (see ``dayNumber``); nil outside the years 1 to 9999.
    public init?(dayNumber: Int) {
        // Howard Hinnant's civil_from_days.
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shifted + 2) / 5 + 1
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// The day `days` days later (earlier when negative); nil outside the years 1 to 9999.
    public func adding(days: Int) -> Day? {
        Day(dayNumber: dayNumber + days)
    }

    /// How many days after `other` this day is (negative when before it).
    public func days(since other: Day) -> Int {
        dayNumber - other.dayNumber
    }

    /// The day of the week, 0 for Monday to 6 for Sunday.
    public var weekdayIndex: Int {
        // 1970-01-01 was a Thursday (3).
        ((dayNumber % 7) + 7 + 3) % 7
    }

    /// `Thursday`
    public var weekdayName: String { Day.weekdayNames[weekdayIndex] }

    /// `December`
    public var monthName: String { Day.monthNames[month - 1] }

    package static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
}
