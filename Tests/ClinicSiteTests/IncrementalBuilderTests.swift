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

@Suite("Incremental rebuilds")
struct IncrementalBuilderTests {
    let options = BuildOptions(today: Fixtures.today)

    /// A clean, sequential full build of the folder, for comparison.
    func cleanBuild(_ site: String) throws -> [String: [UInt8]] {
        let sink = MemorySink()
        _ = try SiteBuilder.render(folder: SiteFolder(site), options: BuildOptions(today: Fixtures.today, parallel: false), images: .tests, into: sink)
        return sink.files
    }

    /// Expects `output` to be a clean build's bytes; its pending outputs, when there are any,
    /// are taken as a request for them would get them (rendered on the spot).
    func expectSame(_ output: TestSession.Output, _ site: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let clean = try cleanBuild(site)
        let pending = output.pending?.paths ?? []
        #expect(Set(output.files.keys).union(pending) == Set(clean.keys), sourceLocation: sourceLocation)
        for (path, bytes) in clean where (pending.contains(path) ? output.pending!.bytes(for: path) : output.files[path]) != bytes {
            Issue.record("\(path) differs from a clean build", sourceLocation: sourceLocation)
        }
    }

    @Test("editing a page's body re-renders that page (and the feed when it is in it), byte-identical to a clean build")
    func bodyEdit() throws {
        let folder = try TemporaryFolder()
        let site = try folder.copySite(nil)
        let builder = TestSession(folder: SiteFolder(site), options: options)
        _ = try builder.build()
        let file = "content/aftercare/cupping-aftercare.md"
        let text = try folder.read("site-folder/" + file)
        try folder.write(text.replacingOccurrences(of: "Wait until the previous marks", with: "Please wait until the earlier marks"),
                         to: "site-folder/" + file)
        let output = try builder.update(changed: [file])
        #expect(output.rendered == ["aftercare/cupping-aftercare/index.html", "feed.xml"])
        #expect(String(decoding: output.files["aftercare/cupping-aftercare/index.html"]!, as: UTF8.self).contains("Please wait until the earlier marks"))
        try expectSame(output, site)
    }

    @Test("a title change updates listings, related pages, sitemap and feed exactly as a clean build")
    func titleEdit() throws {
        let folder = try TemporaryFolder()
        let site = try folder.copySite(nil)
        let builder = TestSession(folder: SiteFolder(site), options: options)
        _ = try builder.build()
        let file = "content/aftercare/hot-stone-massage-aftercare.md"
        let text = try folder.read("site-folder/" + file)
        try folder.write(text.replacingOccurrences(of: "title: After your hot stone massage", with: "title: \"Hot stone massage: after your visit\"")
                            .replacingOccurrences(of: "tags: [hot stone, relaxation, hydration]", with: "tags: [hot stone, relaxation, hydration, soreness]"),
                         to: "site-folder/" + file)
        let output = try builder.update(changed: [file])
        #expect(output.rendered.contains("index.html") && output.rendered.contains("aftercare/index.html"))
        try expectSame(output, site)
    }

    @Test("adding, renaming, drafting and deleting pages, one save after another")
    func addRenameDelete() throws {
        let folder = try TemporaryFolder()
        let site = try folder.copySite(nil)
        let builder = TestSession(folder: SiteFolder(site), options: options)
        _ = try builder.build()
        let new = "content/aftercare/dry-needling.md"
        try folder.write("---\ntitle: Dry needling aftercare\ntreatment: massage\ndate: 2026-07-01\n---\nSome soreness is normal.\n", to: "site-folder/" + new)
        try expectSame(try builder.update(changed: [new]), site)

        try folder.write("---\ntitle: Dry needling aftercare\nslug: needling\ntreatment: massage\ndate: 2026-07-01\n---\nSome soreness is normal.\n", to: "site-folder/" + new)
        let renamed = try builder.update(changed: [new])
        #expect(renamed.removed == ["aftercare/dry-needling/index.html"])
        try expectSame(renamed, site)

        try folder.write("---\ntitle: Dry needling aftercare\nslug: needling\ndraft: true\n---\nSoon.\n", to: "site-folder/" + new)
        let drafted = try builder.update(changed: [new])
        #expect(drafted.excluded.contains { $0.path.hasSuffix("dry-needling.md") })
        try expectSame(drafted, site)

        try FileManager.default.removeItem(atPath: site + "/" + new)
        try FileManager.default.removeItem(atPath: site + "/content/aftercare/cupping-aftercare.md")
        try expectSame(try builder.update(changed: [new, "content/aftercare/cupping-aftercare.md"]), site)
    }

