import ClinicBase
import ClinicContent
import ClinicModel
import ClinicRender
import ClinicOutput
import ClinicBuild
import Hummingbird
import Logging
import ServiceLifecycle

/// `clinicsite serve`: builds the site into memory, serves it over HTTP with Hummingbird,
/// rebuilds on every burst of saves and tells open pages to reload.
///
/// Run it in a `ServiceGroup` (the command adds SIGINT and SIGTERM as graceful-shutdown
/// signals): on graceful shutdown the server stops listening, open event streams end, the
/// watcher stops, and ``run()`` returns with the port free again. `site/` is never written.
public struct PreviewServer: ServiceLifecycle.Service {
    /// What the server reports while it runs, for the terminal.
    public enum Event: Sendable {
        /// A build finished: the first one, or one after changes.
        case built(RebuildResult)
        /// The default port was taken; another is used.
        case portTaken(Int, using: Int)
        /// The server is listening.
        case listening(PreviewAddress)
        /// The watcher started.
        case watching(SiteWatcher.Method)
        /// The watcher could not start as asked and polls instead.
        case watchFallback(WatchError, using: SiteWatcher.Method)
        /// The processed photos a build left to make are made.
        case imagesMade(ImagesMade)
    }

    /// How it was configured.
    public let configuration: PreviewConfiguration
    /// The site served.
    public let site: PreviewSite
    /// The live-reload event hub.
    public let hub: EventHub
    private let report: @Sendable (Event) -> Void

    /// Creates a server; nothing happens until ``run()``.
    public init(configuration: PreviewConfiguration, report: @escaping @Sendable (Event) -> Void = { _ in }) {
        self.configuration = configuration
        self.site = PreviewSite()
        self.hub = EventHub(keepAliveInterval: configuration.keepAliveInterval)
        self.report = report
    }

    /// Runs until SIGINT (Ctrl-C) or SIGTERM, then shuts down gracefully: no new
    /// connections, open event streams closed, the watcher stopped, the port released. Gives
    /// up waiting after a few seconds and cancels what is left.
    public func runUntilInterrupted() async throws {
        var logger = Logger(label: "clinicsite.serve")
        logger.logLevel = .error
        var configuration = ServiceGroupConfiguration(services: [self], gracefulShutdownSignals: [.sigint, .sigterm],
                                                      cancellationSignals: [], logger: logger)
        configuration.maximumGracefulShutdownDuration = .seconds(3)
        configuration.maximumCancellationDuration = .seconds(2)
        try await ServiceGroup(configuration: configuration).run()
    }

    /// Chooses the port, builds once, listens, then rebuilds on changes until graceful shutdown.
    public func run() async throws {
        let report = self.report
        let rebuilder = Rebuilder(folder: configuration.folder, options: configuration.buildOptions, site: site, hub: hub) {
            report(.imagesMade($0))
        }
        // The port first: a taken one is an error before any work starts (a first build of a
        // site with photos leaves them to be made on other threads, which an exit would cut).
        let host = configuration.host
        let port = try choosePort()
        report(.built(await rebuilder.rebuild()))
        let machineAddresses = NetworkInterfaces.addresses()
        let policy = HostPolicy(boundHost: host, machineAddresses: machineAddresses.map(\.text),
                                machineNames: NetworkInterfaces.names())
        let networkHost = HostPolicy.isWildcard(host) ? NetworkInterfaces.lanAddress(in: machineAddresses) : nil
        let watcher = SiteWatcher(folder: configuration.folder, method: configuration.watchMethod,
                                  quietPeriod: configuration.quietPeriod)
        var logger = Logger(label: "clinicsite.serve")
        logger.logLevel = .critical
        let site = self.site
        let application = Application(
            router: PreviewServer.router(site: site, hub: hub, policy: policy),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            services: [hub, RebuildLoop(watcher: watcher, rebuilder: rebuilder, report: report)],
            onServerRunning: { channel in
                let boundPort = channel.localAddress?.port ?? port
                let basePath = site.snapshot?.basePath ?? "/"
                report(.listening(PreviewAddress(host: host, port: boundPort, basePath: basePath, networkHost: networkHost)))
            },
            logger: logger
        )
        try await application.run()
    }

