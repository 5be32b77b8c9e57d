import ClinicSiteTestSupport
import Foundation
import Testing

@Suite("Scheduling: drafts, future dates and expiry")
struct SchedulingCommandTests {
    @Test("a page whose 'expires' day has passed is left out, and build --verbose says why")
    func expires() throws {
        let demo = try TemporaryFolder.demo()
        try demo.write("---\ntitle: Holiday hours\nsummary: Closed over the holidays.\nexpires: 2026-12-31\n---\nClosed 24–26 December.\n",
                       to: "content/holiday-hours.md")
        let before = try Binary.run(["build", "--today", "2026-12-31"], in: demo.root)
        #expect(before.status == 0, "\(before.errors)")
        #expect(FileManager.default.fileExists(atPath: demo.root + "/site/holiday-hours/index.html"))

        let after = try Binary.run(["build", "--verbose", "--today", "2027-01-01"], in: demo.root)
        #expect(after.status == 0, "\(after.errors)")
        #expect(after.output.contains("left out content/holiday-hours.md: expired on 2026-12-31 (build with --expired to include it)"))
        #expect(!FileManager.default.fileExists(atPath: demo.root + "/site/holiday-hours/index.html"))
        let sitemap = try String(contentsOfFile: demo.root + "/site/sitemap.xml", encoding: .utf8)
        #expect(!sitemap.contains("holiday-hours"))

        let included = try Binary.run(["build", "--expired", "--today", "2027-01-01"], in: demo.root)
        #expect(included.status == 0)
        #expect(FileManager.default.fileExists(atPath: demo.root + "/site/holiday-hours/index.html"))
    }

    @Test("without --verbose, build counts what it left out")
    func counts() throws {
        let demo = try TemporaryFolder.demo()
        try demo.write("---\ntitle: Old notice\nexpires: 2020-01-31\n---\nGone.\n", to: "content/old-notice.md")
        try demo.write("---\ntitle: Soon\ndate: 2099-01-01\n---\nLater.\n", to: "content/soon.md")
        let result = try Binary.run(["build"], in: demo.root)
        #expect(result.status == 0)
        #expect(result.output.contains("Left out 2 pages (drafts, future dates or expired; --verbose lists them)"))
    }

    @Test("build, check and serve take the same page options, with the same help")
    func sameOptions() throws {
        /// Each option's entry under OPTIONS, its wrapped lines joined, spaces collapsed.
        func scheduleHelp(_ command: String) throws -> [String] {
            let help = try Binary.run([command, "--help"], in: "/").output
            var entries: [String] = []
            for line in help.split(separator: "\n") {
                let text = line.split(separator: " ").joined(separator: " ")
                if text.hasPrefix("-") || entries.isEmpty {
                    entries.append(text)
                } else {
                    entries[entries.count - 1] += " " + text
                }
            }
            return ["--drafts", "--future", "--expired", "--today <date>"].map { option in
                entries.first { $0.hasPrefix(option + " ") } ?? "\(command) has no \(option)"
            }
        }
        let build = try scheduleHelp("build")
        #expect(build.allSatisfy { !$0.contains(" has no ") }, "\(build)")
        #expect(try scheduleHelp("check") == build)
        #expect(try scheduleHelp("serve") == build)
    }

    @Test("'expires' before 'date' is an error at the value; a bad --today is refused")
    func expiresBeforeDate() throws {
        let demo = try TemporaryFolder.demo()
        try demo.write("---\ntitle: Backwards\ndate: 2026-05-01\nexpires: 2026-04-30\n---\nNever shown.\n", to: "content/backwards.md")
        let result = try Binary.run(["build"], in: demo.root)
        #expect(result.status == 1)
        #expect(result.errors.contains("content/backwards.md:4:10: 'expires' (2026-04-30) is before 'date' (2026-05-01): the page would never be shown"))
        let badDay = try Binary.run(["build", "--today", "tomorrow"], in: demo.root)
        #expect(badDay.status != 0)
        #expect(badDay.errors.contains("--today must be a date written YYYY-MM-DD"))
    }
}
