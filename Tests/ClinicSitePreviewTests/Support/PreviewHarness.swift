import ClinicBase
import ClinicContent
import ClinicModel
import ClinicRender
import ClinicBuild
import ClinicSitePreview
import ClinicSiteTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import ServiceLifecycle
import Synchronization

extension TemporaryFolder {
    /// The site folder this folder is.
    var folder: SiteFolder { SiteFolder(root) }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Everything a running preview reported.
final class EventLog: Sendable {
    private let events = Mutex<[PreviewServer.Event]>([])

    func append(_ event: PreviewServer.Event) {
        events.withLock { $0.append(event) }
    }

    /// The last build that finished.
    var lastBuild: RebuildResult? {
        events.withLock { events in
            events.reversed().lazy.compactMap { if case .built(let result) = $0 { result } else { nil } }.first
        }
    }

    /// Every report that the photo files a build left to make are made, in order.
    var imagesMade: [ImagesMade] {
        events.withLock { events in
            events.compactMap { if case .imagesMade(let made) = $0 { made } else { nil } }
        }
    }

    /// How many builds finished, the first included.
    var buildCount: Int {
        events.withLock { events in
            events.filter { if case .built = $0 { true } else { false } }.count
        }
    }
}

/// A preview server running on a free loopback port for one test.
struct RunningPreview: Sendable {
    let server: PreviewServer
    let address: PreviewAddress
    let log: EventLog

    var port: Int { address.port }

    /// Sends one request on a new connection and returns the response (bounded by a timeout
    /// that only a hang reaches: a 16 MiB download on a busy machine takes seconds).
    func request(_ path: String, method: HTTPRequest.Method = .get, host: String? = nil,
                 headers: HTTPFields = [:]) async throws -> TestClient.Response {
        let authority = host ?? "127.0.0.1:\(port)"
        return try await TestClient.withClient(host: "127.0.0.1", port: port,
                                               configuration: .init(timeout: .seconds(30))) { client in
            try await client.execute(TestClient.Request(path, method: method, authority: authority, headers: headers))
        }
    }

    /// Whether the preview's current build has `text` in the file at `path` (`about/index.html`).
    func shows(_ text: String, at path: String) -> Bool {
        server.site.snapshot?.files[path].map { String(decoding: $0.bytes, as: UTF8.self).contains(text) } ?? false
    }

    /// The body of a response as text.
    static func text(_ response: TestClient.Response) -> String {
        response.body.map { String(buffer: $0) } ?? ""
    }
}

/// Runs `body` against a preview of `site` listening on 127.0.0.1 with a port the system
/// picks, then shuts the preview down gracefully. Every wait is bounded.
func withPreview<T: Sendable>(
    _ site: TemporaryFolder,
    configure: (inout PreviewConfiguration) -> Void = { _ in },
    _ body: @Sendable (RunningPreview) async throws -> T
) async throws -> T {
    var configuration = PreviewConfiguration(folder: site.folder, host: "127.0.0.1", port: 0,
                                             quietPeriod: .milliseconds(80), keepAliveInterval: .milliseconds(300))
    configure(&configuration)
    let log = EventLog()
    let (addresses, addressSink) = AsyncStream.makeStream(of: PreviewAddress.self)
    let server = PreviewServer(configuration: configuration) { event in
        log.append(event)
        if case .listening(let address) = event { addressSink.yield(address) }
    }
    var logger = Logger(label: "clinicsite.preview-tests")
    logger.logLevel = .error
    let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [server], logger: logger))
    return try await withThrowingTaskGroup(of: T?.self) { tasks in
        tasks.addTask {
            try await group.run()
            return nil
        }
        tasks.addTask {
            try await Task.sleep(for: .seconds(100))
            throw HarnessError("the preview did not start, or the test did not finish, within 100 seconds")
        }
        let started = await withTaskGroup(of: PreviewAddress?.self) { wait in
            wait.addTask { await addresses.first { _ in true } }
            wait.addTask {
                try? await Task.sleep(for: .seconds(60))
                return nil
            }
            let first = await wait.next() ?? nil
            wait.cancelAll()
            return first
        }
        guard let address = started else {
            tasks.cancelAll()
            throw HarnessError("the preview did not start listening within 60 seconds")
        }
        let running = RunningPreview(server: server, address: address, log: log)
        let outcome: Result<T, any Error>
        do {
            outcome = .success(try await body(running))
        } catch {
            outcome = .failure(error)
        }
        await group.triggerGracefulShutdown()
        // The server ends first unless shutdown hangs, in which case the 100-second guard throws.
        _ = try await tasks.next()
        tasks.cancelAll()
        return try outcome.get()
    }
}

/// Waits up to `limit` for `condition`, checking every 20 ms.
func eventually(within limit: Duration, _ condition: () -> Bool) async -> Bool {
    let clock = ContinuousClock()
    let deadline = clock.now + limit
    while clock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return condition()
}
