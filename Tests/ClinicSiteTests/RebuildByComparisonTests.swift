import ClinicSiteTestSupport
import Foundation
import Testing
@testable import ClinicBase
@testable import ClinicContent
@testable import ClinicModel
@testable import ClinicOutput
@testable import ClinicBuild

/// Saves of `clinic.yml`, the FAQ and other pages go through the same rebuild as aftercare
/// saves: the outputs whose view changed are rendered, and the result is a clean build's.
@Suite("Rebuilds by comparison")
struct RebuildByComparisonTests {
    let options = BuildOptions(today: Fixtures.today)

    func clean(_ site: String) throws -> [String: [UInt8]] {
        let sink = MemorySink()
        _ = try SiteBuilder.render(folder: SiteFolder(site), options: BuildOptions(today: Fixtures.today, parallel: false), images: .tests, into: sink)
        return sink.files
    }

    @Test("a new phone number renders every page and nothing else")
    func phone() throws {
        let folder = try TemporaryFolder()
        let site = try folder.copySite(nil)
        let session = TestSession(folder: SiteFolder(site), options: options)
        let first = try session.build()
        let clinic = try folder.read("site-folder/content/clinic.yml")
        try folder.write(clinic.replacingOccurrences(of: "+1 555 0100", with: "+1 555 0199"), to: "site-folder/content/clinic.yml")
        let output = try session.update(changed: ["content/clinic.yml"])
        #expect(Set(output.rendered) == Set(first.files.keys.filter { $0.hasSuffix(".html") }))
        #expect(output.removed.isEmpty)
        #expect(output.files == (try clean(site)))
    }

    @Test("a new clinic description renders exactly the outputs whose bytes it changes, a page without summary or paragraph showing it as its description")
    func description() throws {
        let folder = try TemporaryFolder()
        let site = try folder.copySite(nil)
        try folder.write("---\ntitle: Stretches\ntreatment: massage\n---\n## Morning\n\n- Reach up\n- Touch your toes\n",
                         to: "site-folder/content/aftercare/stretches.md")
        let session = TestSession(folder: SiteFolder(site), options: options)
        let first = try session.build().files
        let clinic = try folder.read("site-folder/content/clinic.yml")
        let edited = clinic.replacingOccurrences(of: "on Willow Street, Riverside.", with: "on Willow Street, Riverside, since 2011.")
        #expect(edited != clinic)
        try folder.write(edited, to: "site-folder/content/clinic.yml")
        let output = try session.update(changed: ["content/clinic.yml"])
        #expect(output.files == (try clean(site)))
        let changed = Set(output.files.keys.filter { first[$0] != output.files[$0] })
        #expect(Set(output.rendered) == changed)
        let page = String(decoding: output.files["aftercare/stretches/index.html"] ?? [], as: UTF8.self)
        #expect(page.contains("<meta name=\"description\" content=\"Registered massage therapists and a physiotherapist on Willow Street, Riverside, since 2011."))
    }

    @Test("a comment in clinic.yml renders nothing")
    func comment() throws {
        let folder = try TemporaryFolder()
        let site = try folder.copySite(nil)
        let session = TestSession(folder: SiteFolder(site), options: options)
        _ = try session.build()
        let clinic = try folder.read("site-folder/content/clinic.yml")
        try folder.write("# Reviewed in November.\n" + clinic, to: "site-folder/content/clinic.yml")
        let output = try session.update(changed: ["content/clinic.yml"])
        #expect(output.rendered.isEmpty)
        #expect(output.files == (try clean(site)))
    }

    @Test("editing one FAQ answer renders the FAQ page and the pages that show its section")
    func faqAnswer() throws {
        let folder = try TemporaryFolder()
        let site = try folder.copySite(nil)
        let session = TestSession(folder: SiteFolder(site), options: options)
        _ = try session.build()
        let faq = try folder.read("site-folder/content/faq.md")
        let edited = faq.replacingOccurrences(of: "### How do I book?\n\n", with: "### How do I book?\n\nBy phone, online, or at the desk.\n\n")
        #expect(edited != faq)
        try folder.write(edited, to: "site-folder/content/faq.md")
        let output = try session.update(changed: ["content/faq.md"])
        // Only why-am-i-sore-after-massage shows "Booking and frequency".
        #expect(output.rendered == ["aftercare/why-am-i-sore-after-massage/index.html", "faq/index.html"])
        #expect(output.files == (try clean(site)))
    }

