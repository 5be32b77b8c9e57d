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

// Hostile and malformed input: each case ends in a clear `path:line:column` error or a safe
// rendering, never a crash or a hang. The time bounds are hang guards, not performance goals
// (those live in scripts/bench): each is many times what the case takes in a debug build.

/// Runs `body` and fails the test if it took longer than `limit`.
@discardableResult
func finishes<T>(within limit: Duration, _ what: String, _ body: () throws -> T) rethrows -> T {
    let clock = ContinuousClock()
    let start = clock.now
    let result = try body()
    let elapsed = clock.now - start
    #expect(elapsed < limit, "\(what) took \(elapsed), more than \(limit)")
    return result
}

@Suite("Hardening: hostile front matter")
struct HostileFrontMatterTests {
    func read(_ text: String) -> (PageDocument?, [Diagnostic]) {
        PageDocument.read(source(text), kind: .aftercare)
    }

    @Test("10,000-deep nesting is an error at its place, in flow and in block style")
    func deepNesting() {
        let flow = "---\ntitle: Deep\ntags: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n---\nBody\n"
        let block = "---\ntitle: Deep\ntags:\n  " + String(repeating: "- ", count: 10_000) + "x\n---\nBody\n"
        let braces = "---\ntitle: Deep\ntags: " + String(repeating: "{a: ", count: 10_000) + "b" + String(repeating: "}", count: 10_000) + "\n---\nBody\n"
        for (name, text, line) in [("flow", flow, 3), ("block", block, 4), ("braces", braces, 3)] {
            let (document, diagnostics) = finishes(within: .seconds(5), name) { read(text) }
            #expect(document == nil, "\(name)")
            let error = diagnostics.errors.first
            #expect(error?.location.path == "content/aftercare/test.md")
            #expect(error?.location.line == line, "\(name): \(String(describing: error))")
            #expect(error?.message.contains("nesting") == true, "\(name): \(String(describing: error))")
        }
    }

    @Test("a YAML alias bomb (billion laughs) is read in bounded time and memory")
    func aliasBomb() throws {
        var yaml = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let previous = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            yaml += "a\(level): &a\(level) [\(previous)]\n"
        }
        // As a page's tags and FAQ list, and as the clinic's practitioners, services and hours.
        let page = "---\ntitle: Laughs\n" + yaml + "tags: *a9\nfaq: *a9\n---\nBody\n"
        let (_, pageDiagnostics) = finishes(within: .seconds(5), "page") { read(page) }
        // An alias has no place of its own in Yams' tree: the error points at the anchor.
        #expect(pageDiagnostics.errors.contains { (3...13).contains($0.location.line) && $0.message.contains("tags") }, "\(pageDiagnostics)")
        #expect(pageDiagnostics.errors.contains { $0.message.contains("faq") })
        #expect(pageDiagnostics.count < 100, "one report per field, not one per expanded value")

        let clinicYAML = "name: X\nurl: https://example.org/\n" + yaml
            + "practitioners: *a9\nservices: *a9\nhours: *a9\naddress: *a9\n"
        let (_, clinicDiagnostics) = finishes(within: .seconds(5), "clinic.yml") {
            Clinic.read(source(clinicYAML, path: "content/clinic.yml"))
        }
        for field in ["practitioners", "services", "hours", "address"] {
            #expect(clinicDiagnostics.errors.contains { $0.message.contains(field) }, "\(field): \(clinicDiagnostics)")
        }
        #expect(clinicDiagnostics.count < 100)
        #expect(clinicDiagnostics.allSatisfy { $0.location.path == "content/clinic.yml" && $0.location.line > 1 })
    }

    @Test("a 5 MB front matter is read (a 5 MB summary and 100,000 tags)")
    func hugeFrontMatter() throws {
        let summary = String(repeating: "Rest and drink water. ", count: 5_000_000 / 22)
        let tags = (0..<100_000).map { "  - tag \($0)\n" }.joined()
        let text = "---\ntitle: Big\nsummary: \(summary)\ntags:\n\(tags)---\nBody\n"
        #expect(text.utf8.count > 5_000_000)
        let (document, diagnostics) = finishes(within: .seconds(30), "5 MB front matter") { read(text) }
        #expect(diagnostics.errors.isEmpty)
        #expect(document?.frontMatter.summary?.count == summary.trimmingCharacters(in: .whitespaces).count)
        #expect(document?.frontMatter.tags.count == 100_000)
    }

    @Test("dates, numbers and booleans where text is expected stay the text that was typed")
    func plainScalarsAsText() throws {
        let text = "---\ntitle: 2026-03-14\nsummary: 12:30\nreviewed_by: yes\ntreatment: 0x1F\ntags: [NO, 012, 1e3, ~null, .inf]\n---\nBody\n"
        let (document, diagnostics) = read(text)
        #expect(diagnostics.errors.isEmpty, "\(diagnostics)")
        let matter = try #require(document?.frontMatter)
        #expect(matter.title == "2026-03-14")
        #expect(matter.summary == "12:30")
        #expect(matter.reviewedBy == "yes")
        #expect(matter.treatment == "0x1F")
        #expect(matter.tags == ["NO", "012", "1e3", "~null", ".inf"])
    }
}

