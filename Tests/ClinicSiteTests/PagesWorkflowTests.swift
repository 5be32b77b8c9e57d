import Foundation
import Testing
import Yams
@testable import ClinicBase
@testable import ClinicContent
@testable import ClinicAuthoring

@Suite("init's GitHub Pages workflow and .gitignore")
struct PagesWorkflowTests {
    let today = Day(year: 2026, month: 11, day: 26)!

    func scaffold() -> [String: String] {
        let files = SiteScaffold.files(name: "Riverside Massage", kind: .massage, today: today, theme: [])
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
    }

    /// The workflow as YAML values.
    func workflow() throws -> [AnyHashable: Any] {
        let text = try #require(scaffold()[".github/workflows/pages.yml"], "init writes no .github/workflows/pages.yml")
        return try #require(try Yams.load(yaml: text) as? [AnyHashable: Any])
    }

    func steps(_ workflow: [AnyHashable: Any], job: String) throws -> [[String: Any]] {
        let jobs = try #require(workflow["jobs"] as? [String: Any])
        let build = try #require(jobs[job] as? [String: Any])
        return try #require(build["steps"] as? [[String: Any]])
    }

    @Test("the package address names this version's release, once, at the top")
    func packageAddress() throws {
        #expect(ClinicSiteVersion.debianPackageURL(version: "1.2.3", architecture: "arm64")
            == ClinicSiteVersion.repository + "/releases/download/v1.2.3/clinicsite_1.2.3_arm64.deb")
        let expected = "\(ClinicSiteVersion.repository)/releases/download/v\(ClinicSiteVersion.current)/clinicsite_\(ClinicSiteVersion.current)_amd64.deb"
        let workflow = try workflow()
        let env = try #require(workflow["env"] as? [String: Any])
        #expect(env[PagesWorkflow.packageVariable] as? String == expected)
        let text = PagesWorkflow.text()
        #expect(text.components(separatedBy: "https://").count - 1 == 4, "one download address; the rest are the examples in the comment")
        #expect(text.components(separatedBy: ClinicSiteVersion.repository).count == 2)
        #expect(text.contains("(ClinicSite \(ClinicSiteVersion.current))"))
        #expect(PagesWorkflow.text(version: "9.9.9", packageURL: "file:///tmp/x.deb").contains("CLINICSITE_DEB: file:///tmp/x.deb\n"))
    }

    @Test("it runs on pushes to main, daily and on demand, installs the package and never compiles")
    func triggersAndSteps() throws {
        let workflow = try workflow()
        // YAML 1.1 reads the key `on` as the boolean true (GitHub reads it as "on").
        let triggers = try #require((workflow["on"] ?? workflow[true]) as? [String: Any])
        #expect(((triggers["push"] as? [String: Any])?["branches"] as? [String]) == ["main"])
        let schedule = try #require(triggers["schedule"] as? [[String: Any]])
        let cron = try #require(schedule.first?["cron"] as? String)
        #expect(cron.split(separator: " ").count == 5)
        #expect(cron.hasSuffix("* * *"), "daily")
        #expect(triggers.keys.contains("workflow_dispatch"))

        let steps = try steps(workflow, job: "build")
        let runs = steps.compactMap { $0["run"] as? String }
        #expect(runs.count == 3)
        #expect(runs[0].contains("$CLINICSITE_DEB") && runs[0].contains("apt-get install"))
        #expect(runs[1] == "clinicsite check")
        #expect(runs[2] == "clinicsite build")
        for run in runs {
            #expect(!run.contains("swift"), "a step compiles: \(run)")
        }
        let uses = steps.compactMap { $0["uses"] as? String }
        #expect(uses == ["actions/checkout@v4", "actions/cache@v4", "actions/upload-pages-artifact@v3"])
        let cache = try #require(steps.first { $0["uses"] as? String == "actions/cache@v4" }?["with"] as? [String: Any])
        #expect(cache["path"] as? String == ".clinicsite/cache")
        let upload = try #require(steps.last?["with"] as? [String: Any])
        #expect(upload["path"] as? String == "site")
        #expect(try self.steps(workflow, job: "deploy").first?["uses"] as? String == "actions/deploy-pages@v4")
    }

    @Test("every step is explained by a comment for the clinic owner")
    func commented() {
        let lines = PagesWorkflow.text().split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where line.trimmingCharacters(in: .whitespaces).hasPrefix("- name:") {
            #expect(lines[index - 1].trimmingCharacters(in: .whitespaces).hasPrefix("#"), "no comment above '\(line)'")
        }
    }

    @Test(".gitignore ignores the built site and ClinicSite's working folder, and nothing else")
    func gitignore() throws {
        let text = try #require(scaffold()[".gitignore"])
        let patterns = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(patterns == ["/site/", "/.clinicsite/"])
    }
}
