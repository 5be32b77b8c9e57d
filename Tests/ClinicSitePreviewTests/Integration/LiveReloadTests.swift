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

@Suite("Live reload", .serialized, .timeLimit(.minutes(2)))
struct LiveReloadTests {
    @Test("editing a page sends a reload event naming the new build", arguments: [SiteWatcher.Method.platformDefault, .polling(every: .milliseconds(100))])
    func reloadOnEdit(_ method: SiteWatcher.Method) async throws {
        let site = try TemporaryFolder.demo()
        try await withPreview(site, configure: { $0.watchMethod = method }) { preview in
            let events = try EventStreamClient(port: preview.port)
            let hello = try #require(await events.next(named: "hello", timeout: .seconds(20)))
            let build = try #require(preview.server.site.snapshot?.id)
            #expect(hello.data == "{\"build\":\"\(build)\",\"errors\":[]}")

            // How soon is scripts/bench-serve's to measure (no test gates on a time).
            try site.edit("content/aftercare/cupping-aftercare.md", replacing: "title: Cupping aftercare", with: "title: Cupping aftercare, revised")
            let reload = try #require(await events.next(named: "reload", timeout: .seconds(20)))
            let next = try #require(preview.server.site.snapshot?.id)
            #expect(next != build)
            #expect(reload.data == "{\"build\":\"\(next)\"}")
            let page = try await preview.request("/aftercare/cupping-aftercare/")
            #expect(RunningPreview.text(page).contains("Cupping aftercare, revised"))
            #expect(RunningPreview.text(page).contains("let build = \"\(next)\";"))
        }
    }