@Suite("Hardening: pathological Markdown")
struct PathologicalMarkdownTests {
    static let size = 50_000

    /// cmark's own pathological cases (its test/pathological_tests.py) and a few more.
    static let cases: [(String, String)] = [
        ("nested [", String(repeating: "[", count: size) + "a" + String(repeating: "]", count: size)),
        ("unclosed [", String(repeating: "[a", count: size)),
        ("nested >", String(repeating: "> ", count: size) + "a\n"),
        ("nested lists", String(repeating: "* ", count: size) + "a\n"),
        ("*a **a", String(repeating: "*a **a ", count: size)),
        // libcmark 0.30 is quadratic here (50,000 take 8 s in cmark alone); the loader refuses
        // such files (see slowBrackets below), the renderer meets at most this many.
        ("![[]()", String(repeating: "![[]()", count: 10_000)),
        ("<!--", String(repeating: "<!--", count: size)),
        ("<!-- lines", String(repeating: "a <!--\n", count: size)),
        ("backticks", (1...1_000).map { String(repeating: "`", count: $0) + "a" }.joined()),
        ("emphasis openers", String(repeating: "*_", count: size) + "a"),
        ("link openers", String(repeating: "[a](", count: size)),
        ("entities", String(repeating: "&#x1F600;&amp;&#0;", count: size)),
        ("NUL", String(repeating: "a\u{0}b ", count: size)),
        ("headings", String(repeating: "## Same heading\n\n", count: 5_000)),
    ]

