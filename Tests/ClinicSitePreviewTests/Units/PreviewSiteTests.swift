import ClinicBase
import ClinicContent
import ClinicModel
import ClinicRender
import ClinicBuild
import ClinicOutput
import ClinicSiteTestSupport
import Foundation
import Testing
@testable import ClinicSitePreview

@Suite("The site held in memory")
struct PreviewSiteTests {
    private let page = Array("<html><body>home</body></html>".utf8)
    private let css = Array("body{color:black}".utf8)

    private func text(_ resource: PreviewResource?) -> String {
        resource.map { String(decoding: $0.bytes, as: UTF8.self) } ?? "(nil)"
    }

    @Test("a first build reloads pages; the same output again changes nothing")
    func unchanged() {
        let site = PreviewSite(session: "s")
        let output = ["index.html": page, "assets/style.css": css]
        #expect(site.publish(output, basePath: "/") == .pages(build: "s-1"))
        #expect(site.publish(output, basePath: "/") == .unchanged)
        #expect(site.snapshot?.id == "s-1")
    }

    @Test("a change to existing stylesheets only swaps them; any other change, a removed stylesheet included, reloads")
    func stylesheets() {
        let site = PreviewSite(session: "s")
        _ = site.publish(["index.html": page, "assets/style.css": css], basePath: "/")
        let newCSS = Array("body{color:red}".utf8)
        #expect(site.publish(["index.html": page, "assets/style.css": newCSS], basePath: "/")
                == .stylesheets(build: "s-2", previous: "s-1", changed: ["assets/style.css"]))
        #expect(site.publish(["index.html": Array("<p>new</p>".utf8), "assets/style.css": newCSS], basePath: "/") == .pages(build: "s-3"))
        #expect(site.publish(["index.html": Array("<p>new</p>".utf8)], basePath: "/") == .pages(build: "s-4"))
    }

    @Test("an unchanged file keeps its modification date, so its ETag stays; pages change with every build")
    func dates() throws {
        let site = PreviewSite(session: "s")
        let first = Date(timeIntervalSince1970: 1_000)
        let second = Date(timeIntervalSince1970: 2_000)
        _ = site.publish(["index.html": page, "assets/style.css": css], basePath: "/", at: first)
        _ = site.publish(["index.html": Array("<p>new</p>".utf8), "assets/style.css": css], basePath: "/", at: second)
        #expect(site.resource(at: "/assets/style.css")?.modificationDate == first)
        #expect(site.resource(at: "/index.html")?.modificationDate == second)
    }

    @Test("errors show on every page until the next good build, which keeps the last good site meanwhile")
    func errors() throws {
        let site = PreviewSite(session: "s")
        _ = site.publish(["index.html": page], basePath: "/", at: Date(timeIntervalSince1970: 1_000))
        let error = Diagnostic(SourceLocation(path: "content/index.md", line: 3, column: 1), "bad", stage: .frontMatter)
        site.fail([error], at: Date(timeIntervalSince1970: 2_000))
        let shown = site.resource(at: "/index.html")
        #expect(text(shown).contains("home"))
        #expect(text(shown).contains("content/index.md:3:1: bad"))
        #expect(shown?.modificationDate == Date(timeIntervalSince1970: 2_000))
        #expect(site.hello == .hello(build: "s-1", errors: ["content/index.md:3:1: bad"]))
        #expect(site.publish(["index.html": page], basePath: "/", at: Date(timeIntervalSince1970: 3_000)) == .pages(build: "s-1"))
        #expect(!text(site.resource(at: "/index.html")).contains("content/index.md:3:1"))
        #expect(site.problem == nil)
    }

    @Test("folders, files and the 404 page resolve under the base path only")
    func resolve() {
        let site = PreviewSite(session: "s")
        _ = site.publish(["index.html": page, "aftercare/index.html": page, "404.html": Array("<body>lost</body>".utf8),
                          "assets/style.css": css], basePath: "/willow/")
        #expect(site.resource(at: "/willow/")?.isFolder == true)
        #expect(site.resource(at: "/willow")?.isFolder == true)
        #expect(site.resource(at: "/willow/aftercare")?.isFolder == true)
        #expect(site.resource(at: "/willow/aftercare/index.html")?.isFolder == false)
        #expect(text(site.resource(at: "/willow/assets/style.css")) == "body{color:black}")
        #expect(site.resource(at: "/aftercare/") == nil)
        #expect(site.resource(at: "/willow/nothing") == nil)
        #expect(site.resource(at: "/willow/assets/") != nil)
        #expect(String(decoding: site.notFoundPage() ?? [], as: UTF8.self).contains("lost"))
    }

    @Test("an incremental build changes only the paths it names; a folder goes with its last file")
    func incrementalFolders() {
        let site = PreviewSite(session: "s")
        _ = site.publish(["index.html": page, "a/b/index.html": page, "a/c.css": css], basePath: "/")
        #expect(site.publish(written: ["a/b/index.html": page], removed: [], basePath: "/") == .unchanged)
        #expect(site.snapshot?.id == "s-1")
        #expect(site.publish(written: [:], removed: ["a/b/index.html"], basePath: "/") == .pages(build: "s-2"))
        #expect(site.resource(at: "/a/b/") == nil)
        #expect(site.resource(at: "/a/")?.isFolder == true)
        #expect(site.publish(written: ["a/d/e/index.html": page], removed: ["a/c.css"], basePath: "/")
                == .pages(build: "s-3"))
        #expect(site.resource(at: "/a/d/")?.isFolder == true)
        #expect(site.resource(at: "/a/d/e/index.html")?.isFolder == false)
        #expect(site.resource(at: "/a/c.css") == nil)
        #expect(site.publish(written: [:], removed: ["a/d/e/index.html"], basePath: "/") == .pages(build: "s-4"))
        #expect(site.resource(at: "/a/") == nil)
        #expect(site.resource(at: "/")?.isFolder == true)
    }

    @Test("outputs a save left pending are served as a full build writes them, rendered when asked for, then taken in")
    func pendingOutputs() throws {
        let copy = try TemporaryFolder.demo()
        try copy.write(try copy.read("content/clinic.yml") + "\naftercare_per_page: 1\n", to: "content/clinic.yml")
        let session = SiteSession(folder: copy.folder, options: BuildOptions(fingerprintAssets: false), deferring: true)
        let site = PreviewSite(session: "s")
        let first = CollectingSink()
        let firstReport = try session.build(into: first)
        _ = site.publish(first.written, basePath: "/", images: firstReport.deferredImages)
        // The photos are made off the path of the build, as the preview makes them.
        if let images = firstReport.deferredImages { site.completeImages(images) }
        // A page listed first on the index moves every other entry to the next page, and adds one.
        try copy.write("---\ntitle: Rest after acupressure\ntreatment: Acupressure\ntags: [rest]\n---\nRest.\n",
                       to: "content/aftercare/acupressure-rest.md")
        let sink = CollectingSink()
        let report = try session.update(changed: ["content/aftercare/acupressure-rest.md"], into: sink)
        let pending = try #require(report.deferred)
        #expect(pending.paths.contains("aftercare/page/5/index.html") && sink.written["aftercare/page/5/index.html"] == nil)
        #expect(site.publish(written: sink.written, removed: report.removed, pending: pending, basePath: report.basePath) == .pages(build: "s-2"))
        let clean = MemorySink()
        _ = try SiteBuilder.render(folder: copy.folder, options: BuildOptions(fingerprintAssets: false), into: clean)
        #expect(site.resource(at: "/aftercare/page/5")?.isFolder == true)
        for path in pending.paths.sorted() {
            let expected = path.hasSuffix(".html") ? LiveReloadPage.inject(into: clean.files[path]!, build: "s-2", problem: nil) : clean.files[path]!
            #expect(text(site.resource(at: "/" + path)) == String(decoding: expected, as: UTF8.self), "\(path)")
        }
        site.complete(pending)
        let snapshot = try #require(site.snapshot)
        #expect(snapshot.pending == nil && snapshot.id == "s-2")
        #expect(Set(snapshot.files.keys) == Set(clean.files.keys))
        for (path, bytes) in clean.files where snapshot.files[path]?.bytes != bytes { Issue.record("\(path) differs from a clean build") }
    }

    @Test("before any good build there is nothing to serve")
    func empty() {
        let site = PreviewSite(session: "s")
        #expect(site.resource(at: "/") == nil)
        #expect(site.notFoundPage() == nil)
        #expect(site.hello == .hello(build: nil, errors: []))
    }
}
