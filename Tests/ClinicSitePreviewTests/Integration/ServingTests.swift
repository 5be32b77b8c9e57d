import ClinicBase
import ClinicContent
import ClinicModel
import ClinicRender
import ClinicBuild
import ClinicOutput
import ClinicSiteTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import ClinicSitePreview

@Suite("Serving the site over HTTP", .serialized, .timeLimit(.minutes(2)))
struct ServingTests {
    @Test("pages, folders and assets are served with their status and content type")
    func pages() async throws {
        let site = try TemporaryFolder.demo()
        try await withPreview(site) { preview in
            let home = try await preview.request("/")
            #expect(home.status == .ok)
            #expect(home.headers[.contentType] == "text/html; charset=utf-8")
            #expect(RunningPreview.text(home).contains("<title>Willow Street Massage &amp; Physiotherapy"))
            #expect(RunningPreview.text(home).contains("new EventSource(\"/__clinicsite/events\")"))

            let page = try await preview.request("/aftercare/cupping-aftercare/")
            #expect(page.status == .ok)
            #expect(RunningPreview.text(page).contains("<h1>Cupping aftercare</h1>"))

            let index = try await preview.request("/aftercare/cupping-aftercare/index.html")
            #expect(RunningPreview.text(index) == RunningPreview.text(page))

            let css = try await preview.request("/assets/style.css")
            #expect(css.status == .ok)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            #expect(RunningPreview.text(css) == (try site.read("templates/assets/style.css")))

            let sitemap = try await preview.request("/sitemap.xml")
            #expect(sitemap.status == .ok)
            #expect(sitemap.headers[.contentType]?.contains("xml") == true)
            #expect(!RunningPreview.text(sitemap).contains("EventSource"))

            for response in [home, css, sitemap] {
                #expect(response.headers[.accessControlAllowOrigin] == nil)
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
        }
    }

    @Test("served pages are the build's pages plus the preview script, nothing else (assets keep their plain names)")
    func sameAsBuild() async throws {
        let site = try TemporaryFolder.demo()
        let sink = MemorySink()
        _ = try SiteBuilder.render(folder: site.folder, options: BuildOptions(fingerprintAssets: false), into: sink)
        try await withPreview(site) { preview in
            for path in ["index.html", "faq/index.html", "about/index.html", "feed.xml", "robots.txt"] {
                let served = RunningPreview.text(try await preview.request("/" + path))
                let built = try #require(sink.text(path))
                if path.hasSuffix(".html") {
                    let snippet = try #require(served.range(of: "\n<style id=\"clinicsite-preview-style\">"))
                    let end = try #require(served.range(of: "</script>\n", range: snippet.upperBound..<served.endIndex))
                    var stripped = served
                    stripped.removeSubrange(snippet.lowerBound..<end.upperBound)
                    #expect(stripped == built, "\(path)")
                } else {
                    #expect(served == built, "\(path)")
                }
            }
        }
    }

    @Test("a folder without its slash redirects to it")
    func folderRedirect() async throws {
        let site = try TemporaryFolder.demo()
        try await withPreview(site) { preview in
            let response = try await preview.request("/aftercare")
            #expect(response.status == .movedPermanently)
            #expect(response.headers[.location] == "/aftercare/")
            let deeper = try await preview.request("/aftercare/cupping-aftercare")
            #expect(deeper.headers[.location] == "/aftercare/cupping-aftercare/")
        }
    }

    @Test("an unknown address gets the site's own 404 page with status 404")
    func notFound() async throws {
        let site = try TemporaryFolder.demo()
        try await withPreview(site) { preview in
            for path in ["/no-such-page/", "/aftercare/no-such-page/", "/assets/", "/missing.css"] {
                let response = try await preview.request(path)
                #expect(response.status == .notFound, "\(path)")
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let text = RunningPreview.text(response)
                #expect(text.contains("Page not found"), "\(path)")
                #expect(text.contains("/__clinicsite/events"))
            }
        }
    }

    @Test("HEAD answers like GET without a body")
    func head() async throws {
        let site = try TemporaryFolder.demo()
        try await withPreview(site) { preview in
            for path in ["/", "/assets/style.css", "/no-such-page/"] {
                let get = try await preview.request(path)
                let head = try await preview.request(path, method: .head)
                #expect(head.status == get.status, "\(path)")
                #expect(head.headers[.contentType] == get.headers[.contentType])
                #expect(head.headers[.contentLength] == String(get.body?.readableBytes ?? -1), "\(path)")
                #expect((head.body?.readableBytes ?? 0) == 0)
            }
        }
    }

    @Test("ETag and If-None-Match: 304 while unchanged; an edited page gets a new ETag, untouched CSS keeps its own")
    func etags() async throws {
        let site = try TemporaryFolder.demo()
        try await withPreview(site) { preview in
            let page = try await preview.request("/about/")
            let css = try await preview.request("/assets/style.css")
            let pageTag = try #require(page.headers[.eTag])
            let cssTag = try #require(css.headers[.eTag])
            #expect(page.headers[.cacheControl] == "no-cache")

            let cached = try await preview.request("/about/", headers: [.ifNoneMatch: pageTag])
            #expect(cached.status == .notModified)
            #expect((cached.body?.readableBytes ?? 0) == 0)
            let other = try await preview.request("/about/", headers: [.ifNoneMatch: "W/\"something-else\""])
            #expect(other.status == .ok)

            let events = try EventStreamClient(port: preview.port)
            #expect(await events.next(named: "hello", timeout: .seconds(20)) != nil)
            try site.edit("content/about.md", replacing: "Willow Street opened", with: "Willow Street first opened")
            #expect(await events.next(named: "reload", timeout: .seconds(20)) != nil)

            let edited = try await preview.request("/about/", headers: [.ifNoneMatch: pageTag])
            #expect(edited.status == .ok)
            #expect(RunningPreview.text(edited).contains("Willow Street first opened"))
            #expect(edited.headers[.eTag] != pageTag)
            let sameCSS = try await preview.request("/assets/style.css", headers: [.ifNoneMatch: cssTag])
            #expect(sameCSS.status == .notModified)
        }
    }

    @Test("a site under a sub-path is served there, and / redirects to it")
    func subPath() async throws {
        let site = try TemporaryFolder.demo()
        try site.edit("content/clinic.yml", replacing: "url: https://willowstreet.example/", with: "url: https://willowstreet.example/willow/")
        try await withPreview(site) { preview in
            #expect(preview.address.localURL == "http://127.0.0.1:\(preview.port)/willow/")
            let root = try await preview.request("/")
            #expect(root.status == .found)
            #expect(root.headers[.location] == "/willow/")
            let home = try await preview.request("/willow/")
            #expect(home.status == .ok)
            #expect(RunningPreview.text(home).contains("href=\"/willow/assets/style.css\""))
            #expect(try await preview.request("/willow/assets/style.css").status == .ok)
            #expect(try await preview.request("/willow").headers[.location] == "/willow/")
            #expect(try await preview.request("/willow/aftercare").headers[.location] == "/willow/aftercare/")
            for path in ["/aftercare/", "/assets/style.css", "/willowx/", "/willow-old/index.html"] {
                #expect(try await preview.request(path).status == .notFound, "\(path)")
            }
        }
    }

    @Test("other methods get 405")
    func methods() async throws {
        let site = try TemporaryFolder.demo()
        try await withPreview(site) { preview in
            let response = try await preview.request("/", method: .post)
            #expect(response.status == .methodNotAllowed)
            #expect(response.headers[.allow] == "GET, HEAD")
        }
    }

    @Test("serve never writes site/")
    func noOutput() async throws {
        let site = try TemporaryFolder.demo()
        try await withPreview(site) { preview in
            _ = try await preview.request("/")
            try site.edit("content/about.md", replacing: "Willow Street opened", with: "Willow Street first opened")
            #expect(await eventually(within: .seconds(20)) { preview.log.buildCount == 2 })
        }
        // As in a fresh clone: site/ holds only its .gitignore, and nothing else appeared but
        // ClinicSite's own working folder, whose photo cache serve shares with build.
        #expect(try site.files(under: "site").keys.sorted() == [".gitignore"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root).filter { $0 != ".clinicsite" }.sorted()
                == ["content", "site", "templates"])
    }
}