    @Test("cmark's pathological inputs render safely within a second or two", arguments: cases.map(\.0))
    func pathological(name: String) throws {
        let markdown = try #require(Self.cases.first { $0.0 == name }?.1)
        for unsafe in [false, true] {
            let rendered = finishes(within: .seconds(10), "\(name) (unsafe_html: \(unsafe))") {
                MarkdownRenderer.render(markdown, options: MarkdownOptions(unsafeHTML: unsafe))
            }
            #expect(!rendered.html.contains("\u{0}"))
            // cmark marks what it left out with its own comment; nothing else may open one.
            if !unsafe { #expect(!rendered.html.replacingOccurrences(of: "<!-- raw HTML omitted -->", with: "").contains("<!--")) }
        }
    }

    @Test("a site whose pages are all pathological builds, within a bound")
    func pathologicalSite() throws {
        let folder = try TemporaryFolder()
        let site = try folder.copySite(nil)
        for (index, (name, markdown)) in Self.cases.enumerated() {
            try folder.write("---\ntitle: \"Case \(index): \(name)\"\n---\n\(markdown)\n", to: "site-folder/content/aftercare/case-\(index).md")
        }
        let (sink, report) = try finishes(within: .seconds(60), "the pathological site") { try buildInMemory(site) }
        #expect(report.pageCount > Self.cases.count)
        for index in Self.cases.indices {
            #expect(sink.text("aftercare/case-\(index)/index.html")?.contains("</html>") == true)
        }
    }

    @Test("50,000 '![[]()' (quadratic in libcmark 0.30) are refused at once, at the file")
    func slowBrackets() throws {
        let folder = try TemporaryFolder()
        let site = try folder.copySite(nil)
        try folder.write("---\ntitle: Brackets\n---\n" + String(repeating: "![[]()", count: 50_000), to: "site-folder/content/aftercare/brackets.md")
        let errors = finishes(within: .seconds(5), "50,000 '![[]()'") { buildErrors(site) }.errors
        #expect(errors.count == 1)
        #expect(errors.first?.location.path.hasSuffix("content/aftercare/brackets.md") == true)
        #expect(errors.first?.message.contains("50000 image openers") == true, "\(errors)")
        // A page with many images and links is far below the limit.
        let ordinary = String(repeating: "![Ice pack](/media/ice.jpg) and [the FAQ](/faq/).\n\n", count: 2_000)
        #expect(ContentLoader.slowBracketsProblem(Array(ordinary.utf8)) == nil)
    }

    @Test("a 50 MB Markdown file is refused at once with its size; a 1 MB page builds")
    func hugeFile() throws {
        let folder = try TemporaryFolder()
        let site = try folder.copySite(nil)
        let paragraph = "Apply ice for **15 minutes**, then rest. See [the FAQ](/faq/) and drink water.\n\n"
        let huge = "---\ntitle: Huge\n---\n" + String(repeating: paragraph, count: 50_000_000 / paragraph.utf8.count)
        try folder.write(huge, to: "site-folder/content/aftercare/huge.md")
        let errors = finishes(within: .seconds(5), "the 50 MB file") { buildErrors(site) }.errors
        #expect(errors.count == 1)
        #expect(errors.first?.location.path.hasSuffix("content/aftercare/huge.md") == true)
        #expect(errors.first?.message.contains("this file is 47.7 MiB") == true, "\(errors)")
        #expect(errors.first?.message.contains("up to 8 MiB") == true)

        let large = "---\ntitle: Large\n---\n" + String(repeating: paragraph, count: 1_000_000 / paragraph.utf8.count)
        try folder.write(large, to: "site-folder/content/aftercare/huge.md")
        let (sink, _) = try finishes(within: .seconds(30), "the 1 MB page") { try buildInMemory(site) }
        #expect(sink.text("aftercare/huge/index.html")?.contains("<strong>15 minutes</strong>") == true)
    }

    @Test("a named pipe in content/ is skipped without waiting for a writer")
    func namedPipe() throws {
        let folder = try TemporaryFolder()
        let site = try folder.copySite(nil)
        #expect(mkfifo(site + "/content/aftercare/pipe.md", 0o644) == 0)
        #expect(mkfifo(site + "/content/about-pipe.md", 0o644) == 0)
        let (sink, _) = try finishes(within: .seconds(10), "the named pipes") { try buildInMemory(site) }
        #expect(sink.text("aftercare/pipe/index.html") == nil)
        #expect(sink.text("about-pipe/index.html") == nil)
        // Read directly (a file swapped for a pipe after the folder was listed), it is refused.
        let (file, diagnostics) = ContentLoader(folder: SiteFolder(site)).readFile("content/aftercare/pipe.md", inside: "content")
        #expect(file == nil)
        #expect(diagnostics.first?.message.contains("not a regular file") == true)
    }
}

@Suite("Hardening: hostile values")
struct HostileValueTests {
    static let payloads = [
        "</script><script>alert(1)</script>",
        "<!--<script>alert(2)</script>",
        "\" onmouseover=\"alert(3)",
        "' onfocus='alert(4)",
        "line\u{2028}separator\u{2029}paragraph",
    ]

    /// Text that would mean a payload escaped its context, searched outside JSON-LD blocks.
    static let forbidden = [
        "<script>alert", "<!--<script", "\" onmouseover", "' onfocus", "onerror=", "<img src=x",
        "href=\"javascript:", "href=\"data:", "src=\"javascript:", "href='javascript:", "\u{2028}\"",
    ]

