import ClinicBase
import ClinicContent
import ClinicModel
import ClinicRender
import ClinicOutput
import ClinicBuild
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Watches a site's `content/` (with `clinic.yml`) and `templates/` and reports each burst of
/// saves once, as the sorted paths that changed (`content/aftercare/cupping.md`).
///
/// On Linux the kernel reports changes (inotify); elsewhere, or with ``Method/polling(every:)``,
/// the folders are scanned on a timer. Either way a dedicated thread waits for changes and
/// debounces them, so the rest of the preview never blocks on the file system.
public struct SiteWatcher: Sendable {
    /// How changes are noticed.
    public enum Method: Sendable, Equatable, CustomStringConvertible {
        /// The Linux kernel's file notifications.
        case inotify
        /// Scanning the folders every `interval`.
        case polling(every: Duration)

        /// inotify on Linux, polling twice a second elsewhere.
        public static var platformDefault: Method {
            #if os(Linux)
            .inotify
            #else
            .polling(every: .milliseconds(500))
            #endif
        }

        public var description: String {
            switch self {
            case .inotify: "inotify"
            case .polling(let interval): "polling every \(interval.milliseconds) ms"
            }
        }
    }

    /// The site folder watched.
    public let folder: SiteFolder
    /// How changes are noticed.
    public let method: Method
    /// A burst ends once no change has arrived for this long.
    public let quietPeriod: Duration
    /// A burst that goes on is reported after this long anyway.
    public let maximumDelay: Duration

    /// Describes a watcher; nothing is watched until ``changes()``.
    public init(folder: SiteFolder, method: Method = .platformDefault,
                quietPeriod: Duration = .milliseconds(20), maximumDelay: Duration = .seconds(1)) {
        self.folder = folder
        self.method = method
        self.quietPeriod = quietPeriod
        self.maximumDelay = maximumDelay
    }

    /// Starts watching on a thread of its own. The session's stream yields one sorted list
    /// of changed paths per burst, until ``WatchSession/stop()``.
    public func start() throws(WatchError) -> WatchSession {
        let source: any ChangeSource
        switch method {
        case .inotify:
            #if os(Linux)
            source = try InotifySource(root: folder.absolutePath)
            #else
            throw WatchError("inotify is only available on Linux", errno: 0)
            #endif
        case .polling(let interval):
            source = PollingSource(root: folder.absolutePath, interval: interval)
        }
        let stop: StopSignal
        do {
            stop = try StopSignal()
        } catch {
            source.close()
            throw error
        }
        let (stream, continuation) = AsyncStream.makeStream(of: [String].self, bufferingPolicy: .unbounded)
        continuation.onTermination = { _ in stop.signal() }
        let loop = WatchLoop(source: source, stop: stop,
                             debouncer: ChangeDebouncer(quietPeriod: quietPeriod, maximumDelay: maximumDelay),
                             continuation: continuation)
        let thread = Thread { loop.run() }
        thread.name = "clinicsite-watch"
        thread.start()
        return WatchSession(changes: stream, continuation: continuation)
    }
}

/// A running watch: its changes, and the way to end it.
public struct WatchSession: Sendable {
    /// One sorted list of changed paths (relative to the site folder) per burst of saves.
    public let changes: AsyncStream<[String]>
    let continuation: AsyncStream<[String]>.Continuation

    /// Ends the stream and the watch thread; the thread releases the inotify descriptor.
    /// Safe to call more than once.
    public func stop() {
        continuation.finish()
    }
}

/// Wakes the watch thread to end it: a pipe whose read end the thread polls. Both ends are
/// closed when the last holder lets go, so a signal never writes to a closed pipe.
final class StopSignal: Sendable {
    let readEnd: Int32
    private let writeEnd: Int32

    init() throws(WatchError) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw WatchError("cannot create a pipe", errno: errno) }
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    /// Makes the read end readable.
    func signal() {
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }
}

/// Why watching could not start.
public struct WatchError: Error, CustomStringConvertible, Sendable {
    /// What failed, with the system's reason.
    public let description: String

    init(_ what: String, errno code: Int32) {
        if code == 0 {
            description = what
        } else {
            description = "\(what): \(String(cString: strerror(code)))"
        }
    }
}

/// The watch thread: waits on the source (or its timer) and on the stop pipe, feeds the
/// debouncer, and yields each due batch.
///
/// `@unchecked Sendable`: it is handed to its thread once and used only there.
private final class WatchLoop: @unchecked Sendable {
    private let source: any ChangeSource
    private let stop: StopSignal
    private var debouncer: ChangeDebouncer
    private let continuation: AsyncStream<[String]>.Continuation

    init(source: any ChangeSource, stop: StopSignal, debouncer: ChangeDebouncer,
         continuation: AsyncStream<[String]>.Continuation) {
        self.source = source
        self.stop = stop
        self.debouncer = debouncer
        self.continuation = continuation
    }

    func run() {
        defer {
            continuation.finish()
            source.close()
        }
        let clock = ContinuousClock()
        var nextScan = source.scanInterval.map { clock.now + $0 }
        while true {
            let now = clock.now
            let wakeUps = [debouncer.deadline, nextScan].compactMap { $0 }
            let timeout = wakeUps.min().map { max(0, ($0 - now).milliseconds) } ?? -1
            var descriptors = [pollfd(fd: stop.readEnd, events: Int16(POLLIN), revents: 0)]
            if let descriptor = source.descriptor {
                descriptors.append(pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0))
            }
            let ready = poll(&descriptors, nfds_t(descriptors.count), Int32(clamping: timeout))
            if ready < 0, errno != EINTR { return }
            if descriptors[0].revents != 0 { return }
            var changed: [String] = []
            if descriptors.count > 1, descriptors[1].revents != 0 {
                changed = source.changes()
            }
            if let scan = nextScan, clock.now >= scan, let interval = source.scanInterval {
                changed += source.changes()
                nextScan = clock.now + interval
            }
            debouncer.record(changed, at: clock.now)
            if let batch = debouncer.take(at: clock.now) {
                continuation.yield(batch)
            }
        }
    }
}

extension Duration {
    /// Whole milliseconds, rounded up so a wait never ends early.
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1000 + Int((attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
    }
}