    @Test("a photo's warning goes once a page shows it: a save's warnings are a clean build's")
    func photoWarnings() throws {
        let folder = try TemporaryFolder()
        let site = try folder.copySite(nil)
        let session = TestSession(folder: SiteFolder(site), options: options, deferring: true)
        _ = try session.build()
        try FileManager.default.copyItem(atPath: site + "/content/media/wood.jpg", toPath: site + "/content/media/extra.jpg")
        let added = try session.update(changed: ["content/media/extra.jpg"])
        let unshown = added.warnings.filter { $0.location.path.hasSuffix("content/media/extra.jpg") }
        #expect(unshown.count == 1 && unshown.allSatisfy { $0.message.hasPrefix("not published") })
        let about = try folder.read("site-folder/content/about.md")
        try folder.write(about + "\n![The extra room](/media/extra.jpg)\n", to: "site-folder/content/about.md")
        for _ in 0..<2 {
            let shown = try session.update(changed: ["content/about.md"])
            let clean = try TestSession(folder: SiteFolder(site), options: options).build()
            #expect(shown.warnings == clean.warnings)
            #expect(!shown.warnings.contains { $0.location.path.hasSuffix("content/media/extra.jpg") })
        }
    }

    @Test("in serve, an FAQ answer renders the FAQ page before the reload and the pages showing its section right after; a new phone number renders every page before")
    func faqAnswerDeferred() throws {
        let folder = try TemporaryFolder()
        let site = try folder.copySite(nil)
        let session = TestSession(folder: SiteFolder(site), options: options, deferring: true)
        let first = try session.build()
        let faq = try folder.read("site-folder/content/faq.md")
        try folder.write(faq.replacingOccurrences(of: "### How do I book?\n\n", with: "### How do I book?\n\nBy phone, online, or at the desk.\n\n"),
                         to: "site-folder/content/faq.md")
        let output = try session.update(changed: ["content/faq.md"])
        #expect(output.rendered == ["faq/index.html"])
        #expect(output.pending?.paths == ["aftercare/why-am-i-sore-after-massage/index.html"])
        _ = session.finishPending()
        #expect(session.sink.files == (try clean(site)))
        // A phone number is in every page's chrome: every page shows that save.
        let clinic = try folder.read("site-folder/content/clinic.yml")
        try folder.write(clinic.replacingOccurrences(of: "+1 555 0100", with: "+1 555 0199"), to: "site-folder/content/clinic.yml")
        let again = try session.update(changed: ["content/clinic.yml"])
        #expect(Set(again.rendered) == Set(first.files.keys.filter { $0.hasSuffix(".html") }))
        #expect(again.pending == nil)
        #expect(session.sink.files == (try clean(site)))
    }

    @Test("a page's menu entry renders every page; its body alone renders that page",
          arguments: [false, true])
    func otherPage(deferring: Bool) throws {
        let folder = try TemporaryFolder()
        let site = try folder.copySite(nil)
        let session = TestSession(folder: SiteFolder(site), options: options, deferring: deferring)
        let first = try session.build()
        let about = try folder.read("site-folder/content/about.md")
        try folder.write(about + "\nOne more paragraph.\n", to: "site-folder/content/about.md")
        #expect(try session.update(changed: ["content/about.md"]).rendered == ["about/index.html"])
        let retitled = about.replacingOccurrences(of: "title: About us", with: "title: About the clinic")
        #expect(retitled != about)
        try folder.write(retitled, to: "site-folder/content/about.md")
        let output = try session.update(changed: ["content/about.md"])
        #expect(Set(output.rendered) == Set(first.files.keys.filter { $0.hasSuffix(".html") }), "the menu shows the title")
        _ = session.finishPending()
        #expect(session.sink.files == (try clean(site)))
    }

    @Test("random saves of clinic.yml, the FAQ, the home page and other pages, each building on the last (some breaking the site, then mended; some of several files), give a clean build's bytes and warnings, or a clean build's errors",
          arguments: [false, true])
    func randomSaves(deferring: Bool) throws {
        let seed = TestSeed.value(default: 3)
        let saves = try RandomSiteSaves(seed: seed, deferring: deferring,
                                        mix: .init(clinic: 4, faq: 4, home: 2, pages: 3, aftercare: 2, combined: 8))
        try saves.run(steps: 30)
        #expect(!saves.completed || saves.counts.failed > 0, "no save broke the site: \(saves.replay)")
    }
}
