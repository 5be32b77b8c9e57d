import ClinicBase
/// How often aftercare advice should be reviewed: `review_interval` in `clinic.yml`, written
/// as a whole number of months or years (`6 months`, `12 months`, `1 year`, `2 years`).
/// `clinicsite check` warns about pages reviewed longer ago than this.
public struct ReviewInterval: Sendable, Hashable, CustomStringConvertible {
    /// The interval in months, at least 1.
    public var months: Int

    /// Twelve months.
    public static let standard = ReviewInterval(months: 12)

    /// An interval of `months` months (at least 1).
    public init(months: Int) {
        self.months = max(1, months)
    }

    /// Parses `N month(s)` or `N year(s)` with N a whole number of at least 1; nil otherwise.
    public init?(_ text: String) {
        let parts = text.trimmingWhitespace().lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard parts.count == 2, parts[0].allSatisfy({ $0.isASCII && $0.isNumber }),
              let count = Int(parts[0]), (1...1200).contains(count) else { return nil }
        switch parts[1] {
        case "month", "months": self.init(months: count)
        case "year", "years": self.init(months: count * 12)
        default: return nil
        }
    }

    /// True when a page reviewed on `reviewed` is due for another review on `today`: more
    /// than this interval has passed.
    public func isOverdue(reviewed: Day, today: Day) -> Bool {
        reviewed.adding(months: months) < today
    }

    /// `12 months`, `1 month`
    public var description: String { months == 1 ? "1 month" : "\(months) months" }
}
