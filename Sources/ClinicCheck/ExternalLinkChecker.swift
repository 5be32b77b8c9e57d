import ClinicBase
import ClinicContent
import ClinicMarkdown
import ClinicModel
import ClinicOutput
import ClinicBuild
/// Checks links to other sites over HTTP (`clinicsite check --external`): each address once,
/// however many pages link to it; a `HEAD` request first and a `GET` when `HEAD` fails (some
/// servers refuse or mishandle `HEAD`); a bounded number of requests per host and in all;
/// a timeout per request; retries with a growing pause after timeouts, connection failures,
/// `429` and `5xx` answers. Every failure is a warning at each place the link is written:
/// another site being down must not fail a build.
public enum ExternalLinkChecker {
    /// How the checker behaves.
    public struct Configuration: Sendable {
        /// Seconds to wait for an answer to one request.
        public var timeout: Double
        /// Further attempts after a failure that may pass (timeout, no connection, 429, 5xx).
        public var retries: Int
        /// Requests in flight to one host at a time.
        public var perHost: Int
        /// Requests in flight in all.
        public var total: Int
        /// The pause before the first retry, in seconds; doubled for each further one.
        public var retryDelay: Double

        /// Creates a configuration.
        public init(timeout: Double = 10, retries: Int = 2, perHost: Int = 2, total: Int = 8, retryDelay: Double = 0.5) {
            self.timeout = timeout
            self.retries = max(0, retries)
            self.perHost = max(1, perHost)
            self.total = max(1, total)
            self.retryDelay = max(0, retryDelay)
        }
    }

    /// The `User-Agent` sent with every request, so site owners can tell what is asking.
    public static let userAgent = "ClinicSite/\(ClinicSiteVersion.current) (link checker; clinicsite check --external)"

    /// Checks `links` with `probe` and returns a warning for every place of every link that
    /// failed, sorted by place.
    public static func check(_ links: [ExternalLink], configuration: Configuration = Configuration(),
                             probe: any LinkProbe) async -> [Diagnostic] {
        var byHost: [String: [ExternalLink]] = [:]
        for link in links { byHost[ClinicRules.host(of: link.url), default: []].append(link) }
        let limiter = AsyncLimiter(configuration.total)
        let found = await withTaskGroup(of: [Diagnostic].self) { group in
            for host in byHost.keys.sorted() {
                let queue = LinkQueue(byHost[host]!)
                for _ in 0..<min(configuration.perHost, byHost[host]!.count) {
                    group.addTask {
                        var found: [Diagnostic] = []
                        while let link = await queue.next() {
                            if let problem = await verdict(link.url, configuration: configuration, probe: probe, limiter: limiter) {
                                found += link.locations.map { Diagnostic($0, problem, severity: .warning, stage: .check) }
                            }
                        }
                        return found
                    }
                }
            }
            var all: [Diagnostic] = []
            for await part in group { all += part }
            return all
        }
        return found.sorted()
    }

    /// Why `url` failed, or nil when it answered with success (after redirects).
    package static func verdict(_ url: String, configuration: Configuration, probe: any LinkProbe, limiter: AsyncLimiter) async -> String? {
        var attempt = 0
        while true {
            await limiter.acquire()
            var outcome = await probe.probe(url, method: .head, timeout: configuration.timeout)
            if !outcome.isSuccess, !outcome.isTimeout {
                outcome = await probe.probe(url, method: .get, timeout: configuration.timeout)
            }
            await limiter.release()
            if outcome.isSuccess { return nil }
            if outcome.mayPassLater, attempt < configuration.retries {
                let pause = configuration.retryDelay * Double(1 << attempt)
                try? await Task.sleep(for: .milliseconds(Int(pause * 1000)))
                attempt += 1
                continue
            }
            let tries = attempt + 1
            let suffix = tries > 1 ? " (tried \(tries) times)" : ""
            switch outcome {
            case .status(let code, let reason):
                return "external link \(url) answered \(code)\(reason.isEmpty ? "" : " \(reason)")\(suffix)"
            case .timedOut:
                return "external link \(url) did not answer within \(formatted(configuration.timeout)) s\(suffix)"
            case .failed(let reason):
                return "external link \(url) could not be reached: \(reason)\(suffix)"
            }
        }
    }

    private static func formatted(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}

/// One HTTP request's outcome.
public enum ProbeOutcome: Sendable, Equatable {
    /// The final status code after redirects, and its reason phrase.
    case status(Int, String)
    /// No answer within the timeout.
    case timedOut
    /// No answer at all (name not found, connection refused, TLS failure…), and why.
    case failed(String)

    package var isSuccess: Bool {
        if case .status(let code, _) = self { return (200..<400).contains(code) }
        return false
    }

    package var isTimeout: Bool { self == .timedOut }

    /// True for failures that may pass on another try.
    package var mayPassLater: Bool {
        switch self {
        case .status(let code, _): code == 429 || code >= 500
        case .timedOut, .failed: true
        }
    }
}

/// The HTTP method of a probe.
public enum ProbeMethod: String, Sendable {
    case head = "HEAD"
    case get = "GET"
}

/// Sends one request and reports how it went. ``CurlProbe`` is the real one.
public protocol LinkProbe: Sendable {
    /// Requests `url` with `method`, following redirects, waiting at most `timeout` seconds.
    func probe(_ url: String, method: ProbeMethod, timeout: Double) async -> ProbeOutcome
}

/// Hands out one host's links to that host's workers, one at a time.
package actor LinkQueue {
    private var links: [ExternalLink]

    package init(_ links: [ExternalLink]) {
        self.links = links.reversed()
    }

    package func next() -> ExternalLink? {
        links.popLast()
    }
}
