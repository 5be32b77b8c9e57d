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

@Suite("The aftercare index across pages")
struct PaginationTests {
    /// The demo site with `extra` more massage pages (`Massage note 1` …) and `perPage`
    /// entries per listing page.
    func site(_ folder: TemporaryFolder, extra: Int, perPage: Int) throws -> String {
        let site = try folder.copySite(nil)
        for number in 1...extra {
            try folder.write("""
                ---
                title: Massage note \(number)
                summary: Note \(number) about massage.
                treatment: massage
                date: 2026-03-\(String(format: "%02d", number))
                reviewed: 2026-03-\(String(format: "%02d", number))
                tags: [soreness]
                ---
                Drink water and rest.

                """, to: "site-folder/content/aftercare/massage-note-\(number).md")
        }
        let clinic = try folder.read("site-folder/content/clinic.yml")
        try folder.write(clinic + "\naftercare_per_page: \(perPage)\n", to: "site-folder/content/clinic.yml")
        return site
    }

    func text(_ files: [String: [UInt8]], _ path: String) -> String? {
        files[path].map { String(decoding: $0, as: UTF8.self) }
    }

    /// The addresses an index page lists, in order.
    func listed(_ html: String) -> [String] {
        html.components(separatedBy: "<h3><a href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test("listing pages split the index in order, with continued treatments, links between them and sitemap entries")
    func split() throws {
        let folder = try TemporaryFolder()
        let site = try site(folder, extra: 5, perPage: 4)
        let (sink, _) = try buildInMemory(site)
        let files = sink.files
        // 9 pages: cupping 1, hot stone 1, massage 6, physiotherapy 1 → 4 + 4 + 1.
        let paths = ["aftercare/index.html", "aftercare/page/2/index.html", "aftercare/page/3/index.html"]
        let pages = try paths.map { try #require(text(files, $0), "\($0) is missing") }
        #expect(files["aftercare/page/4/index.html"] == nil && files["aftercare/page/1/index.html"] == nil)
        let all = pages.flatMap(listed)
        #expect(all.count == 9 && Set(all).count == 9)
        #expect(pages.map { listed($0).count } == [4, 4, 1])
        // Massage (titles sorted) begins on page 1 and continues on page 2.
        #expect(listed(pages[0]).suffix(2) == ["/aftercare/massage-note-1/", "/aftercare/massage-note-2/"])
        #expect(!pages[0].contains("(continued)"))
        #expect(pages[1].contains("<h2 id=\"massage\">Massage <span class=\"continued\">(continued)</span></h2>"))
        #expect(listed(pages[2]) == ["/aftercare/ankle-sprain-home-exercises/"])
        // Treatment links point at the page each treatment begins on.
        #expect(pages[0].contains("<a href=\"#massage\">Massage</a>"))
        #expect(pages[0].contains("<a href=\"/aftercare/page/3/#physiotherapy\">Physiotherapy</a>"))
        #expect(pages[2].contains("<a href=\"/aftercare/#cupping\">Cupping</a>"))
        // Titles, canonical addresses and links to the neighbours.
        #expect(pages[1].contains("<title>Aftercare advice, page 2 of 3 · "))
        #expect(pages[1].contains("<link rel=\"canonical\" href=\"https://willowstreet.example/aftercare/page/2/\">"))
        #expect(pages[1].contains("<a href=\"/aftercare/\" rel=\"prev\">") && pages[1].contains("<a href=\"/aftercare/page/3/\" rel=\"next\">"))
        #expect(pages[1].contains("<a href=\"/aftercare/page/2/\" aria-current=\"page\"><span class=\"visually-hidden\">Page </span>2</a>"))
        #expect(!pages[0].contains("rel=\"prev\"") && !pages[2].contains("rel=\"next\""))
        // Each page's structured data names only its own entries.
        #expect(pages[2].contains("\"hasPart\":[{\"@id\":\"https://willowstreet.example/aftercare/ankle-sprain-home-exercises/\"}]"))
        let sitemap = try #require(text(files, "sitemap.xml"))
        #expect(sitemap.contains("<loc>https://willowstreet.example/aftercare/page/2/</loc>"))
        #expect(sitemap.contains("<loc>https://willowstreet.example/aftercare/page/3/</loc>"))
        // Every link and anchor on the listing pages resolves.
        let check = SiteCheck.run(folder: SiteFolder(site), options: BuildOptions(today: Fixtures.today))
        #expect(check.diagnostics.errors.isEmpty, "\(check.diagnostics.errors)")
    }

    @Test("a site that fits on one page has no page links")
    func onePage() throws {
        let folder = try TemporaryFolder()
        let site = try site(folder, extra: 1, perPage: 5)
        let files = try buildInMemory(site).0.files
        let index = try #require(text(files, "aftercare/index.html"))
        #expect(listed(index).count == 5)
        #expect(!index.contains("class=\"pagination\"") && !index.contains("(continued)"))
        #expect(!files.keys.contains { $0.hasPrefix("aftercare/page/") })
    }

    @Test("page links: the first, the last and two either side, with gaps")
    func pageLinks() {
        func links(_ number: Int, of total: Int) -> [Int?] {
            AftercareListing(number: number, total: total, groups: [], treatments: []).pageLinks
        }
        #expect(links(1, of: 1) == [1])
        #expect(links(3, of: 5) == [1, 2, 3, 4, 5])
        #expect(links(6, of: 20) == [1, nil, 4, 5, 6, 7, 8, nil, 20])
        #expect(links(1, of: 20) == [1, 2, 3, nil, 20])
        #expect(links(5, of: 20) == [1, 2, 3, 4, 5, 6, 7, nil, 20])
        #expect(links(20, of: 20) == [1, nil, 18, 19, 20])
    }

    @Test("aftercare_per_page must be a whole number from 1 to 10000")
    func invalid() {
        for value in ["0", "many", "-3", "[2]"] {
            let (_, diagnostics) = Clinic.read(source("name: W\nurl: https://example.org/\naftercare_per_page: \(value)\n",
                                                      path: "content/clinic.yml"))
            #expect(diagnostics.errors.map(\.location.description) == ["content/clinic.yml:3:21"], "\(value)")
            #expect(diagnostics.errors.first?.message.contains("'aftercare_per_page' should be a whole number") == true)
        }
        let (clinic, diagnostics) = Clinic.read(source("name: W\nurl: https://example.org/\naftercare_per_page: 12\n", path: "content/clinic.yml"))
        #expect(diagnostics.isEmpty && clinic?.aftercarePerPage == 12)
    }

    @Test("a rebuild renders only the listing pages that show something else, byte-identical to a clean build")
    func retitled() throws {
        let folder = try TemporaryFolder()
        let site = try site(folder, extra: 5, perPage: 4)
        let builder = TestSession(folder: SiteFolder(site), options: BuildOptions(today: Fixtures.today))
        _ = try builder.build()
        func clean() throws -> [String: [UInt8]] {
            let sink = MemorySink()
            _ = try SiteBuilder.render(folder: SiteFolder(site), options: BuildOptions(today: Fixtures.today, parallel: false), images: .tests, into: sink)
            return sink.files
        }

        // A title that keeps its place: only the listing page it is on.
        let note = "content/aftercare/massage-note-4.md"
        let text = try folder.read("site-folder/" + note)
        try folder.write(text.replacingOccurrences(of: "title: Massage note 4", with: "title: Massage note 4, revised"), to: "site-folder/" + note)
        var output = try builder.update(changed: [note])
        #expect(output.rendered.filter { $0.hasPrefix("aftercare/index") || $0.hasPrefix("aftercare/page/") } == ["aftercare/page/2/index.html"])
        #expect(!output.rendered.contains("sitemap.xml"), "no address or date changed")
        #expect(output.files == (try clean()))

        // A title that moves it from page 2 to page 1 shifts page 1 and page 2, not page 3.
        try folder.write(text.replacingOccurrences(of: "title: Massage note 4", with: "title: A massage note"), to: "site-folder/" + note)
        output = try builder.update(changed: [note])
        #expect(output.rendered.filter { $0.hasPrefix("aftercare/index") || $0.hasPrefix("aftercare/page/") }
                == ["aftercare/index.html", "aftercare/page/2/index.html"])
        // Now first by title among pages that score alike, it is related to the other notes.
        #expect(self.text(output.files, "aftercare/massage-note-1/index.html")?.contains(">A massage note</a></li>") == true)
        #expect(output.rendered.contains("aftercare/massage-note-1/index.html"))
        #expect(output.files == (try clean()))

        // Fewer pages: the last listing page goes.
        for number in 1...3 { try FileManager.default.removeItem(atPath: site + "/content/aftercare/massage-note-\(number).md") }
        output = try builder.update(changed: (1...3).map { "content/aftercare/massage-note-\($0).md" })
        #expect(output.removed.contains("aftercare/page/3/index.html"))
        #expect(output.files == (try clean()))
        #expect(output.pageCount == output.files.keys.filter { $0.hasSuffix(".html") }.count)
    }

    @Test("a rebuild renders the listing pages whose view changed, those that show the new page first, byte-identical to a clean build")
    func incremental() throws {
        let folder = try TemporaryFolder()
        let site = try site(folder, extra: 5, perPage: 4)
        func clean() throws -> [String: [UInt8]] {
            let sink = MemorySink()
            _ = try SiteBuilder.render(folder: SiteFolder(site), options: BuildOptions(today: Fixtures.today, parallel: false), images: .tests, into: sink)
            return sink.files
        }
        func add(_ number: Int) throws -> String {
            let file = "content/aftercare/massage-note-\(number).md"
            try folder.write("---\ntitle: Massage note \(number)\ntreatment: massage\n---\nRest.\n", to: "site-folder/" + file)
            return file
        }
        func listingPages(_ paths: [String]) -> [String] {
            paths.filter { $0.hasPrefix("aftercare/index") || $0.hasPrefix("aftercare/page/") }.sorted()
        }

        // Nine entries on three pages (4, 4, 1); the tenth lands at the end of page 2, after
        // note 5, and moves the last massage page to page 3. Page 2 shows the new page and
        // renders at once; page 1 (a treatment's count changed) and page 3 (an entry moved in)
        // render after.
        let builder = TestSession(folder: SiteFolder(site), options: BuildOptions(today: Fixtures.today), deferring: true)
        _ = try builder.build()
        let output = try builder.update(changed: [try add(6)])
        #expect(listed(text(output.files, "aftercare/page/2/index.html")!).last == "/aftercare/massage-note-6/")
        #expect(listingPages(output.rendered) == ["aftercare/page/2/index.html"])
        #expect(listingPages(output.pending?.paths.sorted() ?? []) == ["aftercare/index.html", "aftercare/page/3/index.html"])
        // Not pages a reload shows: the sitemap and the feed (which both name the new page) render after.
        #expect(!output.rendered.contains("sitemap.xml") && !output.rendered.contains("feed.xml"))
        #expect(output.pending?.paths.isSuperset(of: ["sitemap.xml", "feed.xml"]) == true)
        _ = builder.finishPending()
        #expect(builder.sink.files == (try clean()))

        // A theme that shows each treatment's count shows the new count on every page.
        let template = try folder.read("site-folder/templates/aftercare-list.mustache")
        try folder.write(template.replacingOccurrences(of: "{{treatment}}</a></li>{{/treatments}}", with: "{{treatment}} ({{count}})</a></li>{{/treatments}}"),
                         to: "site-folder/templates/aftercare-list.mustache")
        let counting = TestSession(folder: SiteFolder(site), options: BuildOptions(today: Fixtures.today))
        let before = try counting.build().files
        #expect(text(before, "aftercare/index.html")?.contains("Massage (7)") == true)
        let next = try counting.update(changed: [try add(7)])
        #expect(listingPages(next.rendered) == ["aftercare/index.html", "aftercare/page/2/index.html", "aftercare/page/3/index.html"])
        #expect(text(next.files, "aftercare/index.html")?.contains("Massage (8)") == true)
        #expect(next.files == (try clean()))
    }
}


@Suite("Newest aftercare")
struct NewestAftercareTests {
    @Test("the newest few are the start of the full recency order, on random sites with ties and undated pages")
    func newest() {
        let seed = TestSeed.value(default: 13)
        var generator = SplitMix(seed: seed)
        for round in 0..<50 {
            let count = Int.random(in: 0...60, using: &generator)
            let pages = (0..<count).map { number -> AftercarePage in
                let day = Int.random(in: 0...4, using: &generator)
                let date = day == 0 ? nil : Day(year: 2026, month: 1, day: day)
                let updated = Bool.random(using: &generator) ? Day(year: 2026, month: 1, day: Int.random(in: 1...4, using: &generator)) : nil
                return AftercarePage(sourcePath: "content/aftercare/p\(number).md", slug: "p\(number)", slugLocation: SourceLocation(path: "content/aftercare/p\(number).md"),
                                     title: ["A", "B", "C"].randomElement(using: &generator)!, summary: nil, hasOwnSummary: false,
                                     treatment: nil, date: date, updated: updated, reviewed: nil, reviewedLocation: nil,
                                     reviewedBy: nil, tags: [], draft: false, faqReferences: [], faqSections: [], template: "aftercare",
                                     templateLocation: nil, content: MarkdownRenderer.render("Text"))
            }
            let shared = pages.map(Shared.init)
            // The full order: newest first by `updated`/`date`, undated last, then by title and slug.
            let order = pages.indices.sorted { left, right in
                switch (pages[left].lastChanged, pages[right].lastChanged) {
                case let (a?, b?) where a != b: return a > b
                case (_?, nil): return true
                case (nil, _?): return false
                default: return (pages[left].title, pages[left].slug) < (pages[right].title, pages[right].slug)
                }
            }
            for limit in [0, 1, 5, 50] {
                #expect(Site.newest(shared, count: limit) == Array(order.prefix(limit)), "round \(round), limit \(limit), \(TestSeed.replay(seed))")
            }
        }
    }
}

@Suite("The aftercare index's order")
struct AftercareIndexTests {
    func page(_ number: Int, title: String, treatment: String?) -> AftercarePage {
        AftercarePage(sourcePath: "content/aftercare/p\(number).md", slug: "p\(number)", slugLocation: SourceLocation(path: "content/aftercare/p\(number).md"), title: title, summary: nil,
                      hasOwnSummary: false, treatment: treatment, date: nil, updated: nil, reviewed: nil, reviewedLocation: nil,
                      reviewedBy: nil, tags: [], draft: false, faqReferences: [], faqSections: [], template: "aftercare", templateLocation: nil,
                      content: MarkdownRenderer.render("Text"))
    }

    @Test("moving retitled pages within their groups gives the order of a new index")
    func replace() {
        var generator = SplitMix(seed: 5)
        let treatments: [String?] = ["massage", "Massage", "cupping", nil]
        var pages = (0..<60).map { page($0, title: "Note \(generator.next() % 20)", treatment: treatments[Int(generator.next() % 4)]) }
        var index = AftercareIndex(pages.map(Shared.init))
        for _ in 0..<100 {
            let changed = (0..<Int(1 + generator.next() % 3)).map { _ in Int(generator.next() % UInt64(pages.count)) }
            for number in changed { pages[number].title = "Note \(generator.next() % 20)" }
            for number in Set(changed).sorted() {
                let moved = index.replace(number, with: ListingEntry(pages[number]))
                #expect(moved)
            }
            let fresh = AftercareIndex(pages.map(Shared.init))
            #expect(index.groups.map(\.pages) == fresh.groups.map(\.pages))
            #expect(index.groups.map(\.name) == fresh.groups.map(\.name))
            #expect(index.entries == fresh.entries)
        }
        // Another treatment is not a move within a group.
        pages[0].treatment = pages[0].treatment == "cupping" ? "massage" : "cupping"
        let moved = index.replace(0, with: ListingEntry(pages[0]))
        #expect(!moved)
    }

    @Test("pages coming and going anywhere in the list give the order and group names of a new index")
    func insertedAndRemoved() {
        var generator = SplitMix(seed: 9)
        // Treatments shown alike or not ("Hot stone", "Hot Stone"): a group is named as its
        // first page shows it.
        let treatments: [String?] = ["massage", "Massage", "hot stone", "hot Stone", "cupping", nil]
        var made = 0
        func newPage() -> AftercarePage {
            made += 1
            return page(made, title: "Note \(generator.next() % 20)", treatment: treatments[Int(generator.next() % 6)])
        }
        var pages = (0..<10).map { _ in newPage() }
        var index = AftercareIndex(pages.map(Shared.init))
        for step in 0..<300 {
            if pages.isEmpty || generator.next() % 2 == 0 {
                let position = Int(generator.next() % UInt64(pages.count + 1))
                let new = newPage()
                pages.insert(new, at: position)
                index.insert(ListingEntry(new), at: position)
            } else {
                let position = Int(generator.next() % UInt64(pages.count))
                pages.remove(at: position)
                index.remove(at: position)
            }
            let fresh = AftercareIndex(pages.map(Shared.init))
            #expect(index.groups.map(\.pages) == fresh.groups.map(\.pages), "step \(step)")
            #expect(index.groups.map(\.key) == fresh.groups.map(\.key))
            #expect(index.groups.map(\.name) == fresh.groups.map(\.name))
            #expect(index.entries == fresh.entries)
        }
    }
}