    @Test("a new page on a paginated index: the reload comes at once, every shifted index page is served as a full build has it, and renders right after")
    func deferredListings() async throws {
        let site = try TemporaryFolder.demo()
        try site.write(try site.read("content/clinic.yml") + "\naftercare_per_page: 1\n", to: "content/clinic.yml")
        try await withPreview(site) { preview in
            let events = try EventStreamClient(port: preview.port)
            _ = try #require(await events.next(named: "hello", timeout: .seconds(20)))
            // Listed first, it moves every other entry to the next page, and adds a page.
            try site.write("---\ntitle: Rest after acupressure\ntreatment: Acupressure\n---\nRest.\n", to: "content/aftercare/acupressure-rest.md")
            let reload = try #require(await events.next(named: "reload", timeout: .seconds(20)))
            let build = try #require(preview.server.site.snapshot?.id)
            #expect(reload.data == "{\"build\":\"\(build)\"}")
            let cleanSink = MemorySink()
            _ = try SiteBuilder.render(folder: site.folder, options: BuildOptions(fingerprintAssets: false), into: cleanSink)
            let clean = cleanSink.files
            for number in 2...5 {
                let page = try await preview.request("/aftercare/page/\(number)/")
                #expect(page.status == .ok)
                let expected = LiveReloadPage.inject(into: clean["aftercare/page/\(number)/index.html"]!, build: build, problem: nil)
                #expect(RunningPreview.text(page) == String(decoding: expected, as: UTF8.self), "page \(number)")
            }
            #expect(await eventually(within: .seconds(20)) { preview.log.buildCount == 2 })
            let after = try #require(preview.log.lastBuild.flatMap { result -> BuildSummary? in
                if case .built(let summary, _) = result.outcome { summary } else { nil }
            }?.renderedAfter)
            // Index pages 2 to 5: every entry moved on by one, page 5 is new, and none of them
            // shows the new page; and the sitemap and the feed, which name it but are not pages
            // a reload shows. (The first index page shows it: it renders before the reload. No
            // page lists it as related: a new treatment, no tags.)
            #expect(after.count == 6)
            let snapshot = try #require(preview.server.site.snapshot)
            #expect(snapshot.pending == nil && snapshot.id == build)
            // The photos are made on a thread of their own, after the first build's reload.
            #expect(await eventually(within: .seconds(20)) { Set(preview.server.site.snapshot?.files.keys ?? [:].keys) == Set(clean.keys) })
        }
    }

    @Test("a stylesheet-only change swaps stylesheets instead of reloading")
    func stylesheets() async throws {
        let site = try TemporaryFolder.demo()
        try await withPreview(site) { preview in
            let events = try EventStreamClient(port: preview.port)
            _ = try #require(await events.next(named: "hello", timeout: .seconds(20)))
            let build = try #require(preview.server.site.snapshot?.id)
            try site.write(try site.read("templates/assets/style.css") + "\n.clinicsite-test { color: red; }\n", to: "templates/assets/style.css")
            let event = try #require(await events.next(timeout: .seconds(20)))
            #expect(event.name == "stylesheets")
            let next = try #require(preview.server.site.snapshot?.id)
            #expect(event.data == "{\"build\":\"\(next)\",\"previous\":\"\(build)\"}")
            #expect(RunningPreview.text(try await preview.request("/assets/style.css")).contains(".clinicsite-test"))
        }
    }

    @Test("a typo in a template shows in the overlay with its place and what was meant, until the template is fixed")
    func templateOverlay() async throws {
        let site = try TemporaryFolder.demo()
        try await withPreview(site) { preview in
            let events = try EventStreamClient(port: preview.port)
            _ = try #require(await events.next(named: "hello", timeout: .seconds(20)))
            let good = try site.read("templates/aftercare.mustache")
            try site.edit("templates/aftercare.mustache", replacing: "<h1>{{page.title}}</h1>", with: "<h1>{{page.titel}}</h1>")

            let failed = try #require(await events.next(named: "failed", timeout: .seconds(20)))
            #expect(failed.data.contains("templates/aftercare.mustache:"))
            let problem = try #require(preview.server.site.problem)
            let first = try #require(problem.lines.first)
            #expect(first.hasPrefix(site.root + "/templates/aftercare.mustache:"))
            #expect(first.contains("unknown variable 'page.titel'"))
            #expect(first.hasSuffix("did you mean 'page.title'?"))
            let page = RunningPreview.text(try await preview.request("/aftercare/cupping-aftercare/"))
            #expect(page.contains("<div id=\"clinicsite-overlay\" role=\"alert\">"))
            #expect(page.contains(Escape.html(first)))
            #expect(page.contains("<h1>Cupping aftercare</h1>"), "the last good build is still served under the overlay")

            try site.write(good, to: "templates/aftercare.mustache")
            _ = try #require(await events.next(named: "reload", timeout: .seconds(20)))
            #expect(!RunningPreview.text(try await preview.request("/aftercare/cupping-aftercare/")).contains("clinicsite-overlay\" role"))
            #expect(preview.server.site.problem == nil)
        }
    }

    @Test("a broken front matter shows the overlay, keeps the last good site, and the next good build clears it")
    func overlay() async throws {
        let site = try TemporaryFolder.demo()
        try await withPreview(site) { preview in
            let events = try EventStreamClient(port: preview.port)
            _ = try #require(await events.next(named: "hello", timeout: .seconds(20)))
            let good = try site.read("content/aftercare/cupping-aftercare.md")
            try site.edit("content/aftercare/cupping-aftercare.md", replacing: "title: Cupping aftercare", with: "title: [Cupping aftercare")

            let failed = try #require(await events.next(named: "failed", timeout: .seconds(20)))
            let problem = try #require(preview.server.site.problem)
            let first = try #require(problem.lines.first)
            let file = site.root + "/content/aftercare/cupping-aftercare.md"
            #expect(first.hasPrefix(file + ":"))
            let place = first.dropFirst(file.count + 1).split(separator: ":")
            #expect(place.count >= 3 && Int(place[0]) != nil && Int(place[1]) != nil)
            #expect(failed.data.contains("content/aftercare/cupping-aftercare.md:"))

            let page = RunningPreview.text(try await preview.request("/aftercare/cupping-aftercare/"))
            #expect(page.contains("<div id=\"clinicsite-overlay\" role=\"alert\">"))
            #expect(page.contains("The site did not build: 1 error"))
            #expect(page.contains(Escape.html(first)))
            #expect(page.contains("<h1>Cupping aftercare</h1>"))
            let other = RunningPreview.text(try await preview.request("/faq/"))
            #expect(other.contains("clinicsite-overlay\" role"))

            let late = try EventStreamClient(port: preview.port)
            let hello = try #require(await late.next(named: "hello", timeout: .seconds(20)))
            #expect(hello.data.contains("content/aftercare/cupping-aftercare.md:"))

            try site.write(good, to: "content/aftercare/cupping-aftercare.md")
            _ = try #require(await events.next(named: "reload", timeout: .seconds(20)))
            let fixed = RunningPreview.text(try await preview.request("/aftercare/cupping-aftercare/"))
            #expect(!fixed.contains("clinicsite-overlay\" role"))
            #expect(preview.server.site.problem == nil)
        }
    }

    @Test("a burst of saves rebuilds once")
    func burst() async throws {
        let site = try TemporaryFolder.demo()
        // A quiet period no pause between the saves comes near, even on a busy machine.
        try await withPreview(site, configure: { $0.quietPeriod = .seconds(2) }) { preview in
            let events = try EventStreamClient(port: preview.port)
            _ = try #require(await events.next(named: "hello", timeout: .seconds(20)))
            #expect(preview.log.buildCount == 1)
            for (index, file) in ["about.md", "contact.md", "faq.md", "index.md", "aftercare/cupping-aftercare.md"].enumerated() {
                let path = "content/" + file
                try site.write(try site.read(path) + "\nSaved \(index).\n", to: path)
            }
            _ = try #require(await events.next(named: "reload", timeout: .seconds(20)))
            // One more save: the next event is its reload, so the burst gave no other build.
            try site.write(try site.read("content/about.md") + "\nOne more.\n", to: "content/about.md")
            let next = try #require(await events.next(timeout: .seconds(20)))
            #expect(await eventually(within: .seconds(20)) { preview.shows("One more.", at: "about/index.html") && preview.log.buildCount >= 3 })
            let build = try #require(preview.server.site.snapshot?.id)
            #expect(next.name == "reload" && next.data == "{\"build\":\"\(build)\"}", "the event after the burst's is the next save's")
            #expect(preview.log.buildCount == 3)
        }
    }

    @Test("a save that changes no output rebuilds but sends nothing")
    func unchanged() async throws {
        let site = try TemporaryFolder.demo()
        try await withPreview(site) { preview in
            let events = try EventStreamClient(port: preview.port)
            _ = try #require(await events.next(named: "hello", timeout: .seconds(20)))
            try site.write(try site.read("content/about.md"), to: "content/about.md")
            #expect(await eventually(within: .seconds(20)) { preview.log.buildCount == 2 })
            // A save that changes a page: the next event is its reload, so the first sent nothing.
            try site.edit("content/about.md", replacing: "Willow Street opened", with: "Willow Street first opened")
            let next = try #require(await events.next(timeout: .seconds(20)))
            #expect(await eventually(within: .seconds(20)) { preview.shows("first opened", at: "about/index.html") && preview.log.buildCount >= 3 })
            let build = try #require(preview.server.site.snapshot?.id)
            #expect(next.name == "reload" && next.data == "{\"build\":\"\(build)\"}", "the event after the unchanged save is the next save's")
            #expect(preview.log.buildCount == 3)
        }
    }

    @Test("Ctrl-C with a page open: the stream closes, the server stops promptly and the port is free")
    func shutdown() async throws {
        let site = try TemporaryFolder.demo()
        let clock = ContinuousClock()
        let (port, events, stopping) = try await withPreview(site) { preview in
            let events = try EventStreamClient(port: preview.port)
            _ = try #require(await events.next(named: "hello", timeout: .seconds(20)))
            #expect(preview.server.hub.subscriberCount == 1)
            return (preview.port, events, clock.now)
        }
        // It does not wait for the open stream to end, which it never would: a hang runs into
        // the harness's guard, a busy machine stays well inside this.
        #expect(clock.now - stopping < .seconds(20))
        #expect(await events.closed(within: .seconds(10)))
        #expect(PortFinder.canListen(host: "127.0.0.1", port: port))
    }

    @Test("a browser that goes away is forgotten")
    func disconnect() async throws {
        let site = try TemporaryFolder.demo()
        try await withPreview(site) { preview in
            var events: EventStreamClient? = try EventStreamClient(port: preview.port)
            _ = try #require(await events?.next(named: "hello", timeout: .seconds(20)))
            #expect(preview.server.hub.subscriberCount == 1)
            events = nil
            #expect(await eventually(within: .seconds(20)) { preview.server.hub.subscriberCount == 0 })
        }
    }
}
