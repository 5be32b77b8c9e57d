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

/// Builds the fixture site under `Fixtures/basic` and compares every file with
/// `Fixtures/basic-expected`. Run with `CLINICSITE_UPDATE_GOLDEN=1` to rewrite the expected
/// files after an intended change, then review the diff.
@Suite("Golden fixture site")
struct GoldenTests {
    @Test("the fixture site builds to exactly the expected files")
    func golden() throws {
        let (sink, report) = try buildInMemory(Fixtures.root + "/basic")
        let expectedRoot = Fixtures.root + "/basic-expected"
        let files = sink.files
        if ProcessInfo.processInfo.environment["CLINICSITE_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(atPath: expectedRoot)
            for (path, bytes) in files {
                let target = expectedRoot + "/" + path
                try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(bytes).write(to: URL(fileURLWithPath: target))
            }
        }
        let expected = try FileTree.files(under: expectedRoot)
        #expect(Set(files.keys) == Set(expected.keys))
        for path in files.keys.sorted() {
            let actual = String(decoding: files[path]!, as: UTF8.self)
            let wanted = expected[path].map { String(decoding: $0, as: UTF8.self) }
            #expect(actual == wanted, "\(path) differs from Fixtures/basic-expected/\(path)")
        }
        #expect(report.excluded.map(\.path).sorted() == [
            Fixtures.root + "/basic/content/aftercare/draft-page.md",
            Fixtures.root + "/basic/content/aftercare/future-page.md",
        ])
    }

    @Test("--drafts and --future bring the left-out pages back")
    func draftsAndFuture() throws {
        let sink = MemorySink()
        _ = try SiteBuilder.render(folder: SiteFolder(Fixtures.root + "/basic"),
                                   options: BuildOptions(includeDrafts: true, includeFuture: true, today: Fixtures.today), into: sink)
        #expect(sink.text("aftercare/draft-page/index.html") != nil)
        #expect(sink.text("aftercare/future-page/index.html") != nil)
    }

    @Test("the site's sub-path is in every internal link")
    func subPath() throws {
        let (sink, _) = try buildInMemory(Fixtures.root + "/basic")
        let page = try #require(sink.text("aftercare/back-pain/index.html"))
        #expect(page.contains("href=\"/clinic/aftercare/neck-pain/\""))
        #expect(page.contains("src=\"/clinic/media/diagram.svg\""))
        #expect(page.contains("href=\"/clinic/assets/style.ceccf75426.css\""))
        #expect(page.contains("<link rel=\"canonical\" href=\"https://example.org/clinic/aftercare/back-pain/\">"))
        let robots = try #require(sink.text("robots.txt"))
        #expect(robots.contains("Sitemap: https://example.org/clinic/sitemap.xml"))
    }

    @Test("the demo site in content/ builds without errors or warnings")
    func demoSite() throws {
        let (sink, report) = try buildInMemory(Repository.root)
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        let page = try #require(sink.text("aftercare/why-am-i-sore-after-massage/index.html"))
        #expect(page.contains("Willow Street Massage &amp; Physiotherapy"))
        #expect(page.contains("+1 555 0100"))
        #expect(page.contains("https://book.example/willow"))
        #expect(page.contains("<details"))
        let faq = try #require(sink.text("faq/index.html"))
        #expect(faq.contains("id=\"why-am-i-sore-after-a-massage\""))
        #expect(sink.text("sitemap.xml")?.contains("https://willowstreet.example/aftercare/cupping-aftercare/") == true)
        // Home, 4 aftercare pages, the aftercare index, the FAQ, about, contact and 404.
        #expect(report.pageCount == 10)
    }
}

@Suite("Asset fingerprints")
struct FingerprintTests {
    @Test("CSS and JS names carry a hash of their content; other assets keep their names")
    func names() throws {
        let temporary = try TemporaryFolder()
        let site = try temporary.copySite("basic")
        try temporary.write("console.log(1)\n", to: "site-folder/templates/assets/site.js")
        try temporary.write("icon", to: "site-folder/templates/assets/icon.svg")
        let (first, _) = try buildInMemory(site)
        let names = Set(first.files.keys.filter { $0.hasPrefix("assets/") })
        #expect(names.count == 3)
        #expect(names.contains("assets/icon.svg"))
        #expect(names.contains { $0.hasPrefix("assets/site.") && $0.hasSuffix(".js") && $0 != "assets/site.js" })
        try temporary.write("body { color: navy; }\n", to: "site-folder/templates/assets/style.css")
        let (second, _) = try buildInMemory(site)
        let oldCSS = try #require(names.first { $0.hasSuffix(".css") })
        let newCSS = try #require(second.files.keys.first { $0.hasPrefix("assets/style.") })
        #expect(oldCSS != newCSS)
        #expect(second.text("index.html")?.contains("/clinic/\(newCSS)") == true)
        // The same name on every run and machine (64-bit FNV-1a, not Swift's per-process
        // seeded Hasher), and another for one byte changed.
        #expect(Fingerprint.hash(Array("abc".utf8)) == "e71fa21905")
        #expect(Fingerprint.hash(Array("abd".utf8)) == "e71fa71905")
        #expect(Fingerprint.hash([]) == "cbf29ce484")
        #expect(Fingerprint.name("assets/style.css", hash: "0123456789") == "assets/style.0123456789.css")
    }
}

@Suite("Determinism")
struct DeterminismTests {
    @Test("two builds, and a sequential and a parallel build, give byte-identical output")
    func identical() throws {
        let (first, _) = try buildInMemory(Repository.root, parallel: true)
        let (second, _) = try buildInMemory(Repository.root, parallel: true)
        let (sequential, _) = try buildInMemory(Repository.root, parallel: false)
        #expect(first.files == second.files)
        #expect(first.files == sequential.files)
    }
}