    @Test("a broken save fails with its place and keeps the last good build; fixing it recovers")
    func brokenSave() throws {
        let folder = try TemporaryFolder()
        let site = try folder.copySite(nil)
        let builder = TestSession(folder: SiteFolder(site), options: options)
        let first = try builder.build()
        let file = "content/aftercare/cupping-aftercare.md"
        let good = try folder.read("site-folder/" + file)
        try folder.write("---\ntitle: [broken\n---\nx\n", to: "site-folder/" + file)
        #expect(throws: BuildFailure.self) { try builder.update(changed: [file]) }
        try folder.write(good.replacingOccurrences(of: "slug:", with: "slug:"), to: "site-folder/" + file)
        try folder.write("---\ntitle: Clash\nslug: cupping-aftercare\n---\nx\n", to: "site-folder/content/aftercare/clash.md")
        do {
            _ = try builder.update(changed: ["content/aftercare/clash.md"])
            Issue.record("a clashing address was accepted")
        } catch {
            #expect(error.diagnostics.errors.first?.message.contains("already used") == true)
        }
        try FileManager.default.removeItem(atPath: site + "/content/aftercare/clash.md")
        let recovered = try builder.update(changed: [file, "content/aftercare/clash.md"])
        #expect(recovered.files == first.files)
    }

    @Test("a file still broken keeps later saves of other files failing")
    func stillBroken() throws {
        let folder = try TemporaryFolder()
        let site = try folder.copySite(nil)
        let builder = TestSession(folder: SiteFolder(site), options: options)
        _ = try builder.build()
        let broken = "content/aftercare/cupping-aftercare.md"
        try folder.write("---\ntitle: [broken\n---\nx\n", to: "site-folder/" + broken)
        #expect(throws: BuildFailure.self) { try builder.update(changed: [broken]) }
        let other = "content/aftercare/hot-stone-massage-aftercare.md"
        try folder.write(try folder.read("site-folder/" + other) + "\nMore.\n", to: "site-folder/" + other)
        #expect(throws: BuildFailure.self) { try builder.update(changed: [other]) }
        let clinic = try folder.read("site-folder/content/clinic.yml")
        try folder.write(clinic + "\nnot yaml: [\n", to: "site-folder/content/clinic.yml")
        #expect(throws: BuildFailure.self) { try builder.update(changed: ["content/clinic.yml"]) }
        try folder.write(clinic, to: "site-folder/content/clinic.yml")
        #expect(throws: BuildFailure.self) { try builder.update(changed: ["content/clinic.yml"]) }
        try FileManager.default.removeItem(atPath: site + "/" + broken)
        try expectSame(try builder.update(changed: [broken]), site)
    }

    @Test("a change outside content/aftercare rebuilds everything")
    func otherChanges() throws {
        let folder = try TemporaryFolder()
        let site = try folder.copySite(nil)
        let builder = TestSession(folder: SiteFolder(site), options: options)
        _ = try builder.build()
        let clinic = try folder.read("site-folder/content/clinic.yml")
        try folder.write(clinic.replacingOccurrences(of: "+1 555 0100", with: "+1 555 0199"), to: "site-folder/content/clinic.yml")
        let output = try builder.update(changed: ["content/clinic.yml"])

        try expectSame(output, site)
    }

