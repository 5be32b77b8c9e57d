import ClinicSiteTestSupport
import Foundation
import Testing
@testable import ClinicBase
@testable import ClinicContent
@testable import ClinicModel
@testable import ClinicRender
@testable import ClinicOutput
@testable import ClinicBuild
@testable import ClinicCheck

/// The demo clinic's pages and theme with a `clinic.yml` of the test's own, built as if today
/// were a given day (`--today`).
struct ClosuresSite {
    static let clinic = """
    name: Test Clinic
    url: https://clinic.example/
    hours:
      monday: "09:00-17:00"
      tuesday: "09:00-17:00"
      wednesday: "09:00-17:00"
      thursday: "11:00-19:00"
      friday: "09:00-17:00"
      saturday: "10:00-14:00"
      sunday: closed
    closures:
      - { from: 2026-12-24, to: 2026-12-27, note: Closed for the holidays }
      - { date: 2027-01-15, note: Staff training }
    special_hours:
      - { date: 2026-12-20, hours: "10:00-14:00", note: An extra Sunday }

    """

    let folder: TemporaryFolder
    let path: String

    init(_ clinic: String = ClosuresSite.clinic) throws {
        folder = try TemporaryFolder()
        path = try folder.copySite(nil)
        try write(clinic)
    }

    func write(_ clinic: String) throws {
        try folder.write(clinic, to: "site-folder/content/clinic.yml")
    }

    static func options(_ day: String) -> BuildOptions {
        BuildOptions(today: Day(day)!, parallel: false)
    }

    /// Every output of a build on `day`.
    func build(_ day: String) throws -> [String: [UInt8]] {
        let sink = MemorySink()
        _ = try SiteBuilder.render(folder: SiteFolder(path), options: Self.options(day), into: sink)
        return sink.files
    }

    /// What the home page of a build on `day` says about closures (see ``ClosuresSite/summary(_:)``).
    func summary(_ day: String) throws -> [String] {
        let files = try build(day)
        let home = String(decoding: files["index.html"]!, as: UTF8.self)
        return Self.summary(home)
    }

    /// One line for each thing a page says about closures and special hours, in page order:
    /// the notice at the top (`notice: shown`/`hidden`) and each of its paragraphs, the list
    /// above the weekly table, the notes in the footer's weekly table, and the clinic's
    /// `specialOpeningHoursSpecification`. Hidden items say so.
    static func summary(_ page: String) -> [String] {
        var lines: [String] = []
        func shown(_ hidden: Substring?) -> String { hidden == nil ? "" : " (hidden)" }
        if let box = page.firstMatch(of: /data-closure-notice( hidden)?>/) {
            lines.append("notice: " + (box.1 == nil ? "shown" : "hidden"))
        }
        for item in page.matches(of: /<p data-show-from="([^"]+)" data-to="([^"]+)"( hidden)?>([^<]*)<\/p>/) {
            lines.append("notice\(shown(item.3)): \(item.4) (\(item.1)…\(item.2))")
        }
        for item in page.matches(of: /<li data-from="([^"]+)" data-to="([^"]+)"(?: class="closed")?>([^<]*)<\/li>/) {
            lines.append("list: \(item.3) (\(item.1)…\(item.2))")
        }
        let footer = page[(page.range(of: "<footer")?.lowerBound ?? page.endIndex)...]
        for row in footer.matches(of: /<tr class="day-(\w+)[^"]*">\s*<th scope="row">\w+<\/th>\s*<td>(.*?)<\/td>/) {
            for note in row.2.matches(of: /<strong class="hours-note" data-date="([^"]+)"( hidden)?>([^<]*)<\/strong>/) {
                lines.append("\(row.1)\(shown(note.2)): \(note.3) (\(note.1))")
            }
        }
        for special in specialHours(page) { lines.append("json-ld: " + special) }
        return lines
    }

    /// The clinic node's `specialOpeningHoursSpecification`, parsed back from the page's JSON-LD:
    /// `opens–closes validFrom…validThrough` for each.
    static func specialHours(_ page: String) -> [String] {
        guard let script = page.firstMatch(of: /<script type="application\/ld\+json">(.*?)<\/script>/),
              let json = try? JSONSerialization.jsonObject(with: Data(script.1.utf8)) as? [String: Any],
              let graph = json["@graph"] as? [[String: Any]],
              let clinic = graph.first(where: { ($0["@id"] as? String)?.hasSuffix("#clinic") == true }) else { return ["no clinic node"] }
        let specifications = clinic["specialOpeningHoursSpecification"] as? [[String: Any]] ?? []
        return specifications.map { spec in
            "\(spec["opens"] ?? "?")–\(spec["closes"] ?? "?") \(spec["validFrom"] ?? "?")…\(spec["validThrough"] ?? "?")"
                + ((spec["@type"] as? String) == "OpeningHoursSpecification" ? "" : " (not an OpeningHoursSpecification)")
        }
    }

    /// The notice block of a page (empty when there is none).
    static func notice(_ page: String) -> String {
        guard let start = page.range(of: "<div class=\"closure-notice"),
              let end = page.range(of: "</div>\n</div>", range: start.upperBound..<page.endIndex) else { return "" }
        return String(page[start.lowerBound..<end.upperBound])
    }
}