    func hostileSite() throws -> (TemporaryFolder, String) {
        let folder = try TemporaryFolder()
        let site = try folder.copySite(nil)
        let p = Self.payloads
        func quoted(_ text: String) -> String {
            "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\u{2028}", with: "\\L").replacingOccurrences(of: "\u{2029}", with: "\\P") + "\""
        }
        try folder.write("""
            name: \(quoted(p[0]))
            tagline: \(quoted(p[1]))
            kind: massage
            url: https://willowstreet.example/
            description: \(quoted(p[2]))
            phone: \(quoted("+1 555 0100 " + p[3]))
            email: hello@willowstreet.example
            booking_url: "https://book.example/willow?a=1&b=%22%3E%3Cscript%3E"
            address: { street: \(quoted(p[0])), locality: \(quoted(p[2])), region: \(quoted(p[3])), postal_code: \(quoted(p[4])), country: CA }
            hours: { monday: "09:00-17:00", saturday: closed }
            practitioners: [ { name: \(quoted(p[3])), role: \(quoted(p[0])), credentials: \(quoted(p[1])), bio: \(quoted(p[2])) } ]
            services: [ { name: \(quoted(p[2])), duration: \(quoted(p[4])), price: \(quoted(p[3])), description: \(quoted(p[0])) } ]
            emergency: \(quoted(p[1]))
            disclaimer: \(quoted(p[4]))

            """, to: "site-folder/content/clinic.yml")
        try folder.write("""
            ---
            title: \(quoted(p[0]))
            summary: \(quoted(p[2]))
            treatment: \(quoted(p[3]))
            reviewed_by: \(quoted(p[4]))
            tags: [\(quoted(p[1])), \(quoted(p[3]))]
            date: 2026-01-05
            ---
            ## \(p[0])

            Links: [a](JaVaScRiPt:alert(5)), [b](data:text/html,<script>alert(6)</script>), [c](vbscript:x),
            <javascript:alert(7)>, ![i](javascript:alert(8)), [d](java&#09;script:alert(9)).

            <script>alert(10)</script> <img src=x onerror=alert(11)> \(p[1]) \(p[2]) \(p[3]) \(p[4])

            """, to: "site-folder/content/aftercare/hostile.md")
        return (folder, site)
    }

    @Test("every payload is escaped in text, attributes, URLs, JSON-LD, feeds and the sitemap")
    func escapedEverywhere() throws {
        let (folder, site) = try hostileSite()
        _ = folder
        let (sink, _) = try buildInMemory(site)
        let page = try #require(sink.text("aftercare/hostile/index.html"))
        #expect(page.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"), "the payload is on the page, escaped")
        var jsonBlocks = 0
        for (path, bytes) in sink.files where [".html", ".xml", ".json", ".txt", ".webmanifest"].contains(where: path.hasSuffix) {
            var text = String(decoding: bytes, as: UTF8.self)
            // JSON-LD: must decode, and can never end its script element early.
            while let start = text.range(of: "<script type=\"application/ld+json\">") {
                let end = try #require(text.range(of: "</script>", range: start.upperBound..<text.endIndex), "\(path)")
                let json = String(text[start.upperBound..<end.lowerBound])
                #expect(!json.lowercased().contains("<!--") && !json.contains("</") && !json.contains("\u{2028}"), "\(path)")
                #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil, "\(path): \(json.prefix(200))")
                jsonBlocks += 1
                text.removeSubrange(start.lowerBound..<end.upperBound)
            }
            for pattern in Self.forbidden {
                #expect(!text.lowercased().contains(pattern.lowercased()), "\(path) contains \(pattern)")
            }
            for payload in ["alert(5)", "alert(6)", "alert(7)", "alert(8)", "alert(9)", "alert(10)", "alert(11)"] {
                #expect(!text.contains(payload) || !text.contains("href=\"" + payload), "\(path)")
            }
            if path.hasSuffix(".xml") {
                #expect(!text.contains("<script"), "\(path)")
            }
            // Inline scripts the theme writes never carry a line separator raw.
            var rest = Substring(text)
            while let open = rest.range(of: "<script"), let close = rest.range(of: "</script>", range: open.upperBound..<rest.endIndex) {
                #expect(!rest[open.lowerBound..<close.upperBound].contains("\u{2028}"), "\(path)")
                rest = rest[close.upperBound...]
            }
        }
        #expect(jsonBlocks > 3)
        // Dangerous links lose their address; the link text stays.
        #expect(page.contains("<a href=\"\">a</a>"))
        #expect(!page.contains("alert(10)</script>") && !page.contains("<img src=x"))
    }

