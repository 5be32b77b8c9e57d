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

@Suite("What the preview adds to pages")
struct LiveReloadPageTests {
    private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test("the script goes before the last </body>, whatever its case")
    func beforeBody() {
        let page = "<html><body><p>x</p><!-- </body> in a comment --></BODY></html>"
        let result = text(LiveReloadPage.inject(into: Array(page.utf8), build: "abc-1", problem: nil))
        let script = result.range(of: "<script id=\"clinicsite-live-reload\">")!
        #expect(result.range(of: "</BODY>")!.lowerBound > script.lowerBound)
        #expect(result.range(of: "<!-- </body>")!.lowerBound < script.lowerBound)
        #expect(result.contains("let build = \"abc-1\";"))
        #expect(result.contains("new EventSource(\"/__clinicsite/events\")"))
        #expect(!result.contains("clinicsite-overlay\" role"))
        #expect(result.hasPrefix("<html><body><p>x</p>"))
        #expect(result.hasSuffix("</BODY></html>"))
    }

    @Test("a page without </body> gets the script at the end")
    func noBody() {
        let result = text(LiveReloadPage.inject(into: Array("<p>fragment</p>".utf8), build: nil, problem: nil))
        #expect(result.hasPrefix("<p>fragment</p>"))
        #expect(result.contains("let build = null;"))
        #expect(result.hasSuffix("</script>\n"))
    }

    @Test("the overlay lists every error as path:line:column: message, escaped")
    func overlay() {
        let errors = [
            Diagnostic(SourceLocation(path: "content/a.md", line: 2, column: 8), "'title' is <script>alert(1)</script>", stage: .frontMatter),
            Diagnostic(SourceLocation(path: "templates/page.mustache", line: 4, column: 1), "missing partial", stage: .template),
        ]
        let problem = BuildProblem(errors: errors, since: Date())
        let result = text(LiveReloadPage.inject(into: Array("<body></body>".utf8), build: "abc-2", problem: problem))
        #expect(result.contains("<div id=\"clinicsite-overlay\" role=\"alert\">"))
        #expect(result.contains("The site did not build: 2 errors"))
        #expect(result.contains("content/a.md:2:8: &#39;title&#39; is &lt;script&gt;alert(1)&lt;/script&gt;\ntemplates/page.mustache:4:1: missing partial"))
        #expect(!result.contains("<script>alert(1)"))
    }

    @Test("events are one line of JSON each, in the text/event-stream format")
    func events() {
        #expect(LiveReloadEvent.reload(build: "a-2").wireFormat == "event: reload\ndata: {\"build\":\"a-2\"}\n\n")
        #expect(LiveReloadEvent.stylesheets(build: "a-3", previous: "a-2").wireFormat
                == "event: stylesheets\ndata: {\"build\":\"a-3\",\"previous\":\"a-2\"}\n\n")
        #expect(LiveReloadEvent.hello(build: nil, errors: []).wireFormat == "event: hello\ndata: {\"build\":null,\"errors\":[]}\n\n")
        let failed = LiveReloadEvent.failed(errors: ["content/a.md:1:1: two\nlines and \"quotes\""]).wireFormat
        #expect(failed == "event: failed\ndata: {\"errors\":[\"content/a.md:1:1: two\\nlines and \\\"quotes\\\"\"]}\n\n")
        #expect(LiveReloadEvent.keepAlive.wireFormat == ": keep-alive\n\n")
    }

    @Test("build output never carries the preview's script")
    func notInBuild() throws {
        let site = try TemporaryFolder.demo()
        let sink = MemorySink()
        _ = try SiteBuilder.render(folder: site.folder, options: BuildOptions(), into: sink)
        let pages = sink.files.filter { $0.key.hasSuffix(".html") }
        #expect(!pages.isEmpty)
        for (path, bytes) in pages {
            let page = String(decoding: bytes, as: UTF8.self)
            #expect(!page.contains("__clinicsite") && !page.contains("clinicsite-live-reload"), "\(path)")
        }
    }
}
