import ClinicSiteTestSupport
import Foundation
import Testing

@Suite("clinicsite check, as a program")
struct CheckCommandTests {
    /// Every problem the check-problems fixture holds: each kind of link error and warning,
    /// with its line and column.
    static let expectedProblems = [
        "content/about.md:7:1: warning: heading level skipped: level 3 follows the page title (level 1)",
        "content/about.md:9:22: warning: link text 'click here' does not say where the link leads",
        "content/about.md:9:65: warning: link to '/faq/' has no text",
        "content/about.md:11:1: warning: image '/media/room.svg' has no alt text",
        "content/aftercare/broken-links.md:1:1: warning: aftercare page without a 'summary'",
        "content/aftercare/broken-links.md:4:11: warning: last reviewed on 2026-01-15, more than 6 months ago (review_interval)",
        "content/aftercare/broken-links.md:6:3: error: broken link: '/aftercare/nope/' leads to no page or file in the site",
        "content/aftercare/broken-links.md:6:39: error: broken link: '/faq/#not-a-question' points at '#not-a-question', which is not an anchor on /faq/",
        "content/aftercare/broken-links.md:7:1: error: broken link: '#nowhere' points at '#nowhere', which is not an anchor on /aftercare/broken-links/",
        "content/aftercare/broken-links.md:7:65: error: broken image: '/media/missing.svg' leads to no page or file in the site",
        "content/aftercare/broken-links.md:9:19: error: broken link: '../../../outside/' climbs above the site's root folder",
        "content/aftercare/broken-links.md:13:1: warning: heading level skipped: level 4 follows a level-2 heading",
        "content/aftercare/never-reviewed.md:1:1: warning: aftercare page never reviewed",
        "content/clinic.yml:5:8: warning: 'phone' has only 4 digits: '55-12'",
        "content/clinic.yml:6:14: warning: 'booking_url' uses http://",
    ]

    @Test("finds every kind of link error and warning, each at its line and column; exit 1")
    func problems() throws {
        let site = try TemporaryFolder.site(fixture: "check-problems")
        let result = try Binary.run(["check", "--today", "2026-11-01"], in: site.root)
        #expect(result.status == 1)
        let lines = result.lines
        #expect(lines.count == Self.expectedProblems.count + 1, "\(result.output)")
        for (line, expected) in zip(lines, Self.expectedProblems) {
            #expect(line.hasPrefix(expected), "expected \(expected)")
        }
        #expect(lines.last == "Checked 8 pages, 15 links within the site (2 external not checked; --external checks them): 5 errors, 10 warnings")
        // Nothing is written.
        #expect(!site.exists("site"))
    }

    @Test("reports the errors that stop a build: a missing required field, an invalid date, time range or URL")
    func buildErrors() throws {
        let site = try TemporaryFolder.site(fixture: "check-invalid")
        let result = try Binary.run(["check"], in: site.root)
        #expect(result.status == 1)
        #expect(result.lines == [
            "content/aftercare/bad-date.md:3:7: error: 'date' is not a date: '2026-02-30' (expected YYYY-MM-DD, e.g. 2026-03-14)",
            "content/aftercare/bad-date.md:4:11: error: 'reviewed' is not a date: 'last week' (expected YYYY-MM-DD, e.g. 2026-03-14)",
            "content/clinic.yml:2:1: error: missing required field 'name'",
            "content/clinic.yml:3:14: error: 'booking_url' must be a full web address starting with https:// (or http://), not 'book online'",
            "content/clinic.yml:5:11: error: hours.monday: '17:00-09:00' closes before it opens",
            "content/clinic.yml:6:12: error: hours.tuesday: '9am-5pm' is not a time range (expected HH:MM-HH:MM, e.g. 09:00-17:00, or 'closed')",
            "The site does not build, so links were not checked: 6 errors, 0 warnings",
        ])
    }

    @Test("the demo site has no problems, even with --strict")
    func demoIsClean() throws {
        let demo = try TemporaryFolder.demo()
        let result = try Binary.run(["check", "--strict", "--today", "2026-11-26"], in: demo.root)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.lines.count == 1, "\(result.output)")
        #expect(result.lines[0].hasPrefix("Checked "))
        #expect(result.lines[0].hasSuffix(": 0 errors, 0 warnings"))
        #expect(result.errors.isEmpty)
    }

    @Test("warnings alone exit 0; --strict makes them count")
    func strict() throws {
        let demo = try TemporaryFolder.demo()
        try demo.write("---\ntitle: Team photo\nsummary: Us.\n---\nHello.\n\n![](/media/team.jpg)\n", to: "content/team.md")
        try FileManager.default.copyItem(atPath: demo.path("content/media/wood.jpg"), toPath: demo.path("content/media/team.jpg"))
        let relaxed = try Binary.run(["check", "--today", "2026-11-26"], in: demo.root)
        #expect(relaxed.status == 0)
        #expect(relaxed.lines.first?.hasPrefix("content/team.md:7:1: warning: image '/media/team.jpg' has no alt text") == true)
        let strict = try Binary.run(["check", "--strict", "--today", "2026-11-26"], in: demo.root)
        #expect(strict.status == 1)
    }

    @Test("--site points at the site from anywhere; paths are shown as given")
    func siteOption() throws {
        let site = try TemporaryFolder.site(fixture: "check-problems")
        let result = try Binary.run(["check", "--site", site.root, "--today", "2026-11-01"], in: "/")
        #expect(result.status == 1)
        #expect(result.lines.first == site.root + "/" + Self.expectedProblems[0] + "; use '##' here so screen reader users can follow the outline")
    }
}
