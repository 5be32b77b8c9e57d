import ClinicSite
import ClinicSiteTestSupport
import Foundation
import Testing
@testable import ClinicSitePreview

/// Collects a watch session's batches.
private final class Batches: @unchecked Sendable {
    private let lock = NSLock()
    private var batches: [[String]] = []
    private(set) var ended = false

    func run(_ session: WatchSession) -> Task<Void, Never> {
        Task {
            for await batch in session.changes {
                lock.withLock { batches.append(batch) }
            }
            lock.withLock { ended = true }
        }
    }

    var all: [[String]] { lock.withLock { batches } }
    var hasEnded: Bool { lock.withLock { ended } }
}

@Suite("Watching content/ and templates/", .serialized)
struct WatcherTests {
    static var methods: [SiteWatcher.Method] {
        #if os(Linux)
        [.inotify, .polling(every: .milliseconds(50))]
        #else
        [.polling(every: .milliseconds(50))]
        #endif
    }

    @Test("a burst of saves in several files is one batch", arguments: methods)
    func burst(_ method: SiteWatcher.Method) async throws {
        let site = try TemporaryFolder.demo()
        let session = try SiteWatcher(folder: site.folder, method: method, quietPeriod: .milliseconds(150)).start()
        defer { session.stop() }
        let batches = Batches()
        let task = batches.run(session)
        try await Task.sleep(for: .milliseconds(100))
        try site.write("one\n", to: "content/aftercare/new-one.md")
        try site.write("two\n", to: "content/aftercare/new-two.md")
        try site.edit("templates/assets/style.css", replacing: "{", with: "{ ")
        #expect(await eventually(within: .seconds(10)) { !batches.all.isEmpty })
        try await Task.sleep(for: .milliseconds(400))
        #expect(batches.all.count == 1)
        let paths = Set(batches.all.first ?? [])
        #expect(paths.isSuperset(of: ["content/aftercare/new-one.md", "content/aftercare/new-two.md", "templates/assets/style.css"]))
        session.stop()
        #expect(await eventually(within: .seconds(10)) { batches.hasEnded })
        task.cancel()
    }

    @Test("files in a folder created after the watch started are seen", arguments: methods)
    func newFolder(_ method: SiteWatcher.Method) async throws {
        let site = try TemporaryFolder.demo()
        let session = try SiteWatcher(folder: site.folder, method: method, quietPeriod: .milliseconds(50)).start()
        defer { session.stop() }
        let batches = Batches()
        let task = batches.run(session)
        try await Task.sleep(for: .milliseconds(100))
        try FileManager.default.createDirectory(atPath: site.root + "/content/media/photos", withIntermediateDirectories: true)
        try await Task.sleep(for: .milliseconds(300))
        try site.write("<svg/>", to: "content/media/photos/room.svg")
        #expect(await eventually(within: .seconds(10)) {
            batches.all.contains { $0.contains("content/media/photos/room.svg") }
        })
        task.cancel()
    }

    @Test("hidden files and editor backups are ignored", arguments: methods)
    func ignored(_ method: SiteWatcher.Method) async throws {
        let site = try TemporaryFolder.demo()
        let session = try SiteWatcher(folder: site.folder, method: method, quietPeriod: .milliseconds(50)).start()
        defer { session.stop() }
        let batches = Batches()
        let task = batches.run(session)
        try await Task.sleep(for: .milliseconds(100))
        try site.write("swap", to: "content/.about.md.swp")
        try site.write("backup", to: "content/about.md~")
        try await Task.sleep(for: .milliseconds(500))
        #expect(batches.all.isEmpty)
        try site.write("seen\n", to: "content/about.md")
        #expect(await eventually(within: .seconds(10)) { batches.all == [["content/about.md"]] })
        task.cancel()
    }
}