    @Test("javascript:, JaVaScRiPt: and data: booking links are refused at their place")
    func hostileBookingURL() throws {
        for url in ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>", "\u{2028}javascript:x"] {
            let (folder, site) = try hostileSite()
            _ = folder
            let yaml = try folder.read("site-folder/content/clinic.yml")
            let line = yaml.split(separator: "\n").firstIndex { $0.hasPrefix("booking_url:") }! + 1
            try folder.write(yaml.replacingOccurrences(of: "\"https://book.example/willow?a=1&b=%22%3E%3Cscript%3E\"",
                                                       with: "\"\(url.replacingOccurrences(of: "\u{2028}", with: "\\L"))\""),
                             to: "site-folder/content/clinic.yml")
            let errors = buildErrors(site).errors
            #expect(errors.count == 1, "\(url): \(errors)")
            #expect(errors.first?.location == SourceLocation(path: "\(site)/content/clinic.yml", line: line, column: 14)
                    || errors.first?.location.line == line, "\(url): \(errors)")
        }
    }
}

@Suite("Hardening: paths")
struct HostilePathTests {
    @Test("file names with spaces, emoji and accents get plain addresses; an emoji-only name is an error")
    func fileNames() throws {
        let folder = try TemporaryFolder()
        let site = try folder.copySite(nil)
        try folder.write("---\ntitle: One\n---\nx\n", to: "site-folder/content/aftercare/Neck & shoulder 💆.md")
        try folder.write("---\ntitle: Two\n---\nx\n", to: "site-folder/content/aftercare/Crème brûlée.md")
        let (sink, _) = try buildInMemory(site)
        #expect(sink.text("aftercare/neck-shoulder/index.html") != nil)
        #expect(sink.text("aftercare/creme-brulee/index.html") != nil)
        #expect(sink.files.keys.allSatisfy { $0.unicodeScalars.allSatisfy { $0.isASCII && $0 != " " } }, "every output path is plain ASCII")

        try folder.write("---\ntitle: Three\n---\nx\n", to: "site-folder/content/aftercare/💆.md")
        let errors = buildErrors(site).errors
        #expect(errors.count == 1)
        #expect(errors.first?.location.path.hasSuffix("content/aftercare/💆.md") == true)
        #expect(errors.first?.message.contains("slug") == true, "\(errors)")
    }

