import Foundation
import Testing
@testable import ClinicSite

@Suite("Incremental rebuilds")
struct IncrementalBuilderTests {
    let options = BuildOptions(today: Fixtures.today)

    /// A clean, sequential full build of the folder, for comparison.
    func cleanBuild(_ site: String) throws -> [String: [UInt8]] {
        let sink = MemorySink()
        _ = try SiteBuilder.render(folder: SiteFolder(site), options: BuildOptions(today: Fixtures.today, parallel: false), into: sink)
        return sink.files
    }

    func expectSame(_ output: IncrementalBuilder.Output, _ site: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let clean = try cleanBuild(site)
        #expect(Set(output.files.keys) == Set(clean.keys), sourceLocation: sourceLocation)
        for (path, bytes) in clean where output.files[path] != bytes {
            Issue.record("\(path) differs from a clean build", sourceLocation: sourceLocation)
        }
    }

    @Test("editing a page's body re-renders that page (and the feed when it is in it), byte-identical to a clean build")
    func bodyEdit() throws {
        let folder = try TemporaryFolder()
        let site = try folder.copySite(nil)
        let builder = IncrementalBuilder(folder: SiteFolder(site), options: options)
        _ = try builder.build()
        let file = "content/aftercare/cupping-aftercare.md"
        let text = try folder.read("site-folder/" + file)
        try folder.write(text.replacingOccurrences(of: "Wait until the previous marks", with: "Please wait until the earlier marks"),
                         to: "site-folder/" + file)
        let output = try builder.update(changed: [file])
        #expect(output.incremental)
        #expect(output.rendered == ["aftercare/cupping-aftercare/index.html", "feed.xml"])
        #expect(String(decoding: output.files["aftercare/cupping-aftercare/index.html"]!, as: UTF8.self).contains("Please wait until the earlier marks"))
        try expectSame(output, site)
    }

    @Test("a title change updates listings, related pages, sitemap and feed exactly as a clean build")
    func titleEdit() throws {
        let folder = try TemporaryFolder()
        let site = try folder.copySite(nil)
        let builder = IncrementalBuilder(folder: SiteFolder(site), options: options)
        _ = try builder.build()
        let file = "content/aftercare/hot-stone-massage-aftercare.md"
        let text = try folder.read("site-folder/" + file)
        try folder.write(text.replacingOccurrences(of: "title: After your hot stone massage", with: "title: \"Hot stone massage: after your visit\"")
                            .replacingOccurrences(of: "tags: [hot stone, relaxation, hydration]", with: "tags: [hot stone, relaxation, hydration, soreness]"),
                         to: "site-folder/" + file)
        let output = try builder.update(changed: [file])
        #expect(output.incremental)
        #expect(output.rendered.contains("index.html") && output.rendered.contains("aftercare/index.html"))
        try expectSame(output, site)
    }

    @Test("adding, renaming, drafting and deleting pages, one save after another")
    func addRenameDelete() throws {
        let folder = try TemporaryFolder()
        let site = try folder.copySite(nil)
        let builder = IncrementalBuilder(folder: SiteFolder(site), options: options)
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
        let builder = IncrementalBuilder(folder: SiteFolder(site), options: options)
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
        let builder = IncrementalBuilder(folder: SiteFolder(site), options: options)
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
        let builder = IncrementalBuilder(folder: SiteFolder(site), options: options)
        _ = try builder.build()
        let clinic = try folder.read("site-folder/content/clinic.yml")
        try folder.write(clinic.replacingOccurrences(of: "+1 555 0100", with: "+1 555 0199"), to: "site-folder/content/clinic.yml")
        let output = try builder.update(changed: ["content/clinic.yml"])
        #expect(!output.incremental)
        try expectSame(output, site)
    }
}
