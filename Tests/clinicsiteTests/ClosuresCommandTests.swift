import ClinicSiteTestSupport
import Foundation
import Testing

@Suite("Closures through --today, as a program")
struct ClosuresCommandTests {
    /// The demo with one closure of the test's own in place of the demo's entries.
    func site() throws -> TemporaryFolder {
        let demo = try TemporaryFolder.demo()
        var clinic = try demo.read("content/clinic.yml")
        let start = try #require(clinic.range(of: "closures:\n"))
        let end = try #require(clinic.range(of: "practitioners:\n"))
        clinic.replaceSubrange(start.lowerBound..<end.lowerBound, with: """
        closures:
          - { from: 2026-12-24, to: 2026-12-27, note: Closed for the holidays }
          - { date: 2027-01-15 }

        """)
        try demo.write(clinic, to: "content/clinic.yml")
        return demo
    }

    func notice(_ demo: TemporaryFolder, _ page: String = "index.html") throws -> String {
        let html = try demo.read("site/" + page)
        guard let start = html.range(of: "<div class=\"closure-notice"),
              let end = html.range(of: "</div>\n</div>", range: start.upperBound..<html.endIndex) else { return "" }
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test("build --today shows the site as it will be that day: the notice 14 days before, gone the day after")
    func buildToday() throws {
        let demo = try site()
        #expect(try Binary.run(["build", "--today", "2026-12-09"], in: demo.root).status == 0)
        #expect(try notice(demo) == """
        <div class="closure-notice no-print" role="note" aria-label="Closures" data-closure-notice hidden>
          <div class="wrap">
            <p data-show-from="2026-12-10" data-to="2026-12-27" hidden>Closed Thursday 24 to Sunday 27 December: Closed for the holidays</p>
            <p data-show-from="2027-01-01" data-to="2027-01-15" hidden>Closed Friday 15 January</p>
          </div>
        </div>
        """)
        #expect(try Binary.run(["build", "--today", "2026-12-10"], in: demo.root).status == 0)
        #expect(try notice(demo, "aftercare/cupping-aftercare/index.html") == """
        <div class="closure-notice no-print" role="note" aria-label="Closures" data-closure-notice>
          <div class="wrap">
            <p data-show-from="2026-12-10" data-to="2026-12-27">Closed Thursday 24 to Sunday 27 December: Closed for the holidays</p>
            <p data-show-from="2027-01-01" data-to="2027-01-15" hidden>Closed Friday 15 January</p>
          </div>
        </div>
        """)
        #expect(try Binary.run(["build", "--today", "2027-01-16"], in: demo.root).status == 0)
        #expect(try notice(demo) == "")
        #expect(try !demo.read("site/contact/index.html").contains("Closures and special hours"))
    }

    @Test("check --today warns about what is over and a closure without a note; a closure clashing with special hours fails the build")
    func check() throws {
        let demo = try site()
        // The line of the first closure in the demo's clinic.yml.
        let line = try #require(demo.read("content/clinic.yml").split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.hasPrefix("  - { from: 2026-12-24") }) + 1
        let result = try Binary.run(["check", "--today", "2026-12-28"], in: demo.root)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.lines.filter { $0.hasPrefix("content/clinic.yml") } == [
            "content/clinic.yml:\(line):5: warning: 'closures[1]' (2026-12-24 to 2026-12-27) is over; it is no longer shown and can be removed",
            "content/clinic.yml:\(line + 1):5: warning: 'closures[2]' has no 'note'; say why the clinic is closed (e.g. note: Closed for the holidays), it is shown with the dates",
        ])
        try demo.edit("content/clinic.yml", replacing: "  - { date: 2027-01-15 }\n",
                      with: "  - { date: 2027-01-15 }\nspecial_hours:\n  - { date: 2027-01-15, hours: \"09:00-12:00\", note: Morning only }\n")
        let clash = try Binary.run(["build", "--today", "2026-12-28"], in: demo.root)
        #expect(clash.status == 1)
        #expect(clash.errors.hasPrefix("content/clinic.yml:\(line + 3):5: 'special_hours[1]' opens 2027-01-15 09:00–12:00, but 'closures[2]' (line \(line + 1)) closes it: give each day once, closed or with its hours\n"))
    }
}
