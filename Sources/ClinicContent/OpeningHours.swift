import ClinicBase
/// A day of the week.
public enum Weekday: String, Sendable, CaseIterable, Comparable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    /// `Monday`
    public var name: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A time of day, `HH:MM` (24:00 allowed as a closing time).
public struct TimeOfDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var hour: Int
    public var minute: Int

    /// Parses `HH:MM` or `H:MM`.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              let hour = Int(parts[0]), let minute = Int(parts[1]),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              (0...24).contains(hour), (0...59).contains(minute), hour < 24 || minute == 0 else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// `09:00`
    public var description: String {
        (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool {
        (lhs.hour, lhs.minute) < (rhs.hour, rhs.minute)
    }
}

/// One opening period in a day.
public struct OpeningRange: Hashable, Sendable {
    public var opens: TimeOfDay
    public var closes: TimeOfDay

    /// `09:00–17:00`
    public var text: String { "\(opens)–\(closes)" }
}

/// The clinic's week: each day's opening ranges, empty when closed.
public struct OpeningHours: Sendable, Equatable {
    /// Every weekday, Monday first. A day not listed in `clinic.yml` is closed.
    public var days: [(weekday: Weekday, ranges: [OpeningRange])]

    public static func == (lhs: OpeningHours, rhs: OpeningHours) -> Bool {
        lhs.days.map(\.weekday) == rhs.days.map(\.weekday) && lhs.days.map(\.ranges) == rhs.days.map(\.ranges)
    }

    /// Parses one day's value: `"09:00-17:00"`, `"09:00-12:00, 13:00-18:00"` or `closed`.
    /// Returns nil with a reason when the text is not valid.
    public static func parseDay(_ text: String) -> Result<[OpeningRange], HoursError> {
        let trimmed = text.trimmingWhitespace()
        if trimmed.lowercased() == "closed" { return .success([]) }
        var ranges: [OpeningRange] = []
        for part in trimmed.split(separator: ",") {
            let range = part.trimmingWhitespace()
            let ends = range.split(separator: "-", omittingEmptySubsequences: false)
                .flatMap { $0.split(separator: "–", omittingEmptySubsequences: false) }
            guard ends.count == 2, let opens = TimeOfDay(ends[0].trimmingWhitespace()),
                  let closes = TimeOfDay(ends[1].trimmingWhitespace()) else {
                return .failure(HoursError(message: "'\(range)' is not a time range (expected HH:MM-HH:MM, e.g. 09:00-17:00, or 'closed')"))
            }
            guard opens < closes else {
                return .failure(HoursError(message: "'\(range)' closes before it opens"))
            }
            if let last = ranges.last, opens < last.closes {
                return .failure(HoursError(message: "'\(range)' overlaps the range before it"))
            }
            ranges.append(OpeningRange(opens: opens, closes: closes))
        }
        guard !ranges.isEmpty else {
            return .failure(HoursError(message: "no opening hours given (expected HH:MM-HH:MM or 'closed')"))
        }
        return .success(ranges)
    }

    /// Why a day's hours could not be read.
    public struct HoursError: Error {
        public var message: String
    }
}