@Suite("Closures and special hours on the site, day by day (--today)")
struct ClosuresOnTheSiteTests {
    let holidays = "Closed Thursday 24 to Sunday 27 December: Closed for the holidays"
    let training = "Closed Friday 15 January: Staff training"
    let sunday = "Open 10:00–14:00 on Sunday 20 December: An extra Sunday"

    @Test("15 days before a closure: listed, its notice carried but hidden")
    func fifteenDaysBefore() throws {
        #expect(try ClosuresSite().summary("2026-12-09") == [
            "notice: hidden",
            "notice (hidden): \(holidays) (2026-12-10…2026-12-27)",
            "notice (hidden): \(training) (2027-01-01…2027-01-15)",
            "list: \(sunday) (2026-12-20…2026-12-20)",
            "list: \(holidays) (2026-12-24…2026-12-27)",
            "list: \(training) (2027-01-15…2027-01-15)",
            "sunday (hidden): Open 10:00–14:00 on 20 December: An extra Sunday (2026-12-20)",
            "json-ld: 10:00–14:00 2026-12-20…2026-12-20",
            "json-ld: 00:00–00:00 2026-12-24…2026-12-27",
            "json-ld: 00:00–00:00 2027-01-15…2027-01-15",
        ])
    }

    @Test("14 days before a closure: its notice on every page")
    func fourteenDaysBefore() throws {
        let site = try ClosuresSite()
        #expect(try site.summary("2026-12-10") == [
            "notice: shown",
            "notice: \(holidays) (2026-12-10…2026-12-27)",
            "notice (hidden): \(training) (2027-01-01…2027-01-15)",
            "list: \(sunday) (2026-12-20…2026-12-20)",
            "list: \(holidays) (2026-12-24…2026-12-27)",
            "list: \(training) (2027-01-15…2027-01-15)",
            "sunday (hidden): Open 10:00–14:00 on 20 December: An extra Sunday (2026-12-20)",
            "json-ld: 10:00–14:00 2026-12-20…2026-12-20",
            "json-ld: 00:00–00:00 2026-12-24…2026-12-27",
            "json-ld: 00:00–00:00 2027-01-15…2027-01-15",
        ])
        let files = try site.build("2026-12-10")
        let pages = files.keys.filter { $0.hasSuffix(".html") }.sorted()
        #expect(pages.count == 10)
        let home = ClosuresSite.notice(String(decoding: files["index.html"]!, as: UTF8.self))
        #expect(home.contains(">\(holidays)</p>"))
        for page in pages {
            #expect(ClosuresSite.notice(String(decoding: files[page]!, as: UTF8.self)) == home, "\(page)")
        }
    }

    @Test("a closure's first day: the notice, the list, and this week's days marked in the weekly table")
    func firstDay() throws {
        #expect(try ClosuresSite().summary("2026-12-24") == [
            "notice: shown",
            "notice: \(holidays) (2026-12-10…2026-12-27)",
            "notice (hidden): \(training) (2027-01-01…2027-01-15)",
            "list: \(holidays) (2026-12-24…2026-12-27)",
            "list: \(training) (2027-01-15…2027-01-15)",
            "thursday: Closed on 24 December: Closed for the holidays (2026-12-24)",
            "friday: Closed on 25 December: Closed for the holidays (2026-12-25)",
            "saturday: Closed on 26 December: Closed for the holidays (2026-12-26)",
            "sunday: Closed on 27 December: Closed for the holidays (2026-12-27)",
            "json-ld: 00:00–00:00 2026-12-24…2026-12-27",
            "json-ld: 00:00–00:00 2027-01-15…2027-01-15",
        ])
    }

    @Test("a closure's last day: still shown")
    func lastDay() throws {
        #expect(try ClosuresSite().summary("2026-12-27") == [
            "notice: shown",
            "notice: \(holidays) (2026-12-10…2026-12-27)",
            "notice (hidden): \(training) (2027-01-01…2027-01-15)",
            "list: \(holidays) (2026-12-24…2026-12-27)",
            "list: \(training) (2027-01-15…2027-01-15)",
            "sunday: Closed on 27 December: Closed for the holidays (2026-12-27)",
            "json-ld: 00:00–00:00 2026-12-24…2026-12-27",
            "json-ld: 00:00–00:00 2027-01-15…2027-01-15",
        ])
    }

    @Test("the day after a closure: gone from every part, search engines included")
    func dayAfter() throws {
        #expect(try ClosuresSite().summary("2026-12-28") == [
            "notice: hidden",
            "notice (hidden): \(training) (2027-01-01…2027-01-15)",
            "list: \(training) (2027-01-15…2027-01-15)",
            "json-ld: 00:00–00:00 2027-01-15…2027-01-15",
        ])
    }

    @Test("a one-day closure: 15 and 14 days before, the day, the day after")
    func oneDay() throws {
        let site = try ClosuresSite()
        #expect(try site.summary("2026-12-31") == [
            "notice: hidden",
            "notice (hidden): \(training) (2027-01-01…2027-01-15)",
            "list: \(training) (2027-01-15…2027-01-15)",
            "json-ld: 00:00–00:00 2027-01-15…2027-01-15",
        ])
        #expect(try site.summary("2027-01-01") == [
            "notice: shown",
            "notice: \(training) (2027-01-01…2027-01-15)",
            "list: \(training) (2027-01-15…2027-01-15)",
            "json-ld: 00:00–00:00 2027-01-15…2027-01-15",
        ])
        #expect(try site.summary("2027-01-15") == [
            "notice: shown",
            "notice: \(training) (2027-01-01…2027-01-15)",
            "list: \(training) (2027-01-15…2027-01-15)",
            "friday: Closed on 15 January: Staff training (2027-01-15)",
            "json-ld: 00:00–00:00 2027-01-15…2027-01-15",
        ])
        let after = try site.build("2027-01-16")
        let home = String(decoding: after["index.html"]!, as: UTF8.self)
        #expect(ClosuresSite.summary(home) == [])
        #expect(!home.contains("specialOpeningHoursSpecification"))
        #expect(!home.contains("closure"))
        #expect(!home.contains("hours-note"))
    }

    @Test("special hours on a day the weekly table says closed: listed and noted in the row, no notice")
    func openOnAClosedDay() throws {
        let site = try ClosuresSite()
        #expect(try site.summary("2026-12-20") == [
            "notice: shown",
            "notice: \(holidays) (2026-12-10…2026-12-27)",
            "notice (hidden): \(training) (2027-01-01…2027-01-15)",
            "list: \(sunday) (2026-12-20…2026-12-20)",
            "list: \(holidays) (2026-12-24…2026-12-27)",
            "list: \(training) (2027-01-15…2027-01-15)",
            "thursday: Closed on 24 December: Closed for the holidays (2026-12-24)",
            "friday: Closed on 25 December: Closed for the holidays (2026-12-25)",
            "saturday: Closed on 26 December: Closed for the holidays (2026-12-26)",
            "sunday: Open 10:00–14:00 on 20 December: An extra Sunday (2026-12-20)",
            "sunday (hidden): Closed on 27 December: Closed for the holidays (2026-12-27)",
            "json-ld: 10:00–14:00 2026-12-20…2026-12-20",
            "json-ld: 00:00–00:00 2026-12-24…2026-12-27",
            "json-ld: 00:00–00:00 2027-01-15…2027-01-15",
        ])
        let home = String(decoding: try site.build("2026-12-20")["index.html"]!, as: UTF8.self)
        #expect(home.contains("""
        <tr class="day-sunday closed differs">
                    <th scope="row">Sunday</th>
                    <td>Closed<strong class="hours-note" data-date="2026-12-20">Open 10:00–14:00 on 20 December: An extra Sunday</strong>
        """))
    }

    @Test("the contact page lists them above the weekly table, as the home page does")
    func contactPage() throws {
        let files = try ClosuresSite().build("2026-12-24")
        let contact = String(decoding: files["contact/index.html"]!, as: UTF8.self)
        let list = try #require(contact.range(of: "<li data-from=\"2026-12-24\" data-to=\"2026-12-27\" class=\"closed\">\(holidays)</li>"))
        let table = try #require(contact.range(of: "<table class=\"hours\">"))
        #expect(list.upperBound < table.lowerBound)
        #expect(contact.contains("<h3>Closures and special hours</h3>"))
        let about = String(decoding: files["about/index.html"]!, as: UTF8.self)
        #expect(!about.contains("<li data-from="), "other pages carry the notice, not the list")
    }

    @Test("plain words: one day, days in a month, across months and across years, hours and notes")
    func sentences() throws {
        func entry(_ from: String, _ to: String, _ hours: DatedHours.Hours = .closed, note: String? = nil) -> DatedHours {
            DatedHours(from: Day(from)!, to: Day(to)!, hours: hours, note: note, field: "closures[1]", location: SourceLocation(path: "x"))
        }
        let morning = DatedHours.Hours.open([OpeningRange(opens: TimeOfDay("09:00")!, closes: TimeOfDay("13:00")!)])
        let split = DatedHours.Hours.open([OpeningRange(opens: TimeOfDay("09:00")!, closes: TimeOfDay("12:00")!),
                                           OpeningRange(opens: TimeOfDay("13:00")!, closes: TimeOfDay("15:00")!)])
        #expect(ClosuresView.sentence(entry("2027-01-15", "2027-01-15", note: "Staff training")) == "Closed Friday 15 January: Staff training")
        #expect(ClosuresView.sentence(entry("2026-12-24", "2026-12-27")) == "Closed Thursday 24 to Sunday 27 December")
        #expect(ClosuresView.sentence(entry("2026-11-30", "2026-12-02")) == "Closed Monday 30 November to Wednesday 2 December")
        #expect(ClosuresView.sentence(entry("2026-12-31", "2027-01-02")) == "Closed Thursday 31 December 2026 to Saturday 2 January 2027")
        #expect(ClosuresView.sentence(entry("2026-12-31", "2026-12-31", morning, note: "New Year's Eve"))
                == "Open 09:00–13:00 on Thursday 31 December: New Year's Eve")
        #expect(ClosuresView.sentence(entry("2026-12-28", "2026-12-30", split))
                == "Open 09:00–12:00 and 13:00–15:00 from Monday 28 to Wednesday 30 December")
        #expect(ClosuresView.note(Day("2026-12-31")!, entry("2026-12-31", "2026-12-31", morning, note: "New Year's Eve"))
                == "Open 09:00–13:00 on 31 December: New Year's Eve")
    }

    @Test("the next 60 days are listed: an entry 61 days away is not, yet; search engines are told of it")
    func sixtyDays() throws {
        let site = try ClosuresSite("""
        name: Test Clinic
        url: https://clinic.example/
        special_hours:
          - { date: 2027-03-01, hours: "12:00-16:00", note: Late start }

        """)
        #expect(try site.summary("2026-12-30") == ["json-ld: 12:00–16:00 2027-03-01…2027-03-01"])
        #expect(try site.summary("2026-12-31") == [
            "list: Open 12:00–16:00 on Monday 1 March: Late start (2027-03-01…2027-03-01)",
            "json-ld: 12:00–16:00 2027-03-01…2027-03-01",
        ])
    }
}

@Suite("Closures: check, the serve path and the next day's build")
struct ClosuresRebuildTests {
    @Test("check warns about entries that are over and a closure without a note, at the entry")
    func checkWarnings() throws {
        let site = try ClosuresSite(ClosuresSite.clinic.replacingOccurrences(of: "  - { date: 2027-01-15, note: Staff training }\n",
                                                                             with: "  - { date: 2027-01-15, note: Staff training }\n  - { date: 2027-02-01 }\n"))
        let result = SiteCheck.run(folder: SiteFolder(site.path), options: ClosuresSite.options("2027-01-16"))
        #expect(result.built)
        let clinic = site.path + "/content/clinic.yml"
        #expect(result.diagnostics.filter { $0.location.path == clinic }.map(\.labeledDescription) == [
            "\(clinic):12:5: warning: 'closures[1]' (2026-12-24 to 2026-12-27) is over; it is no longer shown and can be removed",
            "\(clinic):13:5: warning: 'closures[2]' (2027-01-15) is over; it is no longer shown and can be removed",
            "\(clinic):14:5: warning: 'closures[3]' has no 'note'; say why the clinic is closed (e.g. note: Closed for the holidays), it is shown with the dates",
            "\(clinic):16:5: warning: 'special_hours[1]' (2026-12-20) is over; it is no longer shown and can be removed",
        ])
        let before = SiteCheck.run(folder: SiteFolder(site.path), options: ClosuresSite.options("2026-12-01"))
        #expect(before.diagnostics.filter { $0.location.path == clinic }.map(\.labeledDescription) == [
            "\(clinic):14:5: warning: 'closures[3]' has no 'note'; say why the clinic is closed (e.g. note: Closed for the holidays), it is shown with the dates",
        ])
    }

    @Test("serve: a closure saved in clinic.yml renders every page (the notice changes), and gives a clean build's bytes")
    func closureSaved() throws {
        let site = try ClosuresSite()
        let session = TestSession(folder: SiteFolder(site.path), options: ClosuresSite.options("2026-12-01"))
        let first = try session.build()
        try site.write(ClosuresSite.clinic.replacingOccurrences(of: "closures:\n", with: "closures:\n  - { date: 2026-12-07, note: Heating repairs }\n"))
        let output = try session.update(changed: ["content/clinic.yml"])
        #expect(output.rendered == first.files.keys.filter { $0.hasSuffix(".html") }.sorted())
        #expect(output.removed.isEmpty)
        #expect(output.files == (try site.build("2026-12-01")))
        let home = String(decoding: output.files["index.html"]!, as: UTF8.self)
        #expect(ClosuresSite.summary(home).prefix(2) == ["notice: shown", "notice: Closed Monday 7 December: Heating repairs (2026-11-23…2026-12-07)"])
        // A note that only search engines and the list show still renders every page: the clinic's JSON-LD is on each.
        try site.write(ClosuresSite.clinic + "  - { date: 2027-06-01, hours: \"10:00-12:00\" }\n")
        #expect(try session.update(changed: ["content/clinic.yml"]).rendered == output.rendered)
    }

    /// The outputs whose bytes differ between clean builds on `day` and `next`, and the outputs
    /// the one rebuild function renders going from the first build to the second.
    func nextDay(_ site: ClosuresSite, _ day: String, _ next: String) throws -> (differ: [String], rendered: [String]) {
        let folder = SiteFolder(site.path)
        let (first, second) = (try site.build(day), try site.build(next))
        let differ = Set(first.keys).union(second.keys).filter { first[$0] != second[$0] }.sorted()
        let (today, theme, _) = try SiteBuilder.load(folder: folder, options: ClosuresSite.options(day))
        let (state, _) = try Rebuild.run(site: today, theme: theme, previous: nil, fingerprintAssets: true, into: MemorySink())
        let (tomorrow, _, _) = try SiteBuilder.load(folder: folder, options: ClosuresSite.options(next))
        let sink = MemorySink()
        let (_, report) = try Rebuild.run(site: tomorrow, theme: theme, previous: state, fingerprintAssets: true, into: sink)
        #expect(sink.files.allSatisfy { second[$0.key] == $0.value }, "\(day) → \(next): the rendered outputs are a clean build's")
        return (differ, report.rendered)
    }

    @Test("the next day's build differs only where what is shown differs")
    func nextDayBuild() throws {
        let site = try ClosuresSite(ClosuresSite.clinic + "  - { date: 2027-03-01, hours: \"12:00-16:00\", note: Late start }\n")
        let quiet = try nextDay(site, "2026-12-01", "2026-12-02")
        #expect(quiet.differ == [] && quiet.rendered == [], "nothing comes or goes on 2 December")
        let notice = try nextDay(site, "2026-12-09", "2026-12-10")
        let pages = try site.build("2026-12-10").keys.filter { $0.hasSuffix(".html") }.sorted()
        #expect(notice.differ == pages, "the notice appears on every page; the sitemap, feed, robots.txt and assets stay")
        #expect(notice.rendered == pages)
        let listed = try nextDay(site, "2026-12-30", "2026-12-31")
        #expect(listed.differ == ["contact/index.html", "index.html"], "1 March comes into the 60 days the list shows")
        // `closures.upcoming` is on every page's view (any template may show it, as `site.*`), so
        // every page renders again; only the two that show the list come out different.
        #expect(listed.rendered == pages)
    }
}
