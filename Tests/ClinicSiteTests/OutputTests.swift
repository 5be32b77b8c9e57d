import ClinicSiteTestSupport
import Foundation
import Testing
@testable import ClinicBase
@testable import ClinicContent
@testable import ClinicMarkdown
@testable import ClinicModel
@testable import ClinicRender
@testable import ClinicOutput
@testable import ClinicBuild
@testable import ClinicCheck
@testable import ClinicAuthoring

@Suite("Output folder safety")
struct OutputTests {
    func build(_ site: String, output: String? = nil) throws(BuildFailure) -> BuildReport {
        let folder = SiteFolder(site)
        return try SiteBuilder.build(folder: folder, output: OutputFolder(output, site: folder),
                                     options: BuildOptions(today: Fixtures.today))
    }

    func failure(_ site: String, output: String? = nil) -> [Diagnostic] {
        do {
            _ = try build(site, output: output)
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test("a build writes site/ with a marker listing what it wrote, keeping .gitignore")
    func writesMarked() throws {
        let temporary = try TemporaryFolder()
        let site = try temporary.copySite("basic")
        try temporary.write("*\n!.gitignore\n", to: "site-folder/site/.gitignore")
        _ = try build(site)
        #expect(temporary.exists("site-folder/site/index.html"))
        #expect(try temporary.read("site-folder/site/.gitignore") == "*\n!.gitignore\n")
        let marker = try temporary.read("site-folder/site/.clinicsite-output")
        #expect(marker.contains("\naftercare/back-pain/index.html\n"))
        #expect(!marker.contains(".gitignore"))
        // A second build replaces the first.
        _ = try build(site)
        #expect(temporary.exists("site-folder/site/index.html"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site).filter { $0.contains("clinicsite-") }
        #expect(leftovers.isEmpty)
    }

    @Test("a failed build leaves the previous site byte-for-byte as it was")
    func failedBuildKeepsSite() throws {
        let temporary = try TemporaryFolder()
        let site = try temporary.copySite("basic")
        _ = try build(site)
        let before = try FileTree.files(under: site + "/site")
        try temporary.write("---\ntitle: [broken\n---\n", to: "site-folder/content/aftercare/broken.md")
        let errors = failure(site)
        #expect(!errors.errors.isEmpty)
        #expect(try FileTree.files(under: site + "/site") == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site).filter { $0.contains("clinicsite-") }
        #expect(leftovers.isEmpty)
    }

    @Test("refuses /, the home folder, the site folder and its parents")
    func refusesDangerousOutputs() throws {
        let temporary = try TemporaryFolder()
        let site = try temporary.copySite("basic")
        for output in ["/", site, temporary.root, site + "/..", site + "/content/out", NSHomeDirectory()] {
            let errors = failure(site, output: output)
            #expect(errors.count == 1, "accepted \(output)")
            #expect(errors.first?.message.hasPrefix("refusing") == true)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: site).sorted() == ["content", "templates"])
    }

    @Test("refuses a non-empty folder ClinicSite did not make, and touches nothing in it")
    func refusesForeignFolder() throws {
        let temporary = try TemporaryFolder()
        let site = try temporary.copySite("basic")
        try temporary.write("precious", to: "mine/notes.txt")
        let errors = failure(site, output: temporary.root + "/mine")
        #expect(errors.first?.message.contains("not made by ClinicSite") == true)
        #expect(try temporary.read("mine/notes.txt") == "precious")
    }

    @Test("refuses to replace its own output when someone added a file to it")
    func refusesAddedFile() throws {
        let temporary = try TemporaryFolder()
        let site = try temporary.copySite("basic")
        _ = try build(site)
        try temporary.write("example.org", to: "site-folder/site/CNAME")
        let errors = failure(site)
        #expect(errors.first?.message.contains("CNAME") == true)
        #expect(try temporary.read("site-folder/site/CNAME") == "example.org")
    }

    @Test("leftover staging folders from killed builds are cleaned; others are left alone")
    func leftovers() throws {
        let temporary = try TemporaryFolder()
        let site = try temporary.copySite("basic")
        // A staging folder of a process that no longer exists (pid 2^22+1 is above pid_max on most systems).
        try temporary.write("# Written by ClinicSite\n", to: "site-folder/.site.clinicsite-staging-4194305-0/.clinicsite-output")
        try temporary.write("half", to: "site-folder/.site.clinicsite-staging-4194305-0/index.html")
        try temporary.write("not ours", to: "site-folder/.site.clinicsite-staging-4194306-0/keep.txt")
        _ = try build(site)
        #expect(!temporary.exists("site-folder/.site.clinicsite-staging-4194305-0"))
        #expect(temporary.exists("site-folder/.site.clinicsite-staging-4194306-0/keep.txt"))
    }

    @Test("a write failure fails the build and keeps the previous site")
    func writeFailure() throws {
        struct FailingSink: OutputSink {
            func write(_ bytes: [UInt8], to path: String) throws {
                if path.hasPrefix("aftercare/") { throw FileSystem.Failure(operation: "writing", path: path, code: 28) }
            }
            func copy(_ file: StaticFile) throws {}
            func remove(_ path: String) throws {}
        }
        let temporary = try TemporaryFolder()
        let site = try temporary.copySite("basic")
        #expect(throws: BuildFailure.self) {
            try SiteBuilder.render(folder: SiteFolder(site), options: BuildOptions(today: Fixtures.today), images: .tests, into: FailingSink())
        }
        do {
            _ = try SiteBuilder.render(folder: SiteFolder(site), options: BuildOptions(today: Fixtures.today), images: .tests, into: FailingSink())
        } catch {
            #expect(error.diagnostics.contains { $0.message.contains("No space left on device") })
        }
    }
}
