import ClinicBase
import ClinicContent
import ClinicModel
import ClinicRender
import ClinicBuild
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

/// Nothing here sleeps for a fixed time: a test waits for the batch it expects (with a
/// timeout that only a hang reaches), and shows that nothing else came by saving one more
/// file and finding its batch next. `start()` returns once the folders are watched (inotify's
/// watches added, or the polling source's first scan taken).
@Suite("Watching content/ and templates/", .serialized)
struct WatcherTests {
    static var methods: [SiteWatcher.Method] {
        #if os(Linux)
        [.inotify, .polling(every: .milliseconds(50))]
        #else
        [.polling(every: .milliseconds(50))]
        #endif
    }

    /// Long enough to wait for anything that does come.
    static let patience: Duration = .seconds(20)

    @Test("a burst of saves in several files is one batch", arguments: methods)
    func burst(_ method: SiteWatcher.Method) async throws {
        let site = try TemporaryFolder.demo()
        // A quiet period no pause between the three saves comes near, even on a machine busy
        // decoding photos in other tests (500 ms was once not enough there).
        let session = try SiteWatcher(folder: site.folder, method: method, quietPeriod: .seconds(2),
                                      maximumDelay: .seconds(10)).start()
        defer { session.stop() }
        let batches = Batches()
        let task = batches.run(session)
        try site.write("one\n", to: "content/aftercare/new-one.md")
        try site.write("two\n", to: "content/aftercare/new-two.md")
        try site.edit("templates/assets/style.css", replacing: "{", with: "{ ")
        #expect(await eventually(within: Self.patience) { batches.all.count == 1 })
        // One more save: its batch comes next, so the burst gave no other.
        try site.write("three\n", to: "content/aftercare/new-three.md")
        #expect(await eventually(within: Self.patience) { batches.all.count == 2 })
        #expect(batches.all == [
            ["content/aftercare/new-one.md", "content/aftercare/new-two.md", "templates/assets/style.css"],
            ["content/aftercare/new-three.md"],
        ])
        session.stop()
        #expect(await eventually(within: Self.patience) { batches.hasEnded })
        task.cancel()
    }

    @Test("files in a folder created after the watch started are seen", arguments: methods)
    func newFolder(_ method: SiteWatcher.Method) async throws {
        let site = try TemporaryFolder.demo()
        let session = try SiteWatcher(folder: site.folder, method: method, quietPeriod: .milliseconds(50)).start()
        defer { session.stop() }
        let batches = Batches()
        let task = batches.run(session)
        try FileManager.default.createDirectory(atPath: site.path("content/media/photos"), withIntermediateDirectories: true)
        if method == .inotify {
            // inotify reports the new folder once it watches it; a file written before then
            // would go unseen. A scan finds the file whenever it is written.
            #expect(await eventually(within: Self.patience) {
                batches.all.contains { $0.contains { "content/media/photos".hasPrefix($0) } }
            })
        }
        try site.write("<svg/>", to: "content/media/photos/room.svg")
        #expect(await eventually(within: Self.patience) {
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
        try site.write("swap", to: "content/.about.md.swp")
        try site.write("backup", to: "content/about.md~")
        // Saved after them: the first batch holds it, and nothing came before it.
        try site.write("seen\n", to: "content/about.md")
        #expect(await eventually(within: Self.patience) { batches.all.contains { $0.contains("content/about.md") } })
        #expect(batches.all == [["content/about.md"]])
        task.cancel()
    }
}
