import ClinicSiteTestSupport
import Foundation
import Testing

@Suite("clinicsite init writes the publishing workflow")
struct InitWorkflowTests {
    @Test("the workflow installs the package of the version that wrote it, and init says how to use it")
    func workflowOfThisVersion() throws {
        let scratch = try TemporaryFolder()
        let created = try Binary.run(["init", "riverside"], in: scratch.root)
        #expect(created.status == 0, "\(created.errors)")
        #expect(created.output.contains("riverside/.github/workflows/pages.yml publishes it on GitHub Pages"))
        let version = try Binary.run(["--version"], in: "/").output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(version.split(separator: ".").count == 3, "clinicsite --version printed '\(version)'")
        let workflow = try scratch.read("riverside/.github/workflows/pages.yml")
        #expect(workflow.contains("\n  CLINICSITE_DEB: https://github.com/"))
        #expect(workflow.contains("/releases/download/v\(version)/clinicsite_\(version)_amd64.deb\n"))
        #expect(workflow.contains("`clinicsite init` (ClinicSite \(version)) wrote this file."))
        #expect(try scratch.read("riverside/.gitignore").contains("\n/.clinicsite/\n"))
        // The workflow and .gitignore are not content: the new site still builds and checks as before.
        #expect(try Binary.run(["build"], in: scratch.path("riverside")).status == 0)
        #expect(!scratch.exists("riverside/site/.github"))
    }
}
