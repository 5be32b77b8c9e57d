import ClinicSiteTestSupport
import Foundation
import Testing
import ClinicBase
import ClinicContent
import ClinicBuild
import ClinicAuthoring

@Suite("clinicsite new, as a program")
struct NewCommandTests {
    @Test("new aftercare writes a draft with its front matter filled in and prints the path")
    func newAftercare() throws {
        let demo = try TemporaryFolder.demo()
        let result = try Binary.run(["new", "aftercare", "Deep tissue aftercare", "--treatment", "deep tissue massage"], in: demo.root)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output == "content/aftercare/deep-tissue-aftercare.md\n")
        let text = try String(contentsOfFile: demo.root + "/content/aftercare/deep-tissue-aftercare.md", encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "---")
        #expect(lines[1] == "title: Deep tissue aftercare")
        #expect(lines[2] == "treatment: deep tissue massage")
        #expect(lines[3] == "date: \(Day.today().iso)")
        #expect(lines[4].hasPrefix("draft: true"))
        #expect(text.contains("\n## The first 24 hours\n"))

        // A draft: left out of a normal build, built with --drafts.
        let normal = try Binary.run(["build", "--verbose"], in: demo.root)
        #expect(normal.status == 0, "\(normal.errors)")
        #expect(normal.output.contains("left out content/aftercare/deep-tissue-aftercare.md: draft"))
        #expect(try Binary.run(["build", "--drafts"], in: demo.root).status == 0)
        let page = try String(contentsOfFile: demo.root + "/site/aftercare/deep-tissue-aftercare/index.html", encoding: .utf8)
        #expect(page.contains("Deep tissue aftercare"))
    }

    @Test("new refuses to overwrite a file, and leaves it as it was")
    func refusesOverwrite() throws {
        let demo = try TemporaryFolder.demo()
        let path = demo.root + "/content/aftercare/cupping-aftercare.md"
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let result = try Binary.run(["new", "aftercare", "Cupping aftercare"], in: demo.root)
        #expect(result.status == 1)
        #expect(result.errors.contains("error: content/aftercare/cupping-aftercare.md already exists"))
        #expect(result.output.isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test("new page writes content/<slug>.md; --site picks the site; titles the site owns are refused")
    func newPage() throws {
        let demo = try TemporaryFolder.demo()
        let result = try Binary.run(["new", "page", "Prices & Insurance", "--site", demo.root], in: "/")
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output == demo.root + "/content/prices-insurance.md\n")
        let text = try String(contentsOfFile: demo.root + "/content/prices-insurance.md", encoding: .utf8)
        #expect(text.hasPrefix("---\ntitle: Prices & Insurance\ndate: \(Day.today().iso)\ndraft: true"))
        #expect(try Binary.run(["build", "--drafts"], in: demo.root).status == 0)
        #expect(FileManager.default.fileExists(atPath: demo.root + "/site/prices-insurance/index.html"))

        let faq = try Binary.run(["new", "page", "FAQ"], in: demo.root)
        #expect(faq.status == 1)
        #expect(faq.errors.contains("content/faq.md is the FAQ page"))
    }

    @Test("new outside a site folder says how to start one")
    func notASite() throws {
        let scratch = try TemporaryFolder()
        let result = try Binary.run(["new", "aftercare", "Cupping"], in: scratch.root)
        #expect(result.status == 1)
        #expect(result.errors.contains("no 'content' folder"))
        #expect(try scratch.files().isEmpty)
    }
}