    @Test("absolute slugs and case-only duplicates are errors at their place")
    func slugs() throws {
        let folder = try TemporaryFolder()
        let site = try folder.copySite("basic")
        try folder.write("---\ntitle: Abs\nslug: /etc/passwd\n---\nx\n", to: "site-folder/content/aftercare/abs.md")
        var errors = buildErrors(site).errors
        #expect(errors.count == 1)
        #expect(errors.first?.location.line == 3 && errors.first?.location.column == 7)

        try FileManager.default.removeItem(atPath: site + "/content/aftercare/abs.md")
        try folder.write("---\ntitle: Upper\n---\nx\n", to: "site-folder/content/aftercare/Neck-Pain.md")
        errors = buildErrors(site).errors
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("already used") == true, "\(errors)")
    }

    @Test("a symlink in content/ pointing outside the site is not followed, for pages and media")
    func symlinkOut() throws {
        let folder = try TemporaryFolder()
        let site = try folder.copySite("basic")
        try folder.write("---\ntitle: Secret\n---\nTOP SECRET\n", to: "outside/secret.md")
        try folder.write("TOP SECRET", to: "outside/media/secret.txt")
        try FileManager.default.createSymbolicLink(atPath: site + "/content/aftercare/secret.md", withDestinationPath: folder.root + "/outside/secret.md")
        try FileManager.default.createSymbolicLink(atPath: site + "/content/media/outside", withDestinationPath: folder.root + "/outside/media")
        let errors = buildErrors(site)
        #expect(errors.errors.count == 2, "\(errors)")
        #expect(errors.allSatisfy { $0.message.contains("points outside the site folder") })
        // Even when only the media link is left, nothing from outside is published.
        try FileManager.default.removeItem(atPath: site + "/content/aftercare/secret.md")
        #expect(buildErrors(site).errors.count == 1)
    }

    @Test("output folders that are ., ~, the site folder or a parent are refused")
    func outputFolders() throws {
        let folder = try TemporaryFolder()
        let site = try folder.copySite("basic")
        let siteFolder = SiteFolder(site)
        for (given, directory) in [(".", site), ("..", site), ("~", site), ("~/site", site), ("../..", site + "/content"), ("./", site)] {
            let output = OutputFolder(given, site: siteFolder, currentDirectory: directory)
            #expect(output.check(site: siteFolder).count == 1, "accepted \(given) from \(directory)")
        }
        #expect(OutputFolder("out", site: siteFolder, currentDirectory: site).check(site: siteFolder).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: site + "/~"))
    }
}

@Suite("Hardening: faults")
struct FaultTests {
    func build(_ site: String) throws(BuildFailure) -> BuildReport {
        let folder = SiteFolder(site)
        return try SiteBuilder.build(folder: folder, output: OutputFolder(nil, site: folder), options: BuildOptions(today: Fixtures.today))
    }

    /// Where the disk fills: a real 1 MiB tmpfs (needs root and permission to mount; the test
    /// is skipped otherwise).
    static let canMount: Bool = {
        guard geteuid() == 0 else { return false }
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("clinicsite-mount-probe-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: probe, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: probe) }
        guard mountTmpfs(at: probe, size: "64k") else { return false }
        umount(probe)
        return true
    }()

    static func mountTmpfs(at path: String, size: String) -> Bool {
        "size=\(size)".withCString { options in mount("tmpfs", path, "tmpfs", 0, options) } == 0
    }

    @Test("the disk fills during a build: a clear error, and the previous site/ is intact", .enabled(if: canMount, "needs root and mount(2)"))
    func diskFull() throws {
        let folder = try TemporaryFolder()
        let disk = folder.root + "/disk"
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        // Room for the demo, its photos' processed files in site/ and in the cache, and little more.
        #expect(Self.mountTmpfs(at: disk, size: "16m"))
        defer { umount2(disk, 2) }  // MNT_DETACH
        try folder.copy(["content", "templates"], from: Repository.root, to: "disk/clinic")
        let site = folder.path("disk/clinic")
        _ = try build(site)
        let before = try FileTree.files(under: site + "/site")
        #expect(before["index.html"] != nil)

        // A file copied as it is (not a photo, which is published resized), too large for what
        // is left on the disk.
        var free = statvfs()
        #expect(statvfs(disk, &free) == 0)
        let left = Int(free.f_bavail) * Int(free.f_bsize)
        try #require(left > 128 * 1024, "the tmpfs is already full: \(left) bytes left")
        let form = Data(count: left - 64 * 1024)
        try FileManager.default.createDirectory(atPath: site + "/content/media", withIntermediateDirectories: true)
        try form.write(to: URL(fileURLWithPath: site + "/content/media/intake-form.pdf"))
        do {
            _ = try build(site)
            Issue.record("the build succeeded on a full disk")
        } catch {
            #expect(error.diagnostics.contains { $0.message.contains("No space left on device") }, "\(error.diagnostics)")
        }
        #expect(try FileTree.files(under: site + "/site") == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site).filter { $0.contains("clinicsite-") }
        #expect(leftovers.isEmpty, "the staging folder is removed")
        // With room again, the next build succeeds.
        try FileManager.default.removeItem(atPath: site + "/content/media/intake-form.pdf")
        _ = try build(site)
    }
}