    /// The routes and middleware, outermost first: the `Host` check, the site's own pages for
    /// what is not found, the files themselves, and the event stream.
    static func router(site: PreviewSite, hub: EventHub, policy: HostPolicy) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: HostCheckMiddleware(policy: policy))
        router.add(middleware: SitePageMiddleware(site: site))
        router.add(middleware: FileMiddleware(
            fileProvider: PreviewFileProvider(site: site),
            cacheControl: CacheControl([(MediaType(type: .any), [.noCache])]),
            searchForIndexHtml: true
        ).withAdditionalMediaTypes(forFileExtensions: textTypes))
        let events = EventStream(site: site, hub: hub, policy: policy)
        router.get(RouterPath(LiveReloadPage.eventsPath)) { request, _ in
            events.respond(to: request)
        }
        return router
    }

    /// Text files are UTF-8: say so in their content type.
    private static var textTypes: [String: MediaType] {
        var types: [String: MediaType] = [:]
        for fileExtension in ["html", "htm", "css", "js", "txt", "xml", "svg", "json"] {
            if let type = MediaType.getMediaType(forExtension: fileExtension) {
                types[fileExtension] = type.withParameter(name: "charset", value: "utf-8")
            }
        }
        return types
    }

    /// The configured port, or the default one or the next free one after it.
    private func choosePort() throws(PreviewError) -> Int {
        let host = configuration.host
        if let port = configuration.port {
            guard port == 0 || PortFinder.canListen(host: host, port: port) else {
                throw PreviewError.portInUse(host: host, port: port)
            }
            return port
        }
        let start = PreviewConfiguration.defaultPort
        guard let port = PortFinder.firstFree(host: host, from: start, attempts: PreviewConfiguration.portAttempts) else {
            throw PreviewError.noFreePort(host: host, from: start, attempts: PreviewConfiguration.portAttempts)
        }
        if port != start { report(.portTaken(start, using: port)) }
        return port
    }
}

/// Why the preview could not start.
public enum PreviewError: Error, CustomStringConvertible, Sendable {
    /// The port asked for is taken, or the address cannot be listened on.
    case portInUse(host: String, port: Int)
    /// No port from the default one on is free.
    case noFreePort(host: String, from: Int, attempts: Int)

    public var description: String {
        switch self {
        case .portInUse(let host, let port):
            "cannot listen on \(PreviewAddress.url(host: host, port: port, path: "")): the port is in use or the address is not this machine's; choose another with --port, or leave --port out to use the first free port from \(PreviewConfiguration.defaultPort)"
        case .noFreePort(let host, let from, let attempts):
            "cannot listen on \(host): ports \(from) to \(from + attempts - 1) are all in use or the address is not this machine's; choose one with --port"
        }
    }
}

/// Waits for changes and rebuilds, one build per burst, until graceful shutdown.
struct RebuildLoop: ServiceLifecycle.Service {
    let watcher: SiteWatcher
    let rebuilder: Rebuilder
    let report: @Sendable (PreviewServer.Event) -> Void

    func run() async throws {
        let session: WatchSession
        do {
            session = try watcher.start()
            report(.watching(watcher.method))
        } catch {
            let polling = SiteWatcher(folder: watcher.folder, method: .polling(every: .milliseconds(500)),
                                      quietPeriod: watcher.quietPeriod, maximumDelay: watcher.maximumDelay)
            session = try polling.start()
            report(.watchFallback(error, using: polling.method))
        }
        defer { session.stop() }
        for await changes in session.changes.cancelOnGracefulShutdown() {
            report(.built(await rebuilder.rebuild(after: changes)))
        }
    }
}
