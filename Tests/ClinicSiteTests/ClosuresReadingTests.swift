import ClinicSiteTestSupport
import Testing
@testable import ClinicBase
@testable import ClinicContent

@Suite("closures and special_hours in clinic.yml")
struct ClosuresReadingTests {
    func read(_ yaml: String) -> (Clinic?, [Diagnostic]) {
        Clinic.read(source("name: X\nurl: https://example.org/\n" + yaml, path: "content/clinic.yml"))
    }

    @Test("days are counted across months, years and leap days; weekdays are right")
    func dayArithmetic() throws {
        let christmasEve = try #require(Day("2026-12-24"))
        #expect(christmasEve.weekdayName == "Thursday")
        #expect(christmasEve.adding(days: 8)?.iso == "2027-01-01")
        #expect(christmasEve.adding(days: -14)?.iso == "2026-12-10")
        #expect(Day("2028-02-28")?.adding(days: 1)?.iso == "2028-02-29")
        #expect(Day("2027-02-28")?.adding(days: 1)?.iso == "2027-03-01")
        #expect(Day("2027-03-01")!.days(since: Day("2026-12-31")!) == 60)
        #expect(Day("1970-01-01")?.dayNumber == 0)
        #expect(Day("1970-01-01")?.weekdayName == "Thursday")
        #expect(Day("2000-02-29")?.weekdayName == "Tuesday")
        #expect(Day("9999-12-31")?.adding(days: 1) == nil)
        #expect(Day("0001-01-01")?.weekdayName == "Monday")
        var day = try #require(Day("1999-12-25"))
        for _ in 0..<1000 {
            let next = try #require(day.adding(days: 1))
            #expect(next.dayNumber == day.dayNumber + 1 && next > day && (next.weekdayIndex + 6) % 7 == day.weekdayIndex)
            day = next
        }
        #expect(day.iso == "2002-09-20")
    }

    @Test("both lists read, in the issue's form and as block mappings")
    func valid() throws {
        let (clinic, diagnostics) = read("""
        closures:
          - { from: 2026-12-24, to: 2026-12-27, note: Closed for the holidays }
          - { date: 2027-01-15, note: Staff training }
          - date: 2027-01-01
        special_hours:
          - { date: 2026-12-31, hours: "09:00-13:00", note: New Year's Eve }
          - from: 2026-12-28
            to: 2026-12-30
            hours: "09:00-12:00, 13:00-15:00"
        """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let entries = try #require(clinic).datedHours
        #expect(entries.map { "\($0.field) \($0.from)…\($0.to) \($0.hoursText) \($0.note ?? "-") @\($0.location)" } == [
            "closures[1] 2026-12-24…2026-12-27 closed Closed for the holidays @content/clinic.yml:4:5",
            "closures[2] 2027-01-15…2027-01-15 closed Staff training @content/clinic.yml:5:5",
            "closures[3] 2027-01-01…2027-01-01 closed - @content/clinic.yml:6:5",
            "special_hours[1] 2026-12-31…2026-12-31 09:00–13:00 New Year's Eve @content/clinic.yml:8:5",
            "special_hours[2] 2026-12-28…2026-12-30 09:00–12:00 and 13:00–15:00 - @content/clinic.yml:9:5",
        ])
    }

    @Test("each entry's problems at their places: dates that do not exist, from after to, missing or doubled days, hours")
    func entryProblems() {
        let (clinic, diagnostics) = read("""
        closures:
          - { date: 2026-02-30, note: Bad }
          - { from: 2026-12-27, to: 2026-12-24 }
          - { note: No days }
          - { date: 2026-12-01, from: 2026-12-01, to: 2026-12-02 }
          - { from: 2026-12-01 }
          - { date: 2026-12-05, hours: "09:00-12:00" }
        special_hours:
          - { date: 2026-12-31, hours: "9am-1pm" }
          - { date: 2027-01-02, hours: closed }
          - { date: 2027-01-03 }
          - { date: 2027-01-04, hours: "13:00-09:00" }
        """)
        #expect(clinic != nil)
        #expect(diagnostics.sorted().map(\.description) == [
            "content/clinic.yml:4:13: 'closures[1].date' is not a date: '2026-02-30' (expected YYYY-MM-DD, e.g. 2026-03-14)",
            "content/clinic.yml:5:29: 'closures[2].to' (2026-12-24) is before 'from' (2026-12-27)",
            "content/clinic.yml:6:5: 'closures[3]' needs a 'date' (one day) or 'from' and 'to' (several days)",
            "content/clinic.yml:7:5: 'closures[4]' gives both 'date' and 'from': use 'date' for one day, or 'from' and 'to' for several",
            "content/clinic.yml:8:5: 'closures[5]' has 'from' but no 'to' (for one day, write 'date')",
            "content/clinic.yml:9:25: warning: unknown field 'closures[6].hours' is ignored",
            "content/clinic.yml:11:32: special_hours[1].hours: '9am-1pm' is not a time range (expected HH:MM-HH:MM, e.g. 09:00-17:00, or 'closed')",
            "content/clinic.yml:12:32: special_hours[2].hours: a day the clinic is closed goes under 'closures', not 'special_hours'",
            "content/clinic.yml:13:5: missing required field 'special_hours[3].hours'",
            "content/clinic.yml:14:32: special_hours[4].hours: '13:00-09:00' closes before it opens",
        ])
    }

    @Test("a day given twice: two closures agree; a closure and special hours, or two different special hours, do not")
    func disagreements() {
        let (_, diagnostics) = read("""
        closures:
          - { from: 2026-12-24, to: 2026-12-27, note: Closed for the holidays }
          - { date: 2026-12-25, note: Christmas Day }
        special_hours:
          - { date: 2026-12-26, hours: "10:00-12:00" }
          - { date: 2027-01-03, hours: "09:00-13:00" }
          - { date: 2027-01-03, hours: "09:00-13:00", note: The same hours }
          - { from: 2027-01-01, to: 2027-01-05, hours: "10:00-13:00" }
        closures_later: no
        """)
        #expect(diagnostics.sorted().map(\.description) == [
            "content/clinic.yml:7:5: 'special_hours[1]' opens 2026-12-26 10:00–12:00, but 'closures[1]' (line 4) closes it: give each day once, closed or with its hours",
            "content/clinic.yml:10:5: 'special_hours[4]' opens 2027-01-03 10:00–13:00, but 'special_hours[2]' (line 8) opens it 09:00–13:00: give each day once, closed or with its hours",
            "content/clinic.yml:11:1: warning: unknown field 'closures_later' is ignored",
        ])
    }

    @Test("special hours written before the closure they clash with: the entry written later is blamed")
    func laterEntryIsBlamed() {
        let (_, diagnostics) = read("""
        special_hours:
          - { date: 2026-12-31, hours: "09:00-13:00" }
        closures:
          - { from: 2026-12-30, to: 2027-01-01 }
        """)
        #expect(diagnostics.map(\.description) == [
            "content/clinic.yml:6:5: 'closures[1]' closes 2026-12-31, but 'special_hours[1]' (line 4) opens it 09:00–13:00: give each day once, closed or with its hours",
        ])
    }

    @Test("not a list: an error at the value")
    func notAList() {
        let (_, diagnostics) = read("closures: 2026-12-24\n")
        #expect(diagnostics.map(\.description) == [
            "content/clinic.yml:3:11: 'closures' should be a list (each item starting with '- ')",
        ])
    }
}