    @Test("random saves on a paginated site (aftercare pages new, deleted, moved, retitled, their treatments, tags, dates, drafts, FAQ sections and photos; with faq.md and clinic.yml, some in one save) give a clean build's bytes",
          arguments: [false, true])
    func randomSaves(deferring: Bool) throws {
        let seed = TestSeed.value(default: 11)
        let saves = try RandomSiteSaves(seed: seed, deferring: deferring,
                                        mix: .init(clinic: 1, faq: 1, home: 0, pages: 0, aftercare: 8, combined: 5),
                                        aftercarePages: 8) { files in
            files.clinic.set("aftercare_per_page", "3")
        }
        try saves.run(steps: 30) { changed, output, step in
            guard let pending = output.pending else { return }
            #expect(deferring, "\(saves.replay), step \(step)")
            // What shows the save renders at once: the saved pages, and every output that shows
            // them (a listing they are on, a page listing them as related); what renders later
            // shows none of them.
            let saved = Set(changed.map { SiteFolder(saves.site).display($0) })
            guard let views = saves.session.session.current?.views else {
                Issue.record("the session holds no build after a save: \(saves.replay), step \(step)")
                return
            }
            for view in views.aftercare where saved.contains(view.page.value.source) {
                #expect(!pending.paths.contains(view.page.value.key), "\(view.page.value.key) was saved but left for later: \(saves.replay), step \(step)")
            }
            let outputs = Dictionary(uniqueKeysWithValues: views.outputs.map { ($0.key, $0.view) })
            for path in pending.paths {
                guard let view = outputs[path] else {
                    Issue.record("\(path) was left for later but is not an output: \(saves.replay), step \(step)")
                    continue
                }
                #expect(!view.shows(saved, chromeChanged: views.chromeChanged), "\(path) shows the save but was left for later: \(saves.replay), step \(step)")
            }
        }
    }

    @Test("deleting every aftercare page, then writing one again, gives a clean build's bytes each time")
    func emptiedAndRefilled() throws {
        let folder = try TemporaryFolder()
        let site = try folder.copySite(nil)
        let builder = TestSession(folder: SiteFolder(site), options: options)
        _ = try builder.build()
        let files = try FileManager.default.contentsOfDirectory(atPath: site + "/content/aftercare").sorted().map { "content/aftercare/" + $0 }
        let first = try folder.read("site-folder/" + files[0])
        for file in files { try FileManager.default.removeItem(atPath: site + "/" + file) }
        let emptied = try builder.update(changed: files)
        #expect(!emptied.files.keys.contains { $0.hasPrefix("aftercare/") && $0 != "aftercare/index.html" })
        try expectSame(emptied, site)
        try folder.write(first, to: "site-folder/" + files[0])
        let refilled = try builder.update(changed: [files[0]])
        try expectSame(refilled, site)
    }

    @Test("a new page may not take the address of a page saved at the same time")
    func clashWithSavedPage() throws {
        let folder = try TemporaryFolder()
        let site = try folder.copySite(nil)
        let builder = TestSession(folder: SiteFolder(site), options: options)
        _ = try builder.build()
        let file = "content/aftercare/cupping-aftercare.md"
        try folder.write(try folder.read("site-folder/" + file) + "\nMore.\n", to: "site-folder/" + file)
        try folder.write("---\ntitle: Clash\nslug: cupping-aftercare\n---\nx\n", to: "site-folder/content/aftercare/clash.md")
        do {
            _ = try builder.update(changed: [file, "content/aftercare/clash.md"])
            Issue.record("a clashing address was accepted")
        } catch {
            let messages = error.diagnostics.errors.map(\.message)
            #expect(messages.count == 1)
            #expect(messages.first?.hasPrefix("this page's address /aftercare/cupping-aftercare/ is already used by ") == true)
            // The later file, at the start of the file that has no `slug:`: as a full build reports it.
            #expect(error.diagnostics.errors.first?.location.path.hasSuffix("content/aftercare/cupping-aftercare.md") == true)
            #expect(error.diagnostics.errors.first.map { [$0.location.line, $0.location.column] } == [1, 1])
            #expect(error.diagnostics == buildErrors(site) + buildWarnings(site))
        }
        // The page leaving the address frees it.
        try FileManager.default.removeItem(atPath: site + "/" + file)
        try expectSame(try builder.update(changed: [file, "content/aftercare/clash.md"]), site)
    }
}
